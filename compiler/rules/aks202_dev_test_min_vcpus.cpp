// AKS202 dev-test-min-vcpus — rules/AKS202-dev-test-min-vcpus.md
#include <algorithm>

#include <fmt/format.h>

#include "rules/sizing_rules.h"

namespace aksc::rules {

void check_dev_test_min_vcpus(const ir::Spec& spec, const RuleContext& context, RuleReporter& out) {
  std::optional<VcpuShortfall> shortfall =
      vcpu_shortfall(spec, context.catalog, ir::Purpose::kDevTest,
                     context.catalog.attach_policy().dev_test_min_vcpus);
  if (!shortfall) return;
  const auto& [nodes, size, minimum, count, needed, total, where, pool_name] = *shortfall;
  const std::string source = table_note(context.catalog, "vm-sizes");
  const std::string per_node = vcpus_text(ceil_div(minimum, std::max<std::int64_t>(count, 1)));
  if (!nodes.pool) {
    out.report(
        where,
        fmt::format("{} × {} = {}; Azure ML recommends at least {} for a dev-test cluster "
                    "— raise agent_count to {} or choose a VM size with at least {}",
                    count, size->name, vcpus_text(total), vcpus_text(minimum), needed, per_node),
        fmt::format("write agent_count: {} or a larger vm_size (vCPUs per size from {})", needed,
                    source));
    return;
  }
  out.report(
      where,
      fmt::format("system node pool '{}': {} × {} = {}; Azure ML recommends at least {} "
                  "for a dev-test cluster — scale it to {} nodes",
                  pool_name, count, size->name, vcpus_text(total), vcpus_text(minimum), needed),
      fmt::format("scale the pool with AKS, e.g. `az aks nodepool scale --cluster-name "
                  "<cluster> --resource-group <group> --name {} --node-count {}`, then "
                  "update cluster.facts (vCPUs per size from {})",
                  pool_name, needed, source));
}

}  // namespace aksc::rules
