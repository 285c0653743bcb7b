// AKS812 instance-type-does-not-fit — rules/AKS812-instance-type-does-not-fit.md
#include <algorithm>
#include <map>
#include <optional>

#include <fmt/format.h>

#include "diag/text_util.h"
#include "rules/extension_common.h"
#include "rules/migration_rules.h"
#include "rules/quantity.h"
#include "rules/sizing_rules.h"

namespace aksc::rules {
namespace {

// The labels AKS puts on every node that name its pool or its VM size; a selector on any other
// label cannot be judged from the facts, so it leaves every pool a candidate.
constexpr std::string_view kPoolLabels[] = {"agentpool", "kubernetes.azure.com/agentpool"};
constexpr std::string_view kSizeLabels[] = {"node.kubernetes.io/instance-type",
                                            "beta.kubernetes.io/instance-type"};

// A positive quantity of a resource field, or nothing (AKS811 judges the rest).
std::optional<Quantity> positive_quantity(const ir::Field<std::string>& field) {
  if (!field.usable()) return std::nullopt;
  QuantityParse parsed = parse_quantity(field.value);
  if (!parsed.value || parsed.value->is_negative() || parsed.value->is_zero()) return std::nullopt;
  return parsed.value;
}

// Whether `group` can carry the labels `selector` asks for, as far as the facts tell.
bool group_may_match(const NodeGroup& group, const std::map<std::string, std::string>& selector) {
  for (const auto& [key, value] : selector) {
    for (std::string_view label : kPoolLabels) {
      if (key == label && !group.pool.empty() && group.pool != value) return false;
    }
    for (std::string_view label : kSizeLabels) {
      if (key == label && !iequals(group.vm_size->value, value)) return false;
    }
  }
  return true;
}

std::string node_capacity_text(const VmSize& size) {
  return fmt::format("{}, {}, {}", vcpus_text(size.vcpus_available),
                     size.memory_mib > 0 ? Quantity::from_mebibytes(size.memory_mib).bytes_text()
                                         : std::string("memory unknown"),
                     size.gpus > 0 ? fmt::format("{} GPU{}", size.gpus, size.gpus == 1 ? "" : "s")
                                   : std::string("no GPU"));
}

}  // namespace

// An instance type's pods request its requests (and its GPU limit: Kubernetes requests as many
// GPUs as the limit); a pod is scheduled only on a node with that much room. Judged against the
// VM size's capacity, not the node's allocatable (what AKS reserves is not subtracted): see
// rules/AKS812-instance-type-does-not-fit.md.
void check_instance_type_does_not_fit(const ir::Spec& spec, const RuleContext& context,
                                      RuleReporter& out) {
  const auto& types = spec.kubernetes->instance_types;
  if (!types.usable() || types.value.empty()) return;
  const ClusterNodes nodes = cluster_nodes(spec, context.catalog);
  if (!nodes.complete) return;  // AKS506 / AKS204 report the missing fact or size
  const auto& extension_selector = spec.kubernetes->extension.node_selector;
  for (const ir::InstanceType& type : types.value) {
    std::map<std::string, std::string> selector;
    if (extension_selector.usable()) selector = extension_selector.value;
    if (type.node_selector.usable()) {
      for (const auto& [key, value] : type.node_selector.value)
        selector.insert_or_assign(key, value);
    }
    std::vector<const NodeGroup*> candidates;
    for (const NodeGroup& group : nodes.groups) {
      if (group.count->value > 0 && group_may_match(group, selector)) candidates.push_back(&group);
    }
    if (candidates.empty()) continue;

    const std::optional<Quantity> cpu = positive_quantity(type.requests.cpu);
    const std::optional<Quantity> memory = positive_quantity(type.requests.memory);
    std::optional<Quantity> gpu = positive_quantity(type.limits.gpu);
    if (gpu && !gpu->is_whole()) gpu.reset();  // not a GPU count: AKS811's
    auto cpu_fits = [&](const VmSize& size) {
      return !cpu || *cpu <= Quantity::from_units(size.vcpus_available);
    };
    auto memory_fits = [&](const VmSize& size) {
      return !memory || size.memory_mib <= 0 ||
             *memory <= Quantity::from_mebibytes(size.memory_mib);
    };
    auto gpu_fits = [&](const VmSize& size) {
      return !gpu || *gpu <= Quantity::from_units(size.gpus);
    };

    const std::string name = type.name.usable() ? type.name.value : "(unnamed)";
    // The nodes' capacities and the table's note, written only for a finding: most instance
    // types fit.
    auto selected = [&candidates] {
      std::string text;
      for (const NodeGroup* group : candidates) {
        text += (text.empty() ? "" : "; ") + describe_group(*group) + ": " +
                node_capacity_text(*group->size);
      }
      return text;
    };
    const std::string_view which =
        candidates.size() == 1 ? "the selected nodes have" : "every selected node has";
    auto basis = [&context] {
      return fmt::format(
          "compared with the VM size's capacity, before what AKS reserves for the system; {}",
          table_note(context.catalog, "vm-sizes"));
    };
    bool reported = false;
    auto report_resource = [&](const ir::Field<std::string>& field, std::string_view what,
                               auto fits, auto most) {
      if (std::any_of(candidates.begin(), candidates.end(),
                      [&](const NodeGroup* group) { return fits(*group->size); }))
        return;
      reported = true;
      out.report(field.range,
                 fmt::format("instance type '{}' asks for {} {}, more than {} ({}); its pods "
                             "can never be scheduled ({})",
                             name, what, field.value, which, selected(), basis()),
                 fmt::format("lower it to what a node has ({} at most, and less in practice: "
                             "AKS reserves part of each node), or add a node pool of a larger "
                             "VM size and select it with node_selector",
                             most()));
    };
    std::int64_t most_vcpus = 0, most_mib = 0, most_gpus = 0;
    for (const NodeGroup* group : candidates) {
      most_vcpus = std::max<std::int64_t>(most_vcpus, group->size->vcpus_available);
      most_mib = std::max<std::int64_t>(most_mib, group->size->memory_mib);
      most_gpus = std::max<std::int64_t>(most_gpus, group->size->gpus);
    }
    report_resource(type.requests.cpu, "cpu", cpu_fits, [&] { return vcpus_text(most_vcpus); });
    report_resource(type.requests.memory, "memory", memory_fits,
                    [&] { return Quantity::from_mebibytes(most_mib).bytes_text(); });
    report_resource(type.limits.gpu, "nvidia.com/gpu", gpu_fits,
                    [&] { return fmt::format("{} GPU{}", most_gpus, most_gpus == 1 ? "" : "s"); });
    if (reported) continue;
    const bool one_fits =
        std::any_of(candidates.begin(), candidates.end(), [&](const NodeGroup* g) {
          return cpu_fits(*g->size) && memory_fits(*g->size) && gpu_fits(*g->size);
        });
    if (one_fits) continue;
    out.report(type.requests.range.known() ? type.requests.range : type.range,
               fmt::format("instance type '{}' asks for cpu {}, memory {} and nvidia.com/gpu {} "
                           "together, which no selected node has at once ({}); its pods can "
                           "never be scheduled ({})",
                           name, type.requests.cpu.value, type.requests.memory.value,
                           gpu ? type.limits.gpu.value : "0", selected(), basis()),
               "lower the requests to fit one node size, or select the nodes that can hold them "
               "all with node_selector");
  }
}

}  // namespace aksc::rules
