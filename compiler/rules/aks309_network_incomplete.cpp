// AKS309 network-incomplete — rules/AKS309-network-incomplete.md
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "rules/net/cluster_view.h"
#include "rules/network_rules.h"

namespace aksc::rules {
namespace {

struct Member {
  std::string_view name;
  const ir::Field<std::string>* field;
};

// Reports when some but not all of `group` are written (a value the schema rejected counts as
// written: AKS002 already reports it).
void check_group(std::span<const Member> group, std::string_view what, const ir::Spec& spec,
                 RuleReporter& out) {
  std::vector<std::string_view> present, missing;
  for (const Member& member : group) {
    (member.field->origin == ir::Origin::kAbsent ? missing : present).push_back(member.name);
  }
  if (present.empty() || missing.empty()) return;
  out.report(spec.network->range,
             fmt::format("network sets {} of the {} {} ({}) but not {}", present.size(),
                         group.size(), what, fmt::join(present, ", "), fmt::join(missing, ", ")),
             fmt::format("add {} too, or remove {} so that the defaults apply",
                         fmt::join(missing, ", "), fmt::join(present, ", ")));
}

}  // namespace

// Azure ML create (azureml-core AksProvisioningConfiguration.validate_configuration): "Invalid
// configuration, not all virtual net information provided. To use a custom virtual net with
// aks, please provide vnet name, vnet resource group, subnet name, service cidr, dns service ip
// and docker bridge cidr". provision-and-attach keeps SPEC §1's two groups: the three fields
// that name the subnet, and the three service-network fields.
void check_network_incomplete(const ir::Spec& spec, const RuleContext& /*context*/,
                              RuleReporter& out) {
  const ir::Network& net = spec.network;
  const Member vnet[] = {{"vnet_resource_group", &net.vnet_resource_group},
                         {"vnet_name", &net.vnet_name},
                         {"subnet_name", &net.subnet_name}};
  const Member service[] = {{"service_cidr", &net.service_cidr},
                            {"dns_service_ip", &net.dns_service_ip},
                            {"docker_bridge_cidr", &net.docker_bridge_cidr}};
  if (net::mode_is(spec, ir::Mode::kCreate)) {
    const Member all[] = {vnet[0], vnet[1], vnet[2], service[0], service[1], service[2]};
    check_group(all, "fields that Azure ML create takes together", spec, out);
  } else if (net::mode_is(spec, ir::Mode::kProvisionAndAttach)) {
    check_group(vnet, "fields that name the cluster's subnet", spec, out);
    check_group(service, "service network fields", spec, out);
  }
}

}  // namespace aksc::rules
