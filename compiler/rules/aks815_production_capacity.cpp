// AKS815 production-capacity — rules/AKS815-production-capacity.md
#include <fmt/format.h>

#include "rules/extension_common.h"
#include "rules/migration_rules.h"
#include "rules/sizing_rules.h"

namespace aksc::rules {
namespace {

// "For production purposes, the Kubernetes cluster must have a minimum of 4 vCPU cores and
// 14-GB memory." (how-to-deploy-kubernetes-extension.md, Prerequisites). The memory is compared
// in GiB, as the recommended production VM of reference-kubernetes.md ("4 vCPU, 14 GiB Memory",
// DS3v2) and the VM size table give it.
constexpr std::int64_t kProductionMinVcpus = 4;
constexpr std::int64_t kProductionMinMemoryMib = 14 * 1024;

std::string mib_as_gib(std::int64_t mib) {
  std::string text = fmt::format("{:.2f}", static_cast<double>(mib) / 1024);
  while (text.back() == '0')
    text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text + " GiB";
}

}  // namespace

void check_production_capacity(const ir::Spec& spec, const RuleContext& context,
                               RuleReporter& out) {
  if (!spec.purpose.usable() || spec.purpose.value != ir::Purpose::kProduction) return;
  const ClusterNodes nodes = cluster_nodes(spec, context.catalog);
  if (!nodes.complete) return;  // a missing fact (AKS506) or an unknown size (AKS204)
  std::int64_t vcpus = 0;
  std::int64_t memory_mib = 0;
  bool memory_known = true;
  std::string counted;
  for (const NodeGroup& group : nodes.groups) {
    vcpus += group.count->value * group.size->vcpus_available;
    memory_mib += group.count->value * group.size->memory_mib;
    memory_known = memory_known && group.size->memory_mib > 0;
    counted += (counted.empty() ? "" : " + ") + describe_group(group);
  }
  const bool few_vcpus = vcpus < kProductionMinVcpus;
  const bool little_memory = memory_known && memory_mib < kProductionMinMemoryMib;
  if (!few_vcpus && !little_memory) return;
  std::string shortfall;
  if (few_vcpus) shortfall = fmt::format("{} (needs {})", vcpus_text(vcpus), kProductionMinVcpus);
  if (little_memory) {
    shortfall += fmt::format("{}{} of memory (needs {})", shortfall.empty() ? "" : " and ",
                             mib_as_gib(memory_mib), mib_as_gib(kProductionMinMemoryMib));
  }
  const SourceRange where = spec.mode.value == ir::Mode::kProvisionAndAttach
                                ? nodes.groups.front().range
                                : spec.cluster->facts.node_pools.range;
  out.report(where,
             fmt::format("a production cluster for the Azure ML extension needs at least {} and "
                         "{} of memory in total; {} give{} {}{}",
                         vcpus_text(kProductionMinVcpus), mib_as_gib(kProductionMinMemoryMib),
                         counted, nodes.groups.size() == 1 ? "s" : "", shortfall,
                         spec.purpose.defaulted() ? " (purpose is defaulted to production)" : ""),
             fmt::format("add nodes or choose a larger VM size (e.g. 3 × Standard_DS3_v2, as "
                         "Azure ML's resource planning recommends for production inference); "
                         "write purpose: dev-test if the cluster serves no production traffic "
                         "(sizes from {})",
                         table_note(context.catalog, "vm-sizes")));
}

}  // namespace aksc::rules
