#include "backends/arm/managed_cluster.h"

#include <fmt/format.h>

#include "backends/arm/arm_strings.h"
#include "backends/arm/arm_template.h"

namespace aksc::arm {
namespace {

using intent::Deployment;
using Json = nlohmann::ordered_json;

constexpr std::string_view kClusterName = "[parameters('clusterName')]";

std::string nested_deployment_name() {
  return "[concat('aksc-', parameters('clusterName'))]";
}

Json agent_pool(const intent::ManagedCluster& cluster) {
  Json json;
  json["name"] = intent::kNodePoolName;
  json["mode"] = "System";
  json["type"] = "VirtualMachineScaleSets";
  json["osType"] = "Linux";
  json["count"] = cluster.node_count;
  json["vmSize"] = literal(cluster.vm_size);
  if (!cluster.kubernetes_version.empty()) {
    json["orchestratorVersion"] = literal(cluster.kubernetes_version);
  }
  if (cluster.subnet) json["vnetSubnetID"] = subnet_id_expression(*cluster.subnet);
  return json;
}

Json network_profile(const intent::ManagedCluster& cluster) {
  Json json;
  json["networkPlugin"] = intent::kNetworkPlugin;
  json["loadBalancerSku"] = intent::azure_load_balancer_sku(cluster.load_balancer_sku);
  json["outboundType"] = intent::azure_outbound_type(cluster.outbound_type);
  if (cluster.service_network) {
    json["serviceCidr"] = literal(cluster.service_network->service_cidr);
    json["dnsServiceIP"] = literal(cluster.service_network->dns_service_ip);
    json["dockerBridgeCidr"] = literal(cluster.service_network->docker_bridge_cidr);
  }
  return json;
}

Json cluster_properties(const intent::ManagedCluster& cluster) {
  Json json;
  if (!cluster.kubernetes_version.empty()) {
    json["kubernetesVersion"] = literal(cluster.kubernetes_version);
  }
  json["dnsPrefix"] = literal(cluster.dns_prefix);
  json["enableRBAC"] = true;
  json["agentPoolProfiles"] = Json::array({agent_pool(cluster)});
  json["networkProfile"] = network_profile(cluster);
  if (cluster.private_cluster || !cluster.authorized_ip_ranges.empty()) {
    Json access;
    access["enablePrivateCluster"] = cluster.private_cluster;
    if (!cluster.authorized_ip_ranges.empty()) {
      Json ranges = Json::array();
      for (const std::string& range : cluster.authorized_ip_ranges)
        ranges.push_back(literal(range));
      access["authorizedIPRanges"] = std::move(ranges);
    }
    json["apiServerAccessProfile"] = std::move(access);
  }
  return json;
}

Json cluster_resource(const intent::ManagedCluster& cluster) {
  Json json;
  json["type"] = kClusterType;
  json["apiVersion"] = kContainerServiceApiVersion;
  json["name"] = kClusterName;
  json["location"] = literal(cluster.location);
  if (!cluster.tags.empty()) json["tags"] = literal_map(cluster.tags);
  json["identity"] = {{"type", "SystemAssigned"}};
  json["properties"] = cluster_properties(cluster);
  return json;
}

// The cluster in its own resource group: a nested deployment whose inner template holds the
// same managedClusters resource (inner scope, so it sees only its own clusterName parameter).
Json nested_cluster_deployment(const intent::ManagedCluster& cluster) {
  Json inner;
  inner["$schema"] = kTemplateSchema;
  inner["contentVersion"] = "1.0.0.0";
  inner["parameters"] = {{"clusterName", {{"type", "string"}}}};
  inner["resources"] = Json::array({cluster_resource(cluster)});
  Json properties;
  properties["mode"] = "Incremental";
  properties["expressionEvaluationOptions"] = {{"scope", "inner"}};
  properties["parameters"] = {{"clusterName", {{"value", "[parameters('clusterName')]"}}}};
  properties["template"] = std::move(inner);
  Json json;
  json["type"] = "Microsoft.Resources/deployments";
  json["apiVersion"] = kDeploymentsApiVersion;
  json["name"] = nested_deployment_name();
  json["resourceGroup"] = literal(cluster.resource_group);
  json["properties"] = std::move(properties);
  return json;
}

}  // namespace

bool cluster_elsewhere(const Deployment& d) {
  return d.provisioned && d.provisioned->resource_group != d.workspace.resource_group;
}

std::string subnet_id_expression(const intent::Subnet& subnet) {
  return fmt::format("[resourceId({}, 'Microsoft.Network/virtualNetworks/subnets', {}, {})]",
                     quote_in_expression(subnet.resource_group),
                     quote_in_expression(subnet.vnet_name),
                     quote_in_expression(subnet.subnet_name));
}

std::string cluster_id_expression(const Deployment& d) {
  if (cluster_elsewhere(d)) {
    return fmt::format("[resourceId({}, '{}', parameters('clusterName'))]",
                       quote_in_expression(d.provisioned->resource_group), kClusterType);
  }
  return fmt::format("[resourceId('{}', parameters('clusterName'))]", kClusterType);
}

std::string cluster_dependency(const Deployment& d) {
  if (cluster_elsewhere(d)) {
    return fmt::format(
        "[resourceId({}, 'Microsoft.Resources/deployments', concat('aksc-', "
        "parameters('clusterName')))]",
        quote_in_expression(d.provisioned->resource_group));
  }
  return cluster_id_expression(d);
}

Json literal_map(const std::map<std::string, std::string>& values) {
  Json json = Json::object();
  for (const auto& [key, value] : values)
    json[key] = literal(value);
  return json;
}

Json managed_cluster_resource(const Deployment& d) {
  return cluster_elsewhere(d) ? nested_cluster_deployment(*d.provisioned)
                              : cluster_resource(*d.provisioned);
}

}  // namespace aksc::arm
