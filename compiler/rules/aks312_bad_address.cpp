// AKS312 bad-address — rules/AKS312-bad-address.md
#include <fmt/format.h>

#include "rules/net/cluster_view.h"
#include "rules/net/field_syntax.h"
#include "rules/network_rules.h"

namespace aksc::rules {
namespace {

void check_cidr_field(std::string_view name, const ir::Field<std::string>& field,
                      RuleReporter& out) {
  std::string error;
  if (!field.usable() || net::parse_network_cidr(field.value, &error)) return;
  out.report(field.range, fmt::format("{} is not an IPv4 CIDR: {}", name, error),
             fmt::format("write {} as an IPv4 address, '/' and a prefix length, such as "
                         "10.0.0.0/16",
                         name));
}

void check_ranges(const net::RangeList& ranges, std::string_view path, RuleReporter& out) {
  for (std::size_t i = 0; i < ranges.size(); ++i) {
    const ir::Field<std::string>& entry = ranges[i];
    std::string error;
    if (!entry.usable() || net::parse_authorized_range(entry.value, &error)) continue;
    out.report(entry.range, fmt::format("{}[{}] is not an IP address or CIDR: {}", path, i, error),
               "write a public IPv4 address such as 137.117.106.88, or a CIDR that starts at the "
               "first address of its range, such as 137.117.106.88/29");
  }
}

}  // namespace

// The address syntax each field takes (rules/net/field_syntax.h): strict dotted quads, prefix
// lengths in range, and authorized ranges that start at the first address of their range.
void check_bad_address(const ir::Spec& spec, const RuleContext& /*context*/, RuleReporter& out) {
  if (!spec.mode.usable()) return;
  if (spec.mode.value != ir::Mode::kAttach) {  // network does not apply to attach (AKS002)
    const ir::Network& net = spec.network;
    check_cidr_field("network.subnet_prefix", net.subnet_prefix, out);
    check_cidr_field("network.service_cidr", net.service_cidr, out);
    std::string error;
    if (net.dns_service_ip.usable() &&
        !net::parse_network_address(net.dns_service_ip.value, &error)) {
      out.report(net.dns_service_ip.range,
                 fmt::format("network.dns_service_ip is not an IPv4 address: {}", error),
                 "write one IPv4 address inside service_cidr, such as 10.0.0.10");
    }
    check_cidr_field("network.docker_bridge_cidr", net.docker_bridge_cidr, out);
  }
  if (spec.api_server_authorized_ip_ranges.usable()) {
    check_ranges(spec.api_server_authorized_ip_ranges.value, "api_server_authorized_ip_ranges",
                 out);
  }
  if (spec.mode.value == ir::Mode::kAttach && spec.cluster->facts.authorized_ip_ranges.usable()) {
    check_ranges(spec.cluster->facts.authorized_ip_ranges.value,
                 "cluster.facts.authorized_ip_ranges", out);
  }
}

}  // namespace aksc::rules
