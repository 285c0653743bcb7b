// AKS301 standard-lb-requires-attach — rules/AKS301-standard-lb-requires-attach.md
#include "rules/net/cluster_view.h"
#include "rules/network_rules.h"

namespace aksc::rules {

// "If you need a Standard Load Balancer(SLB) deployed in your cluster instead of a Basic Load
// Balancer(BLB), create a cluster in the AKS portal/CLI/SDK and then attach it to the AML
// workspace." (article, Limitations)
void check_standard_lb_requires_attach(const ir::Spec& spec, const RuleContext& /*context*/,
                                       RuleReporter& out) {
  const ir::Field<ir::LoadBalancerSku>& sku = spec.load_balancer.sku;
  if (!net::mode_is(spec, ir::Mode::kCreate) || !sku.written() ||
      sku.value != ir::LoadBalancerSku::kStandard) {
    return;
  }
  out.report(sku.range,
             "load_balancer.sku is standard, but mode create makes the AKS cluster with a Basic "
             "load balancer only",
             "create the cluster with AKS and attach it: set mode: provision-and-attach (AKS "
             "makes a Standard load balancer), or mode: attach for a cluster that already exists");
}

}  // namespace aksc::rules
