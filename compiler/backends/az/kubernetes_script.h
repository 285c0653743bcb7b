#pragma once

#include <string>

#include "backends/artifact_context.h"
#include "backends/intent.h"

// deploy.sh of `kind: KubernetesCompute` (SPEC-2 §B).
namespace aksc::az {

/// The file deploy.sh hands to kubectl on the cluster; the az target writes it beside the script.
inline constexpr std::string_view kInstanceTypesFile = "instance-types.yaml";

/// A bash script that deploys `deployment` (which has `kubernetes`) with the az CLI and its
/// k8s-extension and ml extensions: [az aks create], [az aks show], az k8s-extension create,
/// [the namespace], [the InstanceTypes] through az aks command invoke, az ml compute attach.
std::string kubernetes_script(const intent::Deployment& deployment, const ArtifactContext& context);

}  // namespace aksc::az
