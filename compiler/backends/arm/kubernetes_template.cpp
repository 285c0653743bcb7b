#include "backends/arm/kubernetes_template.h"

#include <fmt/format.h>

#include "backends/arm/arm_strings.h"
#include "backends/arm/arm_template.h"
#include "backends/arm/managed_cluster.h"
#include "backends/extension_settings.h"
#include "diag/text_util.h"
#include "ir/spelling.h"

namespace aksc::arm {
namespace {

using intent::Deployment;
using Json = nlohmann::ordered_json;

constexpr std::string_view kExtensionResourceType = "Microsoft.KubernetesConfiguration/extensions";
constexpr std::string_view kKubernetesComputeType =
    "Microsoft.MachineLearningServices/workspaces/computes";
constexpr std::string_view kDeploymentType = "Microsoft.Resources/deployments";
// The cluster's ID inside the scope that holds the extension: the workspace's resource group,
// or the nested deployment into the cluster's own.
constexpr std::string_view kLocalClusterId =
    "resourceId('Microsoft.ContainerService/managedClusters', parameters('clusterName'))";
constexpr std::string_view kExtensionDeploymentName =
    "concat('aksc-ext-', parameters('clusterName'))";

bool uses_certificate_files(const Deployment& d) {
  const auto& inference = d.kubernetes->extension.inference;
  return inference && inference->tls && inference->tls->uses_files();
}

// The extension must sit in the cluster's resource group: a resource-group deployment reaches
// another group (or subscription) only through a nested deployment.
bool extension_elsewhere(const Deployment& d) {
  return to_lower(d.attached->subscription_id) != to_lower(d.workspace.subscription_id) ||
         to_lower(d.attached->resource_group) != to_lower(d.workspace.resource_group);
}

bool other_subscription(const Deployment& d) {
  return to_lower(d.attached->subscription_id) != to_lower(d.workspace.subscription_id);
}

// The leading arguments of resourceId() that reach the cluster's group from the workspace's.
std::string scope_arguments(const Deployment& d) {
  if (!extension_elsewhere(d)) return "";
  std::string arguments;
  if (other_subscription(d)) arguments += quote_in_expression(d.attached->subscription_id) + ", ";
  return arguments + quote_in_expression(d.attached->resource_group) + ", ";
}

std::string outer_cluster_id(const Deployment& d) {
  return fmt::format(
      "[resourceId({}'Microsoft.ContainerService/managedClusters', parameters('clusterName'))]",
      scope_arguments(d));
}

std::string extension_dependency(const Deployment& d) {
  if (extension_elsewhere(d)) {
    return fmt::format("[resourceId({}'{}', {})]", scope_arguments(d), kDeploymentType,
                       kExtensionDeploymentName);
  }
  return fmt::format("[extensionResourceId({}, '{}', parameters('extensionName'))]",
                     kLocalClusterId, kExtensionResourceType);
}

constexpr std::string_view kEncoded =
    "; the template base64-encodes it into the extension's protected settings";

Json kubernetes_parameter_declarations(const Deployment& d, const ArtifactContext& context) {
  Json json;
  json["workspaceName"] = string_parameter("Name of the Azure ML workspace that owns the compute.");
  json["computeName"] = string_parameter("Name of the compute inside the workspace.");
  json["clusterName"] =
      string_parameter(d.provisioned ? "Name of the AKS managed cluster to create."
                                     : "Name of the AKS managed cluster.");
  json["extensionName"] = string_parameter("Name of the Azure ML extension on the cluster.");
  if (uses_certificate_files(d)) {
    const intent::ScoringTls& tls = *d.kubernetes->extension.inference->tls;
    json["sslCert"] = certificate_parameter("sslCert", "TLS certificate of azureml-fe",
                                            path_from_artifacts(context, tls.cert_file), kEncoded);
    json["sslKey"] = certificate_parameter("sslKey", "TLS private key of azureml-fe",
                                           path_from_artifacts(context, tls.key_file), kEncoded);
  }
  return json;
}

// The settings the CLI derives itself when it creates the extension (AzureMLKubernetes.py
// Create, __validate_scoring_fe_settings), which a template must write: docs/artifacts.md
// lists each one and why.
void add_derived_settings(const Deployment& d, Json& settings) {
  std::string id = fmt::format("[{}]", kLocalClusterId);
  const std::string& known = d.kubernetes->cluster_location;
  std::string location_expression = fmt::format("reference({}, '{}', 'Full').location",
                                                kLocalClusterId, kContainerServiceApiVersion);
  std::string location =
      known.empty() ? fmt::format("[{}]", location_expression) : literal(to_lower(known));
  std::string domain =
      known.empty() ? fmt::format("[format('{{0}}.cloudapp.azure.com', {})]", location_expression)
                    : literal(to_lower(known) + ".cloudapp.azure.com");
  settings["cluster_name"] = id;
  settings["clusterId"] = id;
  settings["prometheus.prometheusSpec.externalLabels.cluster_name"] = id;
  settings["cluster_name_friendly"] = "[parameters('clusterName')]";
  settings["location"] = location;
  settings["jobSchedulerLocation"] = location;
  settings["domain"] = domain;
  settings["servicebus.enabled"] = "false";
  settings["relayserver.enabled"] = "false";
  settings["nginxIngress.enabled"] = "true";
  const auto& inference = d.kubernetes->extension.inference;
  if (!inference) return;
  if (inference->router_service_type == ir::RouterServiceType::kNodePort) {
    settings["scoringFe.serviceType.nodePort"] = "True";
  } else if (inference->internal_load_balancer) {
    settings["scoringFe.serviceType.internalLoadBalancer"] = "True";
  }
  if (inference->tls && !inference->tls->uses_files()) {
    settings["scoringFe.sslSecret"] = literal(inference->tls->secret);
  }
}

Json extension_properties(const Deployment& d) {
  const intent::Extension& extension = d.kubernetes->extension;
  Json json;
  json["extensionType"] = intent::kExtensionType;
  json["autoUpgradeMinorVersion"] = extension.auto_upgrade_minor_version;
  json["releaseTrain"] = intent::release_train_setting(extension.release_train);
  if (!extension.version.empty()) json["version"] = literal(extension.version);
  json["scope"] = {{"cluster", {{"releaseNamespace", intent::kReleaseNamespace}}}};
  Json settings = Json::object();
  for (const ExtensionSetting& setting : extension_settings(d))
    settings[setting.key] = literal(setting.value);
  add_derived_settings(d, settings);
  json["configurationSettings"] = std::move(settings);
  if (uses_certificate_files(d)) {
    json["configurationProtectedSettings"] = {
        {"scoringFe.sslCert", "[base64(parameters('sslCert'))]"},
        {"scoringFe.sslKey", "[base64(parameters('sslKey'))]"}};
  }
  return json;
}

Json extension_resource(const Deployment& d, bool depends_on_cluster) {
  Json json;
  json["type"] = kExtensionResourceType;
  json["apiVersion"] = kKubernetesConfigurationApiVersion;
  json["name"] = "[parameters('extensionName')]";
  json["scope"] =
      "[concat('Microsoft.ContainerService/managedClusters/', parameters('clusterName'))]";
  if (depends_on_cluster) json["dependsOn"] = Json::array({fmt::format("[{}]", kLocalClusterId)});
  json["identity"] = {{"type", "SystemAssigned"}};
  json["properties"] = extension_properties(d);
  return json;
}

// The extension in the cluster's resource group: a nested deployment with inner scope, which
// gets the names (and certificate) as its own parameters.
Json nested_extension_deployment(const Deployment& d) {
  Json inner_parameters;
  Json passed;
  std::vector<std::pair<std::string, std::string>> names = {{"clusterName", "string"},
                                                            {"extensionName", "string"}};
  if (uses_certificate_files(d)) {
    names.emplace_back("sslCert", "securestring");
    names.emplace_back("sslKey", "securestring");
  }
  for (const auto& [name, type] : names) {
    inner_parameters[name] = {{"type", type}};
    passed[name] = {{"value", fmt::format("[parameters('{}')]", name)}};
  }
  Json inner;
  inner["$schema"] = kTemplateSchema;
  inner["contentVersion"] = "1.0.0.0";
  inner["parameters"] = std::move(inner_parameters);
  inner["resources"] = Json::array({extension_resource(d, false)});
  Json properties;
  properties["mode"] = "Incremental";
  properties["expressionEvaluationOptions"] = {{"scope", "inner"}};
  properties["parameters"] = std::move(passed);
  properties["template"] = std::move(inner);
  Json json;
  json["type"] = kDeploymentType;
  json["apiVersion"] = kDeploymentsApiVersion;
  json["name"] = fmt::format("[{}]", kExtensionDeploymentName);
  if (other_subscription(d)) json["subscriptionId"] = literal(d.attached->subscription_id);
  json["resourceGroup"] = literal(d.attached->resource_group);
  if (d.provisioned) json["dependsOn"] = Json::array({cluster_dependency(d)});
  json["properties"] = std::move(properties);
  return json;
}

Json instance_types(const intent::KubernetesCompute& k) {
  Json json = Json::object();
  for (const intent::InstanceType& type : k.instance_types) {
    Json entry;
    if (!type.node_selector.empty()) entry["nodeSelector"] = literal_map(type.node_selector);
    Json resources = Json::object();
    if (!type.requests.empty()) resources["requests"] = literal_map(type.requests);
    if (!type.limits.empty()) resources["limits"] = literal_map(type.limits);
    entry["resources"] = std::move(resources);
    json[type.name] = std::move(entry);
  }
  return json;
}

Json compute_identity(const intent::KubernetesCompute& k) {
  Json json;
  json["type"] = intent::compute_identity_type(k.identity);
  if (k.identity == ir::IdentityType::kUserAssigned) {
    Json identities = Json::object();
    for (const std::string& id : k.user_assigned_identities)
      identities[id] = Json::object();  // keys are never evaluated as expressions
    json["userAssignedIdentities"] = std::move(identities);
  }
  return json;
}

Json kubernetes_compute_resource(const Deployment& d) {
  const intent::KubernetesCompute& k = *d.kubernetes;
  Json kubernetes;
  kubernetes["namespace"] = literal(k.kubernetes_namespace);
  if (!k.default_instance_type.empty()) {
    kubernetes["defaultInstanceType"] = literal(k.default_instance_type);
  }
  if (!k.instance_types.empty()) kubernetes["instanceTypes"] = instance_types(k);
  Json properties;
  properties["computeType"] = "Kubernetes";
  if (!d.compute.description.empty()) properties["description"] = literal(d.compute.description);
  properties["resourceId"] = outer_cluster_id(d);
  properties["properties"] = std::move(kubernetes);
  Json json;
  json["type"] = kKubernetesComputeType;
  json["apiVersion"] = kMachineLearningApiVersion;
  json["name"] = "[concat(parameters('workspaceName'), '/', parameters('computeName'))]";
  json["location"] = literal(d.workspace.location);
  if (!d.compute.tags.empty()) json["tags"] = literal_map(d.compute.tags);
  json["identity"] = compute_identity(k);
  json["dependsOn"] = Json::array({extension_dependency(d)});
  json["properties"] = std::move(properties);
  return json;
}

Json kubernetes_metadata(const Deployment& d) {
  Json json;
  json["generator"] = "aksc build";
  json["kind"] = "KubernetesCompute";
  json["mode"] = ir::to_string(d.mode);
  const intent::KubernetesCompute& k = *d.kubernetes;
  std::string after;
  if (d.has_step(intent::Step::kCreateNamespace)) {
    after = fmt::format(
        "ARM cannot create Kubernetes namespace '{}', and Azure ML does not create it on attach: "
        "create it on the cluster before running workloads (deploy.sh does it with az aks "
        "command invoke).",
        k.kubernetes_namespace);
  }
  if (d.has_step(intent::Step::kApplyInstanceTypes)) {
    after += std::string(after.empty() ? "" : " ") +
             "The compute's instanceTypes name the instance types; instance-types.yaml (--target "
             "az, cli or all) holds them as InstanceType resources for kubectl apply, as "
             "deploy.sh applies them.";
  }
  if (!after.empty()) json["afterDeploying"] = after;
  return json;
}

}  // namespace

Json kubernetes_template(const Deployment& d, const ArtifactContext& context) {
  Json json = template_head(kubernetes_metadata(d), kubernetes_parameter_declarations(d, context));
  Json resources = Json::array();
  if (d.provisioned) resources.push_back(managed_cluster_resource(d));
  resources.push_back(extension_elsewhere(d) ? nested_extension_deployment(d)
                                             : extension_resource(d, d.provisioned.has_value()));
  resources.push_back(kubernetes_compute_resource(d));
  json["resources"] = std::move(resources);
  return json;
}

Json kubernetes_parameters(const Deployment& d) {
  Json values;
  values["workspaceName"] = {{"value", d.workspace.name}};
  values["computeName"] = {{"value", d.compute.name}};
  values["clusterName"] = {{"value", d.attached->name}};
  values["extensionName"] = {{"value", d.kubernetes->extension.name}};
  return parameters_file(std::move(values));
}

}  // namespace aksc::arm
