#include "backends/compute_body.h"

namespace aksc {
namespace {

using intent::Deployment;
using Json = nlohmann::ordered_json;

Json ssl_configuration(const intent::Tls& tls, const ComputeBodyStyle& style) {
  Json json;
  json["status"] = intent::azure_ssl_status(tls.status);
  if (tls.status == ir::SslStatus::kDisabled) return json;
  if (!tls.leaf_domain_label.empty()) {
    json["leafDomainLabel"] = style.text(tls.leaf_domain_label);
    json["overwriteExistingDomain"] = tls.overwrite_existing_domain;
  }
  if (!tls.cname.empty()) json["cname"] = style.text(tls.cname);
  if (tls.custom_certificate()) {
    json["cert"] = style.ssl_cert;
    json["key"] = style.ssl_key;
  }
  return json;
}

Json networking(const intent::CreatedCluster& created, const ComputeBodyStyle& style) {
  Json json;
  if (created.subnet) json["subnetId"] = style.subnet_id(*created.subnet);
  if (created.service_network) {
    json["serviceCidr"] = style.text(created.service_network->service_cidr);
    json["dnsServiceIP"] = style.text(created.service_network->dns_service_ip);
    json["dockerBridgeCidr"] = style.text(created.service_network->docker_bridge_cidr);
  }
  return json;
}

// properties.properties: what Azure ML creates, or how it uses the attached cluster.
Json aks_properties(const Deployment& d, const ComputeBodyStyle& style) {
  Json json;
  if (d.created) {
    json["agentCount"] = d.created->agent_count;
    json["agentVmSize"] = style.text(d.created->vm_size);
  }
  json["clusterPurpose"] = intent::azure_purpose(d.compute.purpose);
  if (const auto& lb = d.compute.load_balancer) {
    json["loadBalancerType"] = intent::azure_load_balancer_type(lb->type);
    if (!lb->subnet.empty()) json["loadBalancerSubnet"] = style.text(lb->subnet);
  }
  if (d.created && (d.created->subnet || d.created->service_network)) {
    json["aksNetworkingConfiguration"] = networking(*d.created, style);
  }
  if (d.compute.tls) json["sslConfiguration"] = ssl_configuration(*d.compute.tls, style);
  return json;
}

}  // namespace

Json compute_body(const Deployment& d, const ComputeBodyStyle& style) {
  Json json;
  json["location"] = style.text(d.workspace.location);
  if (!d.compute.tags.empty()) {
    Json tags = Json::object();
    for (const auto& [key, value] : d.compute.tags)
      tags[key] = style.text(value);
    json["tags"] = std::move(tags);
  }
  Json properties;
  properties["computeType"] = "AKS";
  if (d.created) properties["computeLocation"] = style.text(d.created->location);
  if (d.provisioned) properties["computeLocation"] = style.text(d.provisioned->location);
  if (!d.compute.description.empty()) properties["description"] = style.text(d.compute.description);
  if (d.attached) properties["resourceId"] = style.cluster_id;
  properties["properties"] = aks_properties(d, style);
  json["properties"] = std::move(properties);
  return json;
}

}  // namespace aksc
