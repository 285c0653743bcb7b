// AKS307 udr-requires-standard-lb — rules/AKS307-udr-requires-standard-lb.md
#include <fmt/format.h>

#include "rules/net/cluster_view.h"
#include "rules/network_rules.h"

namespace aksc::rules {

// "Setting outboundType requires AKS clusters with a vm-set-type of VirtualMachineScaleSets and
// load-balancer-sku of Standard." and, for userDefinedRouting, "You must deploy the AKS cluster
// into an existing virtual network with a subnet that has been previously configured." (AKS
// docs, egress-outboundtype)
void check_udr_requires_standard_lb(const ir::Spec& spec, const RuleContext& /*context*/,
                                    RuleReporter& out) {
  if (!spec.mode.usable() || spec.mode.value == ir::Mode::kCreate) return;  // AKS306's case
  net::ClusterSetting<ir::OutboundType> outbound = net::outbound_type(spec);
  if (!outbound.usable() || outbound.value() != ir::OutboundType::kUserDefinedRouting) return;
  net::ClusterSetting<ir::LoadBalancerSku> sku = net::load_balancer_sku(spec);
  if (sku.usable() && sku.value() == ir::LoadBalancerSku::kBasic) {
    out.report(sku.field->range,
               fmt::format("{} is user-defined-routing, which needs a Standard load balancer, but "
                           "{} is basic",
                           outbound.path, sku.path),
               net::mode_is(spec, ir::Mode::kAttach)
                   ? "a cluster's load balancer cannot change from Basic to Standard: attach a "
                     "cluster created with --load-balancer-sku standard"
                   : "set load_balancer.sku: standard (the AKS default)");
  }
  if (net::mode_is(spec, ir::Mode::kProvisionAndAttach) && !spec.network->subnet_name.usable()) {
    out.report(outbound.field->range,
               "outbound_type user-defined-routing needs the cluster in an existing subnet whose "
               "route table sends egress to your firewall, but network.subnet_name is not set",
               "set network.vnet_resource_group, network.vnet_name and network.subnet_name to "
               "that subnet");
  }
}

}  // namespace aksc::rules
