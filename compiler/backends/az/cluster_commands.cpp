#include "backends/az/cluster_commands.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "backends/az/script_text.h"
#include "backends/az/shell_quote.h"

namespace aksc::az {

std::string create_cluster(const intent::ManagedCluster& cluster) {
  Command command("az aks create");
  command.value("--subscription", cluster.subscription_id)
      .value("--resource-group", cluster.resource_group)
      .value("--name", cluster.name)
      .value("--location", cluster.location)
      .value("--dns-name-prefix", cluster.dns_prefix);
  if (!cluster.kubernetes_version.empty()) {
    command.value("--kubernetes-version", cluster.kubernetes_version);
  }
  command.value("--nodepool-name", intent::kNodePoolName)
      .value("--node-count", std::to_string(cluster.node_count))
      .value("--node-vm-size", cluster.vm_size)
      .value("--network-plugin", intent::kNetworkPlugin)
      .value("--load-balancer-sku", intent::azure_load_balancer_sku(cluster.load_balancer_sku))
      .value("--outbound-type", intent::azure_outbound_type(cluster.outbound_type));
  if (cluster.subnet) command.value("--vnet-subnet-id", cluster.subnet->resource_id());
  if (const auto& service = cluster.service_network) {
    command.value("--service-cidr", service->service_cidr)
        .value("--dns-service-ip", service->dns_service_ip)
        .value("--docker-bridge-address", service->docker_bridge_cidr);
  }
  if (cluster.private_cluster) command.flag("--enable-private-cluster");
  if (!cluster.authorized_ip_ranges.empty()) {
    command.value("--api-server-authorized-ip-ranges",
                  fmt::format("{}", fmt::join(cluster.authorized_ip_ranges, ",")));
  }
  command.flag("--enable-managed-identity").flag("--no-ssh-key");
  if (!cluster.tags.empty()) {
    std::string words;
    for (const auto& [key, value] : cluster.tags)
      words += (words.empty() ? "" : " ") + shell_quote(key + "=" + value);
    command.word("--tags", words);
  }
  return command.text();
}

std::string look_up_cluster(const intent::ClusterReference& cluster) {
  Command command("az aks show");
  command.value("--subscription", cluster.subscription_id)
      .value("--resource-group", cluster.resource_group)
      .value("--name", cluster.name)
      .word("--query", "id")
      .word("--output", "tsv");
  return "cluster_id=$(" + command.text() + ")";
}

void add_cluster_step(Script& script, intent::Step step, const intent::Deployment& d) {
  if (step == intent::Step::kCreateCluster) {
    script.step("create the AKS cluster with AKS itself.", {}, create_cluster(*d.provisioned));
  } else {
    script.step("look up the AKS cluster's resource ID (this fails if it does not exist).", {},
                look_up_cluster(*d.attached));
  }
}

}  // namespace aksc::az
