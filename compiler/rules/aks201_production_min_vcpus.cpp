// AKS201 production-min-vcpus — rules/AKS201-production-min-vcpus.md
#include <algorithm>

#include <fmt/format.h>

#include "rules/sizing_rules.h"

namespace aksc::rules {
namespace {

// What the reader should know besides the numbers: which values were defaulted, and that other
// pools of an attached cluster do not count. " (a; b)" or "".
std::string finding_notes(const ir::Spec& spec, const DeploymentNodes& nodes) {
  std::vector<std::string> parts;
  if (nodes.pool && spec.cluster->facts.node_pools.value.size() > 1) {
    parts.push_back(
        "other node pools do not count: models are deployed only to the pool the cluster was "
        "created with");
  }
  if (spec.purpose.defaulted()) parts.push_back("purpose is defaulted to production");
  if (!nodes.pool) {
    if (nodes.vm_size->defaulted()) {
      parts.push_back(fmt::format("vm_size is defaulted to {}", nodes.vm_size->value));
    }
    if (nodes.count->defaulted()) {
      parts.push_back(fmt::format("agent_count is defaulted to {}", nodes.count->value));
    }
  }
  if (parts.empty()) return {};
  std::string text = " (";
  for (std::size_t i = 0; i < parts.size(); ++i)
    text += (i ? "; " : "") + parts[i];
  return text + ")";
}

}  // namespace

void check_production_min_vcpus(const ir::Spec& spec, const RuleContext& context,
                                RuleReporter& out) {
  // "multiplying the number of nodes in the cluster by the number of cores provided by the VM
  // size"
  std::optional<VcpuShortfall> shortfall =
      vcpu_shortfall(spec, context.catalog, ir::Purpose::kProduction,
                     context.catalog.attach_policy().production_min_vcpus);
  if (!shortfall) return;
  const auto& [nodes, size, minimum, count, needed, total, where, pool_name] = *shortfall;
  const std::string note = finding_notes(spec, nodes);
  const std::string source = table_note(context.catalog, "vm-sizes");
  if (!nodes.pool) {
    out.report(
        where,
        fmt::format("{} × {} = {}; production needs at least {} — raise agent_count to {} "
                    "or set purpose: dev-test{}",
                    count, size->name, vcpus_text(total), minimum, needed, note),
        fmt::format("write agent_count: {} ({} × {} = {}) or choose a VM size with at least "
                    "{} per node; write purpose: dev-test only if the cluster will not "
                    "serve production traffic (vCPUs per size from {})",
                    needed, needed, size->name, vcpus_text(needed * size->vcpus),
                    vcpus_text(ceil_div(minimum, std::max<std::int64_t>(count, 1))), source));
    return;
  }
  out.report(where,
             fmt::format("system node pool '{}': {} × {} = {}; production needs at least {} — "
                         "scale it to {} nodes or set purpose: dev-test{}",
                         pool_name, count, size->name, vcpus_text(total), minimum, needed, note),
             fmt::format("scale the pool with AKS, e.g. `az aks nodepool scale --cluster-name "
                         "<cluster> --resource-group <group> --name {} --node-count {}`, then "
                         "update cluster.facts; write purpose: dev-test only if the cluster will "
                         "not serve production traffic (vCPUs per size from {})",
                         pool_name, needed, source));
}

}  // namespace aksc::rules
