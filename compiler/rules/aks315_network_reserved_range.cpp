// AKS315 network-reserved-range — rules/AKS315-network-reserved-range.md
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "rules/net/cluster_view.h"
#include "rules/net/field_syntax.h"
#include "rules/network_rules.h"

namespace aksc::rules {
namespace {

// "AKS clusters may not use 169.254.0.0/16, 172.30.0.0/16, 172.31.0.0/16, or 192.0.2.0/24 for
// the Kubernetes service address range, pod address range, or cluster virtual network address
// range." (AKS docs, configure-azure-cni and configure-kubenet, Prerequisites)
constexpr std::string_view kReserved[] = {"169.254.0.0/16", "172.30.0.0/16", "172.31.0.0/16",
                                          "192.0.2.0/24"};

// kReserved parsed, once per process rather than for every field of every spec.
const std::vector<net::Cidr>& reserved_ranges() {
  static const std::vector<net::Cidr> ranges = [] {
    std::vector<net::Cidr> parsed;
    for (std::string_view reserved : kReserved)
      parsed.push_back(*net::parse_cidr(reserved));
    return parsed;
  }();
  return ranges;
}

void check_field(std::string_view name, std::string_view what, const ir::Field<std::string>& field,
                 RuleReporter& out) {
  if (!field.usable()) return;
  std::optional<net::Cidr> range = net::parse_network_cidr(field.value, nullptr);
  if (!range) return;  // AKS312's case
  std::vector<std::string_view> hit;
  for (std::size_t i = 0; i < reserved_ranges().size(); ++i) {
    if (range->overlaps(reserved_ranges()[i])) hit.push_back(kReserved[i]);
  }
  if (hit.empty()) return;
  out.report(field.range,
             fmt::format("{} {} ({} to {}) overlaps {}, which AKS clusters may not use for {}",
                         name, field.value, range->first().str(), range->last().str(),
                         fmt::join(hit, " and "), what),
             fmt::format("move {} out of 169.254.0.0/16, 172.30.0.0/16, 172.31.0.0/16 and "
                         "192.0.2.0/24",
                         name));
}

}  // namespace

void check_network_reserved_range(const ir::Spec& spec, const RuleContext& /*context*/,
                                  RuleReporter& out) {
  if (!spec.mode.usable() || spec.mode.value == ir::Mode::kAttach) return;
  check_field("service_cidr", "the Kubernetes service address range", spec.network->service_cidr,
              out);
  check_field("subnet_prefix", "the cluster's virtual network address range",
              spec.network->subnet_prefix, out);
}

}  // namespace aksc::rules
