// AKS311 cidr-overlap — rules/AKS311-cidr-overlap.md
#include <fmt/format.h>

#include "rules/net/cluster_view.h"
#include "rules/net/field_syntax.h"
#include "rules/network_rules.h"

namespace aksc::rules {
namespace {

struct Range {
  std::string_view name;
  const ir::Field<std::string>* field;
  std::optional<net::Cidr> cidr;
};

std::string describe(const Range& range) {
  return fmt::format("{} {} ({} to {})", range.name, range.field->value, range.cidr->first().str(),
                     range.cidr->last().str());
}

}  // namespace

// Azure ML REST AksNetworkingConfiguration: serviceCidr "must not overlap with any Subnet IP
// ranges"; dockerBridgeCidr "must not overlap with any Subnet IP ranges or the Kubernetes
// service address range".
void check_cidr_overlap(const ir::Spec& spec, const RuleContext& /*context*/, RuleReporter& out) {
  if (!spec.mode.usable() || spec.mode.value == ir::Mode::kAttach) return;
  const ir::Network& net = spec.network;
  auto parse = [](std::string_view name, const ir::Field<std::string>& field) {
    Range range{name, &field, std::nullopt};
    if (field.usable()) range.cidr = net::parse_network_cidr(field.value, nullptr);
    return range;
  };
  Range service = parse("service_cidr", net.service_cidr);
  Range bridge = parse("docker_bridge_cidr", net.docker_bridge_cidr);
  Range subnet = parse("subnet_prefix", net.subnet_prefix);
  // (reported field, other field): each pair is reported at the field the docs constrain.
  const std::pair<const Range*, const Range*> pairs[] = {
      {&service, &subnet}, {&bridge, &service}, {&bridge, &subnet}};
  for (const auto& [at, other] : pairs) {
    if (!at->cidr || !other->cidr || !at->cidr->overlaps(*other->cidr)) continue;
    Finding& finding = out.report(
        at->field->range, fmt::format("{} overlaps {}", describe(*at), describe(*other)),
        fmt::format("move {} to a range that no other network of the cluster uses", at->name));
    finding.related.push_back(
        {{spec.file, other->field->range}, fmt::format("{} is here", other->name)});
  }
}

}  // namespace aksc::rules
