// AKS314 authorized-ip-ranges-not-public — rules/AKS314-authorized-ip-ranges-not-public.md
#include <fmt/format.h>

#include "rules/net/cluster_view.h"
#include "rules/net/special_purpose.h"
#include "rules/network_rules.h"

namespace aksc::rules {
namespace {

std::string describe_blocks(const std::vector<const net::SpecialPurposeBlock*>& blocks) {
  constexpr std::size_t kShown = 3;
  std::string text;
  for (std::size_t i = 0; i < blocks.size() && i < kShown; ++i) {
    if (i > 0) text += i + 1 == blocks.size() ? " and " : ", ";
    text += fmt::format("{} ({}, {})", blocks[i]->prefix, blocks[i]->name, blocks[i]->rfc);
  }
  if (blocks.size() > kShown) text += fmt::format(" and {} more", blocks.size() - kShown);
  return text;
}

}  // namespace

// "When creating a cluster with API server authorized IP ranges enabled, you use the
// --api-server-authorized-ip-ranges parameter to provide a list of authorized public IP address
// ranges." and "To allow only the outbound public IP of the Standard SKU load balancer, you use
// 0.0.0.0/32" (AKS docs, api-server-authorized-ip-ranges); the az CLI's validate_ip_ranges
// rejects ranges that are not is_global, IPv6 ranges, and 0.0.0.0/32 with other ranges.
void check_authorized_ip_ranges_not_public(const ir::Spec& spec, const RuleContext& /*context*/,
                                           RuleReporter& out) {
  net::ClusterSetting<net::RangeList> ranges = net::authorized_ranges(spec);
  if (!ranges.usable() || ranges.value().empty() || net::is_private_cluster(spec)) return;
  std::size_t count = ranges.value().size();
  for (const net::ParsedRange& parsed : net::parse_ranges(ranges.value())) {
    const ir::Field<std::string>& entry = *parsed.entry;
    if (net::is_outbound_ip_only(entry.value)) {
      if (count == 1) continue;
      out.report(entry.range,
                 fmt::format("0.0.0.0/32 (allow only the Standard load balancer's outbound IP) "
                             "must be the only entry of {}, which has {}",
                             ranges.path, count),
                 "remove 0.0.0.0/32 to allow the listed ranges, or keep it alone to allow only the "
                 "cluster's own outbound IP");
      continue;
    }
    if (parsed.range.address.family == net::Family::kIPv6) {
      out.report(entry.range,
                 fmt::format("{} is an IPv6 range; AKS authorized IP ranges take IPv4 addresses "
                             "and CIDRs only",
                             entry.value),
                 "list the IPv4 addresses your clients reach the API server from");
      continue;
    }
    std::vector<const net::SpecialPurposeBlock*> blocks = net::non_global_blocks(parsed.range);
    if (blocks.empty()) continue;
    std::optional<net::Cidr> block = net::parse_cidr(blocks[0]->prefix, nullptr);
    bool inside = blocks.size() == 1 && block && block->contains(parsed.range);
    out.report(entry.range,
               fmt::format("{} is not public (global) IPv4 space: it {} {}", entry.value,
                           inside ? "is in" : "overlaps", describe_blocks(blocks)),
               "list the public addresses your clients reach the API server from (your NAT or "
               "firewall egress addresses), not private, shared or reserved space");
  }
}

}  // namespace aksc::rules
