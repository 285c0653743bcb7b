// AKS308 internal-lb-requires-subnet — rules/AKS308-internal-lb-requires-subnet.md
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "diag/text_util.h"
#include "rules/net/cluster_view.h"
#include "rules/network_rules.h"

namespace aksc::rules {

// "An internal (or private) load balancer is used where only private IPs are allowed as
// frontend. Internal load balancers are used to load balance traffic inside a virtual network"
// (how-to-secure-inferencing-vnet); the SDK's load_balancer_subnet "Default value is
// aks-subnet."
void check_internal_lb_requires_subnet(const ir::Spec& spec, const RuleContext& /*context*/,
                                       RuleReporter& out) {
  const ir::Field<ir::LoadBalancerType>& type = spec.load_balancer.type;
  if (!type.usable() || type.value != ir::LoadBalancerType::kInternal) return;
  if (spec.load_balancer.subnet.origin == ir::Origin::kInvalid) return;  // AKS002's case
  bool needs_subnet =
      !spec.load_balancer.subnet.usable() || trim(spec.load_balancer.subnet.value).empty();
  // attach: the existing cluster is already in its virtual network.
  const ir::Network& net = spec.network;
  bool needs_vnet = !net::mode_is(spec, ir::Mode::kAttach) &&
                    net.vnet_name.origin == ir::Origin::kAbsent &&
                    net.subnet_name.origin == ir::Origin::kAbsent &&
                    net.vnet_resource_group.origin == ir::Origin::kAbsent;
  if (!needs_subnet && !needs_vnet) return;
  std::vector<std::string> problems;
  if (needs_subnet) {
    problems.push_back(
        "load_balancer.subnet is not set (Azure ML would fall back to a subnet named aks-subnet)");
  }
  if (needs_vnet) {
    problems.push_back(
        "the spec names no virtual network (network.vnet_resource_group, vnet_name, subnet_name)");
  }
  out.report(type.range,
             fmt::format("load_balancer.type internal gives the scoring endpoint a private IP "
                         "from a subnet of your virtual network, but {}",
                         fmt::join(problems, ", and ")),
             needs_vnet ? "set network.vnet_resource_group, network.vnet_name and "
                          "network.subnet_name, and load_balancer.subnet to the subnet for the "
                          "endpoint (often the same as network.subnet_name)"
                        : "set load_balancer.subnet to the subnet of the cluster's virtual network "
                          "that the endpoint's private IP comes from");
}

}  // namespace aksc::rules
