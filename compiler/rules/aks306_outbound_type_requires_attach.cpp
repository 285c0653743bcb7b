// AKS306 outbound-type-requires-attach — rules/AKS306-outbound-type-requires-attach.md
#include "rules/net/cluster_view.h"
#include "rules/network_rules.h"

namespace aksc::rules {

// Azure ML create (AksCompute.provisioning_configuration, and the ARM compute resource it
// sends) has no outbound type: the cluster gets AKS's load-balancer egress. The article's
// route to user-defined routing is to create the cluster with AKS, then attach it.
void check_outbound_type_requires_attach(const ir::Spec& spec, const RuleContext& /*context*/,
                                         RuleReporter& out) {
  if (!net::mode_is(spec, ir::Mode::kCreate) || !spec.outbound_type.written() ||
      spec.outbound_type.value == ir::OutboundType::kLoadBalancer) {
    return;
  }
  out.report(spec.outbound_type.range,
             "outbound_type is user-defined-routing, but mode create cannot set the outbound "
             "type: Azure ML creates the cluster with load-balancer egress through a public IP",
             "set mode: provision-and-attach to create the cluster with AKS (az aks create "
             "--outbound-type userDefinedRouting) and then attach it, or remove outbound_type");
}

}  // namespace aksc::rules
