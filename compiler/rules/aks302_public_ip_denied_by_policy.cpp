// AKS302 public-ip-denied-by-policy — rules/AKS302-public-ip-denied-by-policy.md
#include <fmt/format.h>

#include "rules/net/cluster_view.h"
#include "rules/network_rules.h"

namespace aksc::rules {
namespace {

std::string policy_source(const Config& config) {
  const std::string& file = config.policy_file.empty() ? config.file : config.policy_file;
  return file.empty() ? std::string("policy.deny_public_ip")
                      : fmt::format("policy.deny_public_ip in {}", file);
}

std::string defaulted(bool is_defaulted) {
  return is_defaulted ? " (defaulted)" : "";
}

}  // namespace

// "If you have an Azure Policy that restricts the creation of Public IP addresses, then AKS
// cluster creation will fail. AKS requires a Public IP for egress traffic." (article,
// Limitations). For AKS's own create, egress-outboundtype: with outbound type loadBalancer "A
// public IP address is provisioned for cluster egress."
void check_public_ip_denied_by_policy(const ir::Spec& spec, const RuleContext& context,
                                      RuleReporter& out) {
  const Config& config = context.config;
  if (!config.deny_public_ip.usable() || !config.deny_public_ip.value) return;
  if (net::mode_is(spec, ir::Mode::kCreate)) {
    out.report(spec.mode.range,
               fmt::format("{} says an Azure Policy forbids public IP addresses, and AKS cluster "
                           "creation from Azure ML fails under it: AKS requires a public IP for "
                           "egress traffic",
                           policy_source(config)),
               "set mode: provision-and-attach with outbound_type: user-defined-routing (egress "
               "through your firewall; needs load_balancer.sku: standard and a network subnet) "
               "and load_balancer.type: internal, so that the cluster is created without a "
               "public IP and then attached");
    return;
  }
  if (net::mode_is(spec, ir::Mode::kAttach)) {
    // "When trying to create or attach an AKS cluster, you might receive a message that the
    // request is denied because "Load Balancers shouldn't have public IPs." [...] To resolve this
    // problem, create/attach the cluster by using the load_balancer_type and
    // load_balancer_subnet parameters." (v1 article, Troubleshooting)
    const ir::Field<ir::LoadBalancerType>& type = spec.load_balancer.type;
    if (type.usable() && type.value == ir::LoadBalancerType::kInternal) return;
    out.report(type.usable() ? type.range : spec.mode.range,
               fmt::format("load_balancer.type {} puts the scoring endpoint of the attached "
                           "cluster on a public IP address, which the Azure Policy of {} "
                           "forbids: Azure ML refuses the attach (\"Load Balancers shouldn't "
                           "have public IPs\")",
                           type.usable() ? "public-ip" : "unset (Azure ML's default, public-ip)",
                           policy_source(config)),
               "set load_balancer.type: internal and load_balancer.subnet, so that the endpoint "
               "gets a private IP address in the cluster's virtual network");
    return;
  }
  if (!net::mode_is(spec, ir::Mode::kProvisionAndAttach)) return;
  if (spec.outbound_type.usable() && spec.outbound_type.value == ir::OutboundType::kLoadBalancer) {
    out.report(spec.outbound_type.range,
               fmt::format("outbound_type load-balancer{} makes AKS provision a public IP address "
                           "for cluster egress, which the Azure Policy of {} forbids, so az aks "
                           "create fails",
                           defaulted(spec.outbound_type.defaulted()), policy_source(config)),
               "set outbound_type: user-defined-routing and route egress through your firewall "
               "or network virtual appliance with the subnet's route table");
  }
  if (spec.load_balancer.type.usable() &&
      spec.load_balancer.type.value == ir::LoadBalancerType::kPublicIp) {
    out.report(spec.load_balancer.type.range,
               fmt::format("load_balancer.type public-ip{} puts the scoring endpoint on a public "
                           "IP address, which the Azure Policy of {} forbids",
                           defaulted(spec.load_balancer.type.defaulted()), policy_source(config)),
               "set load_balancer.type: internal and load_balancer.subnet, so that the endpoint "
               "gets a private IP address in the virtual network");
  }
}

}  // namespace aksc::rules
