#include "rules/net/cluster_view.h"

#include "rules/net/field_syntax.h"

namespace aksc::net {
namespace {

bool attach(const ir::Spec& spec) {
  return mode_is(spec, ir::Mode::kAttach);
}

}  // namespace

bool mode_is(const ir::Spec& spec, ir::Mode mode) {
  return spec.mode.usable() && spec.mode.value == mode;
}

ClusterSetting<RangeList> authorized_ranges(const ir::Spec& spec) {
  if (attach(spec) && spec.cluster->facts.authorized_ip_ranges.usable()) {
    return {&spec.cluster->facts.authorized_ip_ranges, "cluster.facts.authorized_ip_ranges"};
  }
  return {&spec.api_server_authorized_ip_ranges, "api_server_authorized_ip_ranges"};
}

ClusterSetting<ir::LoadBalancerSku> load_balancer_sku(const ir::Spec& spec) {
  if (attach(spec) && spec.cluster->facts.load_balancer_sku.usable()) {
    return {&spec.cluster->facts.load_balancer_sku, "cluster.facts.load_balancer_sku"};
  }
  return {&spec.load_balancer.sku, "load_balancer.sku"};
}

ClusterSetting<ir::OutboundType> outbound_type(const ir::Spec& spec) {
  if (attach(spec) && spec.cluster->facts.outbound_type.usable()) {
    return {&spec.cluster->facts.outbound_type, "cluster.facts.outbound_type"};
  }
  return {&spec.outbound_type, "outbound_type"};
}

bool is_private_cluster(const ir::Spec& spec) {
  return (spec.private_cluster.usable() && spec.private_cluster.value) ||
         (spec.cluster->facts.private_cluster.usable() &&
          spec.cluster->facts.private_cluster.value);
}

std::string_view private_cluster_path(const ir::Spec& spec) {
  return spec.private_cluster.usable() && spec.private_cluster.value
             ? "private_cluster"
             : "cluster.facts.private_cluster";
}

std::vector<ParsedRange> parse_ranges(const RangeList& ranges) {
  std::vector<ParsedRange> parsed;
  for (const ir::Field<std::string>& entry : ranges) {
    if (!entry.usable()) continue;
    if (std::optional<Cidr> range = parse_authorized_range(entry.value, nullptr)) {
      parsed.push_back({&entry, *range});
    }
  }
  return parsed;
}

bool is_outbound_ip_only(std::string_view entry) {
  return entry == "0.0.0.0/32";
}

}  // namespace aksc::net
