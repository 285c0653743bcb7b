// AKS310 dns-ip-outside-service-cidr — rules/AKS310-dns-ip-outside-service-cidr.md
#include <fmt/format.h>

#include "rules/net/cluster_view.h"
#include "rules/net/field_syntax.h"
#include "rules/network_rules.h"

namespace aksc::rules {
namespace {

// The network address plus `offset`.
net::Address after_network(const net::Cidr& service, std::uint32_t offset) {
  return net::Address::ipv4(static_cast<std::uint32_t>(service.first().value.lo) + offset);
}

// An address to suggest: the ".10" address the AKS docs use, else the one after the first
// address Kubernetes hands out; none when the range has no such address.
std::string suggestion(const net::Cidr& service) {
  if (service.size_log2() < 2) return {};
  return after_network(service, service.size_log2() >= 4 ? 10 : 2).str();
}

}  // namespace

// "Kubernetes DNS service IP address: The IP address for the cluster's DNS service. This
// address must be within the Kubernetes service address range. Don't use the first IP address
// in your address range, such as .1. The first address in your subnet range is used for the
// kubernetes.default.svc.cluster.local address." (AKS docs, configure-azure-cni)
void check_dns_ip_outside_service_cidr(const ir::Spec& spec, const RuleContext& /*context*/,
                                       RuleReporter& out) {
  if (!spec.mode.usable() || spec.mode.value == ir::Mode::kAttach) return;
  const ir::Network& net = spec.network;
  if (!net.service_cidr.usable() || !net.dns_service_ip.usable()) return;
  std::optional<net::Cidr> service = net::parse_network_cidr(net.service_cidr.value, nullptr);
  std::optional<net::Address> dns = net::parse_network_address(net.dns_service_ip.value, nullptr);
  if (!service || !dns) return;  // AKS312's case
  std::string example = suggestion(*service);
  std::string help = example.empty()
                         ? "service_cidr holds too few addresses: widen it, then pick an address "
                           "inside it after its network address and its first address"
                         : fmt::format(
                               "pick an address inside service_cidr other than its network "
                               "address and its first address, such as {}",
                               example);
  std::string extent = fmt::format("{} to {}", service->first().str(), service->last().str());
  if (!service->contains(*dns)) {
    out.report(net.dns_service_ip.range,
               fmt::format("dns_service_ip {} is outside service_cidr {} ({}); the cluster DNS "
                           "service must have an address of the Kubernetes service range",
                           dns->str(), net.service_cidr.value, extent),
               std::move(help));
  } else if (*dns == service->first()) {
    out.report(net.dns_service_ip.range,
               fmt::format("dns_service_ip {} is the network address of service_cidr {} ({}), "
                           "which Kubernetes gives to no service",
                           dns->str(), net.service_cidr.value, extent),
               std::move(help));
  } else if (service->size_log2() >= 1 && *dns == after_network(*service, 1)) {
    out.report(net.dns_service_ip.range,
               fmt::format("dns_service_ip {} is the first address of service_cidr {} ({}), "
                           "which Kubernetes gives to kubernetes.default.svc.cluster.local",
                           dns->str(), net.service_cidr.value, extent),
               std::move(help));
  }
}

}  // namespace aksc::rules
