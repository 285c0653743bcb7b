// Helpers of the KubernetesCompute rules — compiler/rules/extension_common.h
#include "rules/extension_common.h"

#include <fmt/format.h>

namespace aksc::rules {
namespace {

bool is_dns_lower_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// Why `label` (one label, already within its length) breaks the DNS-1123 label pattern.
std::string dns_label_pattern_problem(std::string_view label, std::string_view noun) {
  for (std::size_t i = 0; i < label.size(); ++i) {
    const char c = label[i];
    if (is_dns_lower_alnum(c) || c == '-') continue;
    if (c >= 'A' && c <= 'Z') return fmt::format("it has the upper-case letter '{}'", c);
    return fmt::format("it has the character '{}' at {}; only a-z, 0-9 and '-' are allowed{}",
                       std::string_view(label.data() + i, 1), i + 1, noun);
  }
  if (label.front() == '-') return fmt::format("it starts with '-'{}", noun);
  if (label.back() == '-') return fmt::format("it ends with '-'{}", noun);
  return {};
}

}  // namespace

bool inference_enabled(const ir::Spec& spec) {
  const ir::Field<bool>& enabled = spec.kubernetes->extension.inference.enabled;
  return enabled.usable() && enabled.value;
}

ClusterNodes cluster_nodes(const ir::Spec& spec, const Catalog& catalog) {
  ClusterNodes nodes;
  if (!spec.mode.usable()) return nodes;
  nodes.complete = true;
  auto add = [&](std::string_view pool, const ir::Field<std::string>& vm_size,
                 const ir::Field<std::int64_t>& count, SourceRange range) {
    NodeGroup group{pool, &vm_size, &count, nullptr, range};
    if (vm_size.usable()) group.size = catalog.find_vm_size(vm_size.value);
    if (!group.size || !count.usable() || count.value < 0) nodes.complete = false;
    nodes.groups.push_back(group);
  };
  if (spec.mode.value == ir::Mode::kProvisionAndAttach) {
    add({}, spec.vm_size, spec.agent_count,
        spec.agent_count.written() ? spec.agent_count.range : spec.vm_size.range);
    return nodes;
  }
  const ir::ClusterFacts& facts = spec.cluster->facts;
  if (!facts.node_pools.usable() || facts.node_pools.value.empty()) {
    nodes.complete = false;
    return nodes;
  }
  for (const ir::NodePool& pool : facts.node_pools.value)
    add(pool.name.usable() ? std::string_view(pool.name.value) : std::string_view("(unnamed)"),
        pool.vm_size, pool.count, pool.range);
  return nodes;
}

std::string describe_group(const NodeGroup& group) {
  const std::string size = group.vm_size->usable() ? group.vm_size->value : "(unknown size)";
  const std::string count =
      group.count->usable() ? fmt::format("{}", group.count->value) : std::string("?");
  if (group.pool.empty()) return fmt::format("{} × {}", count, size);
  return fmt::format("pool '{}' ({} × {})", group.pool, count, size);
}

std::string dns1123_label_problem(std::string_view text) {
  if (text.empty()) return "it is empty";
  if (text.size() > 63) return fmt::format("it is {} characters long; at most 63", text.size());
  return dns_label_pattern_problem(text, "");
}

std::string dns1123_subdomain_problem(std::string_view text) {
  if (text.empty()) return "it is empty";
  if (text.size() > 253) return fmt::format("it is {} characters long; at most 253", text.size());
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = text.find('.', start);
    const std::string_view label =
        text.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (label.empty()) return "it has an empty part between dots (or starts or ends with '.')";
    if (std::string problem = dns_label_pattern_problem(label, " (and '.' between parts)");
        !problem.empty())
      return problem;
    if (dot == std::string_view::npos) return {};
    start = dot + 1;
  }
}

}  // namespace aksc::rules
