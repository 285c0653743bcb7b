#include "frontend/lower_kubernetes.h"

#include <string>

namespace aksc::lowering {
namespace {

// SPEC-2 §B defaults, the extension's own (how-to-deploy-kubernetes-extension.md, its table of
// configuration settings) where it has one.
constexpr const char* kDefaultNamespace = "default";
constexpr const char* kDefaultExtensionName = "azureml";

// The range a default points at: the key of the parent when it is written, else `fallback`.
SourceRange parent_range(const Reader& in, std::string_view pointer, SourceRange fallback) {
  return in.node(pointer) ? in.key_range(pointer) : fallback;
}

ir::ResourceList lower_resources(const Reader& in, const std::string& p) {
  ir::ResourceList list;
  list.range = in.key_range_if_present(p);
  list.cpu = in.quantity(p + "/cpu");
  list.memory = in.quantity(p + "/memory");
  list.gpu = in.quantity(p + "/nvidia.com~1gpu");
  return list;
}

ir::InstanceType lower_instance_type(const Reader& in, const std::string& p) {
  ir::InstanceType type;
  type.range = in.key_range(p);
  type.name = in.text(p + "/name");
  type.node_selector = in.text_map(p + "/node_selector");
  type.requests = lower_resources(in, p + "/requests");
  type.limits = lower_resources(in, p + "/limits");
  return type;
}

void lower_instance_types(const Reader& in, ir::KubernetesComputeParts& parts) {
  const nlohmann::json* types = in.node("/instance_types");
  if (!types || types->is_null()) return;
  parts.instance_types.range = in.key_range("/instance_types");
  if (!types->is_array()) {
    parts.instance_types.origin = Origin::kInvalid;
    return;
  }
  parts.instance_types.origin = Origin::kWritten;
  for (std::size_t i = 0; i < types->size(); ++i) {
    if ((*types)[i].is_object()) {
      parts.instance_types.value.push_back(
          lower_instance_type(in, "/instance_types/" + std::to_string(i)));
    }
  }
}

void lower_inference(const Reader& in, ir::Inference& inference, SourceRange extension) {
  const std::string p = "/extension/inference";
  inference.range = in.key_range_if_present(p);
  inference.enabled = in.setting(p + "/enabled");
  inference.router_service_type = in.enumeration<ir::RouterServiceType>(p + "/router_service_type");
  inference.internal_load_balancer = in.setting(p + "/internal_load_balancer");
  inference.router_ha = in.setting(p + "/router_ha");
  inference.allow_insecure_connections = in.setting(p + "/allow_insecure_connections");
  ir::InferenceSsl& ssl = inference.ssl;
  ssl.range = in.key_range_if_present(p + "/ssl");
  ssl.cname = in.text(p + "/ssl/cname");
  ssl.secret = in.text(p + "/ssl/secret");
  ssl.cert_file = in.text(p + "/ssl/cert_file");
  ssl.key_file = in.text(p + "/ssl/key_file");

  SourceRange parent = parent_range(in, p, extension);
  apply_default(inference.enabled, false, parent);
  apply_default(inference.internal_load_balancer, false, parent);
  apply_default(inference.router_ha, true, parent);
  apply_default(inference.allow_insecure_connections, false, parent);
}

void lower_extension(const Reader& in, ir::Extension& extension, SourceRange kind) {
  const std::string p = "/extension";
  extension.range = in.key_range_if_present(p);
  extension.name = in.text(p + "/name");
  extension.release_train = in.enumeration<ir::ReleaseTrain>(p + "/release_train");
  extension.version = in.text(p + "/version");
  // `version: ""` (SPEC-2's template) pins nothing.
  if (extension.version.written() && extension.version.value.empty()) {
    extension.version.origin = Origin::kAbsent;
  }
  extension.auto_upgrade_minor_version = in.setting(p + "/auto_upgrade_minor_version");
  extension.training = in.setting(p + "/training");
  extension.node_selector = in.text_map(p + "/node_selector");
  extension.install_nvidia_device_plugin = in.setting(p + "/install_nvidia_device_plugin");
  extension.install_dcgm_exporter = in.setting(p + "/install_dcgm_exporter");
  extension.install_prom_op = in.setting(p + "/install_prom_op");
  extension.install_volcano = in.setting(p + "/install_volcano");

  SourceRange parent = parent_range(in, p, kind);
  lower_inference(in, extension.inference, parent);
  apply_default(extension.name, std::string(kDefaultExtensionName), parent);
  apply_default(extension.release_train, ir::ReleaseTrain::kStable, parent);
  apply_default(extension.auto_upgrade_minor_version, true, parent);
  apply_default(extension.training, false, parent);
  apply_default(extension.install_nvidia_device_plugin, false, parent);
  apply_default(extension.install_dcgm_exporter, false, parent);
  apply_default(extension.install_prom_op, true, parent);
  apply_default(extension.install_volcano, true, parent);
}

}  // namespace

void lower_kubernetes_parts(const Reader& in, ir::Spec& spec) {
  spec.kubernetes = std::make_shared<ir::KubernetesComputeParts>();
  ir::KubernetesComputeParts& parts = *spec.kubernetes;
  parts.kubernetes_namespace = in.text("/namespace");
  apply_default(parts.kubernetes_namespace, std::string(kDefaultNamespace), spec.kind_range);
  parts.identity.range = in.key_range_if_present("/identity");
  parts.identity.type = in.enumeration<ir::IdentityType>("/identity/type");
  parts.identity.user_assigned_identities = in.text_list("/identity/user_assigned_identities");
  lower_extension(in, parts.extension, spec.kind_range);
  lower_instance_types(in, parts);
  parts.default_instance_type = in.text("/default_instance_type");
}

}  // namespace aksc::lowering
