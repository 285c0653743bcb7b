// AKS810 cross-subscription-attach — rules/AKS810-cross-subscription-attach.md
#include <fmt/format.h>

#include "diag/text_util.h"
#include "rules/migration_rules.h"
#include "rules/project_keys.h"

namespace aksc::rules {

// "Azure Machine Learning doesn't support attaching an AKS cluster cross subscription."
// (how-to-deploy-kubernetes-extension.md)
void check_cross_subscription_attach(const ir::Spec& spec, const RuleContext& /*context*/,
                                     RuleReporter& out) {
  if (!spec.mode.usable() || spec.mode.value != ir::Mode::kAttach) return;
  const ir::Field<std::string>& workspace = spec.workspace.subscription_id;
  if (!workspace.usable() || workspace.value.empty()) return;
  const ir::Cluster& cluster = spec.cluster;
  std::string subscription;
  SourceRange where;
  std::string written_as;
  if (cluster.resource_id.usable()) {
    // A malformed ID is AKS505's finding.
    if (!managed_cluster_key(cluster.resource_id.value)) return;
    // "/subscriptions/<id>/...": the second segment, as written.
    const std::string& id = cluster.resource_id.value;
    const std::size_t start = id.find('/', 1) + 1;
    subscription = id.substr(start, id.find('/', start) - start);
    where = cluster.resource_id.range;
    written_as = "cluster.resource_id";
  } else if (cluster.subscription_id.usable() && !cluster.subscription_id.value.empty()) {
    subscription = cluster.subscription_id.value;
    where = cluster.subscription_id.range;
    written_as = "cluster.subscription_id";
  } else {
    return;  // the cluster is in the workspace's subscription
  }
  if (iequals(subscription, workspace.value)) return;
  out.report(where,
             fmt::format("the cluster is in subscription {} ({}) and the workspace in {}; Azure "
                         "ML does not attach an AKS cluster across subscriptions",
                         subscription, written_as, workspace.value),
             "attach a cluster of the workspace's subscription, or connect this cluster to Azure "
             "Arc in the workspace's subscription and attach the Arc cluster (as the Azure ML "
             "docs advise)");
}

}  // namespace aksc::rules
