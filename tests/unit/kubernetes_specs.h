// KubernetesCompute specs as the front end lowers them, built field by field for the
// back-end tests (the front end's own tests cover the YAML).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "ir/spec.h"

namespace aksc::test {

using ir::Field;
using ir::Origin;

template <typename T>
inline Field<T> written(T value) {
  Field<T> field;
  field.value = std::move(value);
  field.origin = Origin::kWritten;
  return field;
}

inline const std::string kSubscription = "0b1f6471-1bf0-4dda-aec3-cb9272f09590";
inline const std::string kClusterId = "/subscriptions/" + kSubscription +
                                      "/resourceGroups/aks-rg/providers/"
                                      "Microsoft.ContainerService/managedClusters/vision-aks";

// A KubernetesCompute attaching an existing cluster by ID: inference over HTTPS by secret,
// one instance type as the default.
inline aksc::ir::Spec attach_spec() {
  aksc::ir::Spec spec;
  spec.kind = aksc::ir::Kind::kKubernetesCompute;
  spec.kubernetes = std::make_shared<aksc::ir::KubernetesComputeParts>();
  spec.name = written<std::string>("k8s-vision");
  spec.mode = written(aksc::ir::Mode::kAttach);
  spec.workspace.name = written<std::string>("ml-ws");
  spec.workspace.resource_group = written<std::string>("ml-rg");
  spec.workspace.subscription_id = written(kSubscription);
  spec.workspace.location = written<std::string>("eastus");
  spec.purpose = written(aksc::ir::Purpose::kProduction);
  spec.cluster->resource_id = written(kClusterId);
  auto& k = *spec.kubernetes;
  k.kubernetes_namespace = written<std::string>("azureml-vision");
  k.identity.type = written(aksc::ir::IdentityType::kSystemAssigned);
  auto& extension = k.extension;
  extension.inference.enabled = written(true);
  extension.inference.router_service_type = written(aksc::ir::RouterServiceType::kLoadBalancer);
  extension.inference.ssl.cname = written<std::string>("scoring.contoso.com");
  extension.inference.ssl.secret = written<std::string>("azureml-tls");
  extension.node_selector = written(std::map<std::string, std::string>{{"pool", "ml"}});
  aksc::ir::InstanceType gpu;
  gpu.name = written<std::string>("gpu-small");
  gpu.node_selector = written(std::map<std::string, std::string>{{"pool", "gpu"}});
  gpu.requests.cpu = written<std::string>("500m");
  gpu.requests.memory = written<std::string>("4Gi");
  gpu.limits.cpu = written<std::string>("2");
  gpu.limits.memory = written<std::string>("8Gi");
  gpu.limits.gpu = written<std::string>("1");
  k.instance_types = written(std::vector<aksc::ir::InstanceType>{gpu});
  k.default_instance_type = written<std::string>("gpu-small");
  return spec;
}

// The same compute on a cluster that aksc provisions in the workspace's resource group, the
// certificate and key as files.
inline aksc::ir::Spec provision_spec() {
  aksc::ir::Spec spec = attach_spec();
  spec.mode = written(aksc::ir::Mode::kProvisionAndAttach);
  spec.cluster.reset();
  spec.location = written<std::string>("eastus");
  spec.agent_count = written<std::int64_t>(3);
  spec.vm_size = written<std::string>("Standard_D4s_v3");
  spec.load_balancer.sku = written(aksc::ir::LoadBalancerSku::kStandard);
  spec.outbound_type = written(aksc::ir::OutboundType::kLoadBalancer);
  spec.cluster_name = written<std::string>("vision-aks");
  spec.cluster_resource_group = written<std::string>("ml-rg");
  auto& ssl = spec.kubernetes->extension.inference.ssl;
  ssl.secret = {};
  ssl.cert_file = written<std::string>("certs/cert.pem");
  ssl.key_file = written<std::string>("certs/key.pem");
  return spec;
}

}  // namespace aksc::test
