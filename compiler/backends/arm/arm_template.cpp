#include "backends/arm/arm_template.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "backends/arm/arm_strings.h"
#include "backends/arm/managed_cluster.h"
#include "backends/compute_body.h"
#include "ir/spelling.h"

namespace aksc::arm {
namespace {

using intent::Deployment;
using Json = nlohmann::ordered_json;

constexpr std::string_view kComputeType = "Microsoft.MachineLearningServices/workspaces/computes";
constexpr std::string_view kComputeName =
    "[concat(parameters('workspaceName'), '/', parameters('computeName'))]";

std::vector<std::string> quoted_names(const std::vector<std::string>& names) {
  std::vector<std::string> quoted;
  for (const std::string& name : names)
    quoted.push_back("'" + name + "'");
  return quoted;
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
    json["sslCert"] = certificate_parameter("sslCert", "TLS certificate",
                                            path_from_artifacts(context, tls->cert_file));
    json["sslKey"] = certificate_parameter("sslKey", "TLS private key",
                                           path_from_artifacts(context, tls->key_file));
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

Json string_parameter(std::string_view description) {
  return Json{{"type", "string"}, {"metadata", {{"description", description}}}};
}

Json certificate_parameter(std::string_view name, std::string_view what, const std::string& path,
                           std::string_view use) {
  std::string description = fmt::format(
      "{}: the contents of the PEM file {} (relative to this folder){}. Pass it when deploying: "
      "az deployment group create ... --parameters @azuredeploy.parameters.json {}=@{}",
      what, path, use, name, path);
  return Json{{"type", "securestring"}, {"metadata", {{"description", description}}}};
}

Json template_head(Json metadata, Json parameters) {
  Json json;
  json["$schema"] = kTemplateSchema;
  json["contentVersion"] = "1.0.0.0";
  json["metadata"] = std::move(metadata);
  json["parameters"] = std::move(parameters);
  return json;
}

Json parameters_file(Json values) {
  Json json;
  json["$schema"] = kParametersSchema;
  json["contentVersion"] = "1.0.0.0";
  json["parameters"] = std::move(values);
  return json;
}

Json deployment_template(const Deployment& d, const ArtifactContext& context) {
  Json json = template_head(metadata(d), parameters(d, context));
  Json resources = Json::array();
  if (d.provisioned) {
    resources.push_back(managed_cluster_resource(d));
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
  return parameters_file(std::move(values));
}

std::string to_text(const Json& json) {
  return json.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace aksc::arm
