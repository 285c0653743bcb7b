#include "backends/yaml/cli_files.h"

#include <fmt/format.h>

#include "backends/yaml/yaml_text.h"

namespace aksc::yaml {
namespace {

void append_map(std::string& out, const std::map<std::string, std::string>& values,
                std::string_view indent) {
  for (const auto& [key, value] : values)
    out += fmt::format("{}{}: {}\n", indent, double_quoted(key), double_quoted(value));
}

}  // namespace

std::string compute_yaml(const intent::Deployment& d) {
  const intent::KubernetesCompute& k = *d.kubernetes;
  std::string out = fmt::format("$schema: {}\n", kComputeSchemaUrl);
  out += "type: kubernetes\n";
  out += fmt::format("name: {}\n", double_quoted(d.compute.name));
  if (!d.compute.description.empty()) {
    out += fmt::format("description: {}\n", double_quoted(d.compute.description));
  }
  out += fmt::format("resource_id: {}\n", double_quoted(d.attached->resource_id));
  out += fmt::format("namespace: {}\n", double_quoted(k.kubernetes_namespace));
  out += "identity:\n";
  if (k.identity == ir::IdentityType::kUserAssigned) {
    out += "  type: user_assigned\n  user_assigned_identities:\n";
    for (const std::string& id : k.user_assigned_identities)
      out += fmt::format("    - resource_id: {}\n", double_quoted(id));
  } else {
    out += "  type: system_assigned\n";
  }
  if (!d.compute.tags.empty()) {
    out += "tags:\n";
    append_map(out, d.compute.tags, "  ");
  }
  return out;
}

std::string instance_types_yaml(const intent::Deployment& d) {
  std::string out =
      fmt::format("apiVersion: {}\nkind: InstanceTypeList\nitems:\n", kInstanceTypeApiVersion);
  for (const intent::InstanceType& type : d.kubernetes->cluster_instance_types()) {
    out += fmt::format("  - metadata:\n      name: {}\n    spec:\n", double_quoted(type.name));
    if (!type.node_selector.empty()) {
      out += "      nodeSelector:\n";
      append_map(out, type.node_selector, "        ");
    }
    if (type.requests.empty() && type.limits.empty()) {
      out += "      resources: {}\n";
      continue;
    }
    out += "      resources:\n";
    if (!type.requests.empty()) {
      out += "        requests:\n";
      append_map(out, type.requests, "          ");
    }
    if (!type.limits.empty()) {
      out += "        limits:\n";
      append_map(out, type.limits, "          ");
    }
  }
  return out;
}

}  // namespace aksc::yaml
