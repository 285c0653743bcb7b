#include "backends/arm/arm_template.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "backends/arm/arm_strings.h"
#include "backends/compute_body.h"
#include "ir/spelling.h"

namespace aksc::arm {
namespace {

using intent::Deployment;
using Json = nlohmann::ordered_json;

constexpr std::string_view kComputeType = "Microsoft.MachineLearningServices/workspaces/computes";
constexpr std::string_view kClusterType = "Microsoft.ContainerService/managedClusters";
constexpr std::string_view kComputeName =
    "[concat(parameters('workspaceName'), '/', parameters('computeName'))]";
constexpr std::string_view kClusterName = "[parameters('clusterName')]";

// True when the managed cluster goes to another resource group than the workspace's, which
// a resource-group deployment can only reach through a nested deployment.
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

std::string nested_deployment_name() {
  return "[concat('aksc-', parameters('clusterName'))]";
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

std::vector<std::string> quoted_names(const std::vector<std::string>& names) {
  std::vector<std::string> quoted;
  for (const std::string& name : names)
    quoted.push_back("'" + name + "'");
  return quoted;
}

Json literal_map(const std::map<std::string, std::string>& values) {
  Json json = Json::object();
  for (const auto& [key, value] : values)
    json[key] = literal(value);
  return json;
}

Json string_parameter(std::string_view description) {
  return Json{{"type", "string"}, {"metadata", {{"description", description}}}};
}

// Secrets never appear in the template or the parameters file: the deployer passes the file.
Json secure_parameter(std::string_view name, std::string_view what, const std::string& path) {
  std::string description = fmt::format(
      "{}: the contents of the PEM file {} (relative to this folder). Pass it when deploying: "
      "az deployment group create ... --parameters @azuredeploy.parameters.json {}=@{}",
      what, path, name, path);
  return Json{{"type", "securestring"}, {"metadata", {{"description", description}}}};
}

Json parameters(const Deployment& d, const ArtifactContext& context) {
  Json json;
  json["workspaceName"] = string_parameter("Name of the Azure ML workspace that owns the compute.");
  json["computeName"] = string_parameter("Name of the compute inside the workspace.");
  if (d.provisioned) {
    json["clusterName"] = string_parameter("Name of the AKS managed cluster to create.");
  }
  const auto& tls = d.compute.tls;
  if (!d.exists_already && tls && tls->status != ir::SslStatus::kDisabled &&
      tls->custom_certificate()) {
    json["sslCert"] = secure_parameter("sslCert", "TLS certificate",
                                       path_from_artifacts(context, tls->cert_file));
    json["sslKey"] =
        secure_parameter("sslKey", "TLS private key", path_from_artifacts(context, tls->key_file));
  }
  return json;
}

// The compute resource: the body both back-ends send (backends/compute_body.h), as ARM writes
// its values, inside the resource's type, apiVersion, name and dependsOn.
Json compute_resource(const Deployment& d) {
  ComputeBodyStyle style;
  style.text = literal;
  style.subnet_id = subnet_id_expression;
  if (d.provisioned) {
    style.cluster_id = cluster_id_expression(d);
  } else if (d.attached) {
    style.cluster_id = literal(d.attached->resource_id);
  }
  style.ssl_cert = "[parameters('sslCert')]";
  style.ssl_key = "[parameters('sslKey')]";
  Json body = compute_body(d, style);
  Json json;
  json["type"] = kComputeType;
  json["apiVersion"] = kMachineLearningApiVersion;
  json["name"] = kComputeName;
  json["location"] = std::move(body["location"]);
  if (body.contains("tags")) json["tags"] = std::move(body["tags"]);
  if (d.provisioned) json["dependsOn"] = Json::array({cluster_dependency(d)});
  json["properties"] = std::move(body["properties"]);
  return json;
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

Json metadata(const Deployment& d) {
  Json json;
  json["generator"] = "aksc build";
  json["mode"] = ir::to_string(d.mode);
  if (d.has_step(intent::Step::kDetachCompute)) {
    json["beforeDeploying"] = fmt::format(
        "reattach: ARM cannot detach a compute. Detach {} first (deploy.sh does it as its first "
        "step: az rest --method delete on the compute's URL with "
        "underlyingResourceAction=Detach), then delete the azureml-fe resources on the cluster "
        "and give the TLS certificate and key again (v1 page, Troubleshooting, \"Update the "
        "cluster\").",
        fmt::join(quoted_names(d.detach), ", "));
  }
  if (d.exists_already) {
    json["skipped"] = fmt::format(
        "compute '{}' exists already (the inventory lists it) and creating a compute is not "
        "idempotent, so this template deploys nothing.",
        d.compute.name);
  }
  return json;
}

}  // namespace

Json deployment_template(const Deployment& d, const ArtifactContext& context) {
  Json json;
  json["$schema"] = kTemplateSchema;
  json["contentVersion"] = "1.0.0.0";
  json["metadata"] = metadata(d);
  json["parameters"] = parameters(d, context);
  Json resources = Json::array();
  if (d.provisioned) {
    resources.push_back(cluster_elsewhere(d) ? nested_cluster_deployment(*d.provisioned)
                                             : cluster_resource(*d.provisioned));
  }
  if (!d.exists_already) resources.push_back(compute_resource(d));
  json["resources"] = std::move(resources);
  return json;
}

Json deployment_parameters(const Deployment& d) {
  Json values;
  values["workspaceName"] = {{"value", d.workspace.name}};
  values["computeName"] = {{"value", d.compute.name}};
  if (d.provisioned) values["clusterName"] = {{"value", d.provisioned->name}};
  Json json;
  json["$schema"] = kParametersSchema;
  json["contentVersion"] = "1.0.0.0";
  json["parameters"] = std::move(values);
  return json;
}

std::string to_text(const Json& json) {
  return json.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace aksc::arm
