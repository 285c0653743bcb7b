// AKS303 authorized-ip-ranges-require-standard-lb —
// rules/AKS303-authorized-ip-ranges-require-standard-lb.md
#include <fmt/format.h>

#include "rules/net/cluster_view.h"
#include "rules/network_rules.h"

namespace aksc::rules {

// "Authorized IP ranges only works with Standard Load Balancer." (article, Limitations)
void check_authorized_ip_ranges_require_standard_lb(const ir::Spec& spec,
                                                    const RuleContext& /*context*/,
                                                    RuleReporter& out) {
  net::ClusterSetting<net::RangeList> ranges = net::authorized_ranges(spec);
  if (!ranges.usable() || ranges.value().empty()) return;
  if (net::is_private_cluster(spec)) return;  // no public API server: AKS313's case
  net::ClusterSetting<ir::LoadBalancerSku> sku = net::load_balancer_sku(spec);
  if (!sku.usable() || sku.value() != ir::LoadBalancerSku::kBasic) return;
  std::string help;
  if (net::mode_is(spec, ir::Mode::kCreate)) {
    help =
        "mode create makes a Basic load balancer only: set mode: provision-and-attach, whose "
        "AKS cluster gets a Standard load balancer, or remove the ranges";
  } else if (net::mode_is(spec, ir::Mode::kAttach)) {
    help =
        "a cluster cannot move from a Basic to a Standard load balancer: recreate it with "
        "--load-balancer-sku standard and attach that one, or remove the ranges";
  } else {
    help = "set load_balancer.sku: standard, or remove the ranges";
  }
  std::size_t count = ranges.value().size();
  out.report(ranges.field->range,
             fmt::format("{} lists {} range{}, but {} is basic{}; authorized IP ranges work only "
                         "with a Standard load balancer",
                         ranges.path, count, count == 1 ? "" : "s", sku.path,
                         sku.field->defaulted() ? " (the default of mode create)" : ""),
             std::move(help));
}

}  // namespace aksc::rules
