// AKS806 router-ha-needs-three-nodes — rules/AKS806-router-ha-needs-three-nodes.md
#include <fmt/format.h>

#include "rules/extension_common.h"
#include "rules/migration_rules.h"

namespace aksc::rules {

// "By default, Azure Machine Learning extension deploys three inference router replicas for
// high availability, which requires at least three worker nodes in a cluster. Set to False if
// your cluster has fewer than three worker nodes" (inferenceRouterHA,
// how-to-deploy-kubernetes-extension.md). The nodes are counted as the CLI counts them: the
// counts of all agent pools (AzureMLKubernetes.py).
void check_router_ha_needs_three_nodes(const ir::Spec& spec, const RuleContext& context,
                                       RuleReporter& out) {
  constexpr std::int64_t kRouterReplicas = 3;
  const ir::Field<bool>& router_ha = spec.kubernetes->extension.inference.router_ha;
  if (!inference_enabled(spec) || !router_ha.usable() || !router_ha.value) return;
  const ClusterNodes nodes = cluster_nodes(spec, context.catalog);
  std::int64_t total = 0;
  for (const NodeGroup& group : nodes.groups) {
    if (!group.count->usable() || group.count->value < 0) return;  // AKS506's case
    total += group.count->value;
  }
  if (nodes.groups.empty() || total >= kRouterReplicas) return;
  std::string counted;
  for (const NodeGroup& group : nodes.groups)
    counted += (counted.empty() ? "" : " + ") + describe_group(group);
  const SourceRange where = router_ha.written()        ? router_ha.range
                            : nodes.groups.size() == 1 ? nodes.groups.front().range
                                                       : spec.cluster->facts.node_pools.range;
  out.report(where,
             fmt::format("router_ha{} runs {} azureml-fe replicas, which needs at least {} "
                         "worker nodes; the cluster has {} ({})",
                         router_ha.written() ? "" : " (on by default)", kRouterReplicas,
                         kRouterReplicas, total, counted),
             fmt::format("write extension.inference.router_ha: false (one azureml-fe replica) "
                         "or grow the cluster to {} nodes or more",
                         kRouterReplicas));
}

}  // namespace aksc::rules
