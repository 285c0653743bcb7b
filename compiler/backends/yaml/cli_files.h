#pragma once

#include <string>
#include <string_view>

#include "backends/intent.h"

// The files of `aksc build --target cli` for `kind: KubernetesCompute` (SPEC-2 §B).
namespace aksc::yaml {

/// The published schema of the CLI v2 YAML (reference-yaml-compute-kubernetes.md).
inline constexpr std::string_view kComputeSchemaUrl =
    "https://azuremlschemas.azureedge.net/latest/kubernetesCompute.schema.json";
/// The InstanceType CRD's group and version (how-to-manage-kubernetes-instance-types.md).
inline constexpr std::string_view kInstanceTypeApiVersion = "amlarc.azureml.com/v1alpha1";

/// compute.yml for `az ml compute attach --file`: type kubernetes, name, description,
/// resource_id, namespace, identity, tags.
std::string compute_yaml(const intent::Deployment& deployment);

/// instance-types.yaml: one InstanceTypeList of the cluster's InstanceType resources
/// (KubernetesCompute::cluster_instance_types), for `kubectl apply --filename`.
std::string instance_types_yaml(const intent::Deployment& deployment);

}  // namespace aksc::yaml
