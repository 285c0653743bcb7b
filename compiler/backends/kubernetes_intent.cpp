#include "backends/kubernetes_intent.h"

#include <fmt/format.h>

#include "backends/field_reader.h"
#include "diag/text_util.h"

namespace aksc::intent {
namespace {

// A map from the spec whose keys and values go into settings and manifests. The CLI splits
// `--config key=value` at the first '=', so a key holding one would set another key.
std::map<std::string, std::string> lower_selector(
    const ir::Field<std::map<std::string, std::string>>& field, std::string_view what,
    FieldReader& in) {
  if (!field.usable()) return {};
  for (const auto& [key, value] : field.value) {
    in.checked(key, fmt::format("a key of {}", what));
    in.checked(value, fmt::format("{} '{}'", what, key));
    if (key.empty()) in.problem(fmt::format("{} has an empty key", what));
    if (key.find('=') != std::string::npos) {
      in.problem(fmt::format("{} key '{}' contains '='", what, key));
    }
  }
  return field.value;
}

std::optional<ScoringTls> lower_tls(const ir::InferenceSsl& ssl, FieldReader& in) {
  ScoringTls tls;
  tls.cname = in.required(ssl.cname, "extension.inference.ssl.cname");
  tls.secret = in.optional(ssl.secret, "extension.inference.ssl.secret");
  tls.cert_file = in.optional(ssl.cert_file, "extension.inference.ssl.cert_file");
  tls.key_file = in.optional(ssl.key_file, "extension.inference.ssl.key_file");
  if (!tls.uses_files() && tls.secret.empty()) {
    in.problem(
        "extension.inference.ssl needs a secret or both cert_file and key_file (or "
        "allow_insecure_connections: true)");
  }
  if (tls.uses_files()) tls.secret.clear();  // the CLI takes the files first
  return tls;
}

std::optional<Inference> lower_inference(const ir::Inference& spec, FieldReader& in) {
  if (!in.or_default(spec.enabled, false)) return std::nullopt;
  Inference inference;
  inference.router_service_type =
      in.required(spec.router_service_type, "extension.inference.router_service_type");
  inference.internal_load_balancer = in.or_default(spec.internal_load_balancer, false);
  inference.router_ha = in.or_default(spec.router_ha, true);
  inference.allow_insecure_connections = in.or_default(spec.allow_insecure_connections, false);
  if (!inference.allow_insecure_connections) inference.tls = lower_tls(spec.ssl, in);
  return inference;
}

Extension lower_extension(const ir::Extension& spec, FieldReader& in) {
  Extension extension;
  if (spec.name.usable()) extension.name = in.required(spec.name, "extension.name");
  extension.release_train = in.or_default(spec.release_train, ir::ReleaseTrain::kStable);
  extension.version = in.optional(spec.version, "extension.version");
  // A pinned version does not upgrade itself (the ARM schema: "To use 'version',
  // autoUpgradeMinorVersion must be 'false'").
  bool pinned = !extension.version.empty();
  extension.auto_upgrade_minor_version = in.or_default(spec.auto_upgrade_minor_version, !pinned);
  if (pinned && extension.auto_upgrade_minor_version) {
    in.problem(fmt::format(
        "extension.version '{}' is pinned while auto_upgrade_minor_version is true; set it to "
        "false",
        extension.version));
  }
  extension.training = in.or_default(spec.training, false);
  extension.inference = lower_inference(spec.inference, in);
  if (!extension.training && !extension.inference) {
    in.problem("the extension enables neither training nor inference");
  }
  extension.node_selector = lower_selector(spec.node_selector, "extension.node_selector", in);
  extension.install_nvidia_device_plugin = in.or_default(spec.install_nvidia_device_plugin, false);
  extension.install_dcgm_exporter = in.or_default(spec.install_dcgm_exporter, false);
  extension.install_prom_op = in.or_default(spec.install_prom_op, true);
  extension.install_volcano = in.or_default(spec.install_volcano, true);
  return extension;
}

std::map<std::string, std::string> lower_resources(const ir::ResourceList& list,
                                                   std::string_view what, FieldReader& in) {
  std::map<std::string, std::string> resources;
  auto add = [&](std::string_view key, const ir::Field<std::string>& field) {
    if (field.usable()) resources[std::string(key)] = in.checked(field.value, what);
  };
  add("cpu", list.cpu);
  add("memory", list.memory);
  add("nvidia.com/gpu", list.gpu);
  return resources;
}

std::vector<InstanceType> lower_instance_types(const ir::KubernetesComputeParts& parts,
                                               FieldReader& in) {
  std::vector<InstanceType> types;
  if (!parts.instance_types.usable()) return types;
  for (const ir::InstanceType& spec : parts.instance_types.value) {
    InstanceType type;
    type.name = in.required(spec.name, "the name of an instance type");
    std::string what = fmt::format("instance type '{}'", type.name);
    type.node_selector =
        lower_selector(spec.node_selector, fmt::format("the node_selector of {}", what), in);
    type.requests = lower_resources(spec.requests, fmt::format("the requests of {}", what), in);
    type.limits = lower_resources(spec.limits, fmt::format("the limits of {}", what), in);
    types.push_back(std::move(type));
  }
  return types;
}

std::string cluster_location(const ir::Spec& spec, FieldReader& in) {
  if (spec.mode.value == ir::Mode::kProvisionAndAttach)
    return in.optional(spec.location, "location");
  return in.optional(spec.cluster->facts.location, "cluster.facts.location");
}

}  // namespace

std::vector<InstanceType> KubernetesCompute::cluster_instance_types() const {
  std::vector<InstanceType> types = instance_types;
  if (default_instance_type.empty() || default_instance_type == kDefaultInstanceTypeName) {
    return types;
  }
  for (const InstanceType& type : instance_types) {
    if (type.name == default_instance_type) {
      InstanceType copy = type;
      copy.name = kDefaultInstanceTypeName;
      types.push_back(std::move(copy));
      break;
    }
  }
  return types;
}

KubernetesCompute lower_kubernetes(const ir::Spec& spec, FieldReader& in) {
  const ir::KubernetesComputeParts& parts = *spec.kubernetes;
  KubernetesCompute k;
  if (parts.kubernetes_namespace.usable()) {
    k.kubernetes_namespace = in.required(parts.kubernetes_namespace, "namespace");
  }
  k.identity = in.or_default(parts.identity.type, ir::IdentityType::kSystemAssigned);
  if (k.identity == ir::IdentityType::kServicePrincipal) {
    in.problem("identity.type must be system-assigned or user-assigned");
  }
  if (parts.identity.user_assigned_identities.usable()) {
    for (const auto& id : parts.identity.user_assigned_identities.value) {
      k.user_assigned_identities.push_back(
          in.required(id, "an entry of identity.user_assigned_identities"));
    }
  }
  if (k.identity == ir::IdentityType::kUserAssigned && k.user_assigned_identities.empty()) {
    in.problem("identity.user_assigned_identities is missing");
  }
  if (k.identity == ir::IdentityType::kSystemAssigned) k.user_assigned_identities.clear();
  k.extension = lower_extension(parts.extension, in);
  k.instance_types = lower_instance_types(parts, in);
  k.default_instance_type = in.optional(parts.default_instance_type, "default_instance_type");
  bool known =
      k.default_instance_type.empty() || k.default_instance_type == kDefaultInstanceTypeName;
  for (const InstanceType& type : k.instance_types)
    known = known || type.name == k.default_instance_type;
  if (!known) {
    in.problem(fmt::format("default_instance_type '{}' is not one of instance_types",
                           k.default_instance_type));
  }
  k.cluster_location = cluster_location(spec, in);
  return k;
}

std::optional<ClusterIdParts> parse_managed_cluster_id(std::string_view id) {
  std::vector<std::string> segments;
  std::size_t start = id.starts_with('/') ? 1 : 0;
  while (start <= id.size()) {
    std::size_t end = id.find('/', start);
    if (end == std::string_view::npos) end = id.size();
    segments.emplace_back(id.substr(start, end - start));
    start = end + 1;
  }
  if (segments.size() != 8) return std::nullopt;
  const char* expected[] = {"subscriptions",   nullptr,     "resourcegroups",
                            nullptr,           "providers", "microsoft.containerservice",
                            "managedclusters", nullptr};
  for (std::size_t i = 0; i < segments.size(); ++i) {
    if (segments[i].empty()) return std::nullopt;
    if (expected[i] && to_lower(segments[i]) != expected[i]) return std::nullopt;
  }
  return ClusterIdParts{segments[1], segments[3], segments[7]};
}

std::string_view extension_bool(bool value) {
  return value ? "True" : "False";
}

std::string_view router_service_type_setting(ir::RouterServiceType value) {
  switch (value) {
    case ir::RouterServiceType::kNodePort:
      return "nodePort";
    case ir::RouterServiceType::kClusterIp:
      return "clusterIP";
    case ir::RouterServiceType::kLoadBalancer:
      break;
  }
  return "loadBalancer";
}

std::string_view release_train_setting(ir::ReleaseTrain value) {
  return value == ir::ReleaseTrain::kPreview ? "preview" : "stable";
}

std::string_view compute_identity_type(ir::IdentityType value) {
  return value == ir::IdentityType::kUserAssigned ? "UserAssigned" : "SystemAssigned";
}

}  // namespace aksc::intent
