// AKS313 authorized-ip-ranges-with-private-cluster —
// rules/AKS313-authorized-ip-ranges-with-private-cluster.md
#include <fmt/format.h>

#include "rules/net/cluster_view.h"
#include "rules/network_rules.h"

namespace aksc::rules {

// "IP authorized ranges can't be applied to the private API server endpoint, they only apply to
// the public API server" (AKS docs, private-clusters, Limitations)
void check_authorized_ip_ranges_with_private_cluster(const ir::Spec& spec,
                                                     const RuleContext& /*context*/,
                                                     RuleReporter& out) {
  net::ClusterSetting<net::RangeList> ranges = net::authorized_ranges(spec);
  if (!ranges.usable() || ranges.value().empty() || !net::is_private_cluster(spec)) return;
  std::size_t count = ranges.value().size();
  out.report(
      ranges.field->range,
      fmt::format("{} lists {} range{}, but the cluster is private ({} is true): "
                  "authorized IP ranges cannot be applied to a private cluster's API "
                  "server, which has no public endpoint",
                  ranges.path, count, count == 1 ? "" : "s", net::private_cluster_path(spec)),
      "remove the authorized ranges (a private API server is reached through Private Link "
      "from the virtual network), or make the cluster public with private_cluster: false");
}

}  // namespace aksc::rules
