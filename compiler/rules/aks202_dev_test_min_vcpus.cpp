// AKS202 dev-test-min-vcpus — rules/AKS202-dev-test-min-vcpus.md
#include <algorithm>

#include <fmt/format.h>

#include "rules/sizing_rules.h"

namespace aksc::rules {

void check_dev_test_min_vcpus(const ir::Spec& spec, const RuleContext& context, RuleReporter& out) {
  if (!spec.purpose.usable() || spec.purpose.value != ir::Purpose::kDevTest) return;
  DeploymentNodes nodes = deployment_nodes(spec);
  if (!nodes.vm_size || !nodes.vm_size->usable() || !nodes.count->usable()) return;  // AKS506
  const VmSize* size = context.catalog.find_vm_size(nodes.vm_size->value);
  if (!size || size->vcpus <= 0) return;  // AKS204
  const std::int64_t minimum = context.catalog.attach_policy().dev_test_min_vcpus;
  const std::int64_t count = nodes.count->value;
  const std::int64_t needed = ceil_div(minimum, size->vcpus);
  if (count >= needed) return;
  const std::int64_t total = count * size->vcpus;
  const std::string source = table_note(context.catalog, "vm-sizes");
  const std::string per_node = vcpus_text(ceil_div(minimum, std::max<std::int64_t>(count, 1)));
  if (!nodes.pool) {
    SourceRange where = nodes.count->written()     ? nodes.count->range
                        : nodes.vm_size->written() ? nodes.vm_size->range
                                                   : spec.purpose.range;
    out.report(
        where,
        fmt::format("{} × {} = {}; Azure ML recommends at least {} for a dev-test cluster "
                    "— raise agent_count to {} or choose a VM size with at least {}",
                    count, size->name, vcpus_text(total), vcpus_text(minimum), needed, per_node),
        fmt::format("write agent_count: {} or a larger vm_size (vCPUs per size from {})", needed,
                    source));
    return;
  }
  const ir::NodePool& pool = *nodes.pool;
  std::string name = pool.name.usable() ? pool.name.value : "(unnamed)";
  out.report(pool.count.range.known() ? pool.count.range : pool.range,
             fmt::format("system node pool '{}': {} × {} = {}; Azure ML recommends at least {} "
                         "for a dev-test cluster — scale it to {} nodes",
                         name, count, size->name, vcpus_text(total), vcpus_text(minimum), needed),
             fmt::format("scale the pool with AKS, e.g. `az aks nodepool scale --cluster-name "
                         "<cluster> --resource-group <group> --name {} --node-count {}`, then "
                         "update cluster.facts (vCPUs per size from {})",
                         name, needed, source));
}

}  // namespace aksc::rules
