// AKS305 private-cluster-requires-attach — rules/AKS305-private-cluster-requires-attach.md
#include "rules/net/cluster_view.h"
#include "rules/network_rules.h"

namespace aksc::rules {

// "If you want to use a private AKS cluster (using Azure Private Link), you must create the
// cluster first, and then attach it to the workspace." (article, Limitations)
void check_private_cluster_requires_attach(const ir::Spec& spec, const RuleContext& /*context*/,
                                           RuleReporter& out) {
  if (!net::mode_is(spec, ir::Mode::kCreate) || !spec.private_cluster.written() ||
      !spec.private_cluster.value) {
    return;
  }
  out.report(spec.private_cluster.range,
             "private_cluster is true, but mode create cannot make a private (Private Link) AKS "
             "cluster; Azure ML can only attach one",
             "set mode: provision-and-attach to create the private cluster with AKS (az aks create "
             "--enable-private-cluster) and then attach it, or mode: attach for an existing one");
}

}  // namespace aksc::rules
