#pragma once

#include <nlohmann/json.hpp>

#include "backends/artifact_context.h"
#include "backends/intent.h"

// The ARM template of `kind: KubernetesCompute` (SPEC-2 §B): the managed cluster
// (provision-and-attach), the Azure ML extension scoped to it, and the Kubernetes compute that
// depends on the extension.
namespace aksc::arm {

/// azuredeploy.json of a deployment with `kubernetes`, keys in a fixed order.
nlohmann::ordered_json kubernetes_template(const intent::Deployment& deployment,
                                           const ArtifactContext& context);

/// azuredeploy.parameters.json: the names the template takes, never the certificate or key.
nlohmann::ordered_json kubernetes_parameters(const intent::Deployment& deployment);

}  // namespace aksc::arm
