// AKS208 production-min-nodes — rules/AKS208-production-min-nodes.md
#include <fmt/format.h>

#include "rules/sizing_rules.h"

namespace aksc::rules {
namespace {

// "When creating or attaching a cluster, if the cluster is used for production, then it must
// contain at least 3 nodes. For a dev-test cluster, it must contain at least 1 node." (v1
// article, Limitations)
constexpr std::int64_t kProductionMinNodes = 3;
constexpr std::int64_t kDevTestMinNodes = 1;

std::string nodes_text(std::int64_t count) {
  return fmt::format("{} node{}", count, count == 1 ? "" : "s");
}

}  // namespace

void check_production_min_nodes(const ir::Spec& spec, const RuleContext& /*context*/,
                                RuleReporter& out) {
  if (!spec.purpose.usable()) return;
  const bool production = spec.purpose.value == ir::Purpose::kProduction;
  const std::int64_t minimum = production ? kProductionMinNodes : kDevTestMinNodes;
  const DeploymentNodes nodes = deployment_nodes(spec);
  if (!nodes.count || !nodes.count->usable()) return;  // no facts: AKS506 lists the rule
  const std::int64_t count = nodes.count->value;
  if (count < 0 || count >= minimum) return;  // a negative count is AKS002's or AKS507's
  const std::string purpose = production ? "production" : "dev-test";
  const std::string defaulted =
      production && spec.purpose.defaulted() ? " (purpose is defaulted to production)" : "";
  const std::string fallback = production
                                   ? "; write purpose: dev-test only if the cluster will not "
                                     "serve production traffic"
                                   : "";
  if (!nodes.pool) {
    out.report(nodes.count->written() ? nodes.count->range : spec.purpose.range,
               fmt::format("agent_count {}: a {} cluster needs at least {}{}", count, purpose,
                           nodes_text(minimum), defaulted),
               fmt::format("write agent_count: {}{}", minimum, fallback));
    return;
  }
  const ir::NodePool& pool = *nodes.pool;
  const std::string pool_name = pool.name.usable() ? pool.name.value : "(unnamed)";
  std::string notes = defaulted.empty() ? "" : "purpose is defaulted to production";
  if (spec.cluster->facts.node_pools.value.size() > 1) {
    notes += std::string(notes.empty() ? "" : "; ") +
             "other node pools do not count: models are deployed only to the pool the cluster "
             "was created with";
  }
  out.report(pool.count.range.known() ? pool.count.range : pool.range,
             fmt::format("system node pool '{}' has {}; a {} cluster needs at least {}{}",
                         pool_name, nodes_text(count), purpose, nodes_text(minimum),
                         notes.empty() ? std::string() : " (" + notes + ")"),
             fmt::format("scale the pool with AKS, e.g. `az aks nodepool scale --cluster-name "
                         "<cluster> --resource-group <group> --name {} --node-count {}`, then "
                         "update cluster.facts{}",
                         pool_name, minimum, fallback));
}

}  // namespace aksc::rules
