#include "backends/intent.h"

#include <algorithm>

#include <fmt/format.h>

#include "backends/field_reader.h"

namespace aksc::intent {
namespace {

using ir::Field;

bool any_usable(std::initializer_list<const Field<std::string>*> fields) {
  return std::any_of(fields.begin(), fields.end(), [](const auto* f) { return f->usable(); });
}

// The vnet fields come as a group (AKS309): all three give a subnet, none gives no subnet.
std::optional<Subnet> lower_subnet(const ir::Network& net, const Workspace& workspace,
                                   FieldReader& in) {
  if (!any_usable({&net.vnet_resource_group, &net.vnet_name, &net.subnet_name})) {
    return std::nullopt;
  }
  Subnet subnet;
  subnet.subscription_id = workspace.subscription_id;
  subnet.resource_group = in.required(net.vnet_resource_group, "network.vnet_resource_group");
  subnet.vnet_name = in.required(net.vnet_name, "network.vnet_name");
  subnet.subnet_name = in.required(net.subnet_name, "network.subnet_name");
  return subnet;
}

std::optional<ServiceNetwork> lower_service_network(const ir::Network& net, FieldReader& in) {
  if (!any_usable({&net.service_cidr, &net.dns_service_ip, &net.docker_bridge_cidr})) {
    return std::nullopt;
  }
  ServiceNetwork service;
  service.service_cidr = in.required(net.service_cidr, "network.service_cidr");
  service.dns_service_ip = in.required(net.dns_service_ip, "network.dns_service_ip");
  service.docker_bridge_cidr = in.required(net.docker_bridge_cidr, "network.docker_bridge_cidr");
  return service;
}

// TLS settings exist when the ssl block sets anything; a status that is not written is
// Enabled as soon as a certificate is described (the SDK's enable_ssl).
std::optional<Tls> lower_tls(const ir::Ssl& ssl, FieldReader& in) {
  bool described = any_usable({&ssl.leaf_domain_label, &ssl.cname, &ssl.cert_file, &ssl.key_file});
  if (!ssl.status.usable() && !described) return std::nullopt;
  Tls tls;
  tls.status = ssl.status.usable() ? ssl.status.value : ir::SslStatus::kEnabled;
  if (tls.status == ir::SslStatus::kDisabled) return tls;
  tls.leaf_domain_label = in.optional(ssl.leaf_domain_label, "ssl.leaf_domain_label");
  tls.overwrite_existing_domain =
      ssl.overwrite_existing_domain.usable() && ssl.overwrite_existing_domain.value;
  tls.cname = in.optional(ssl.cname, "ssl.cname");
  tls.cert_file = in.optional(ssl.cert_file, "ssl.cert_file");
  tls.key_file = in.optional(ssl.key_file, "ssl.key_file");
  return tls;
}

std::optional<LoadBalancer> lower_load_balancer(const ir::LoadBalancer& lb, FieldReader& in) {
  if (!lb.type.usable() && !lb.subnet.usable()) return std::nullopt;
  LoadBalancer result;
  if (lb.type.usable()) result.type = lb.type.value;
  result.subnet = in.optional(lb.subnet, "load_balancer.subnet");
  return result;
}

std::map<std::string, std::string> lower_tags(const ir::Spec& spec, FieldReader& in) {
  if (!spec.tags.usable()) return {};
  for (const auto& [key, value] : spec.tags.value) {
    in.checked(key, "a tag name");
    in.checked(value, "tag '" + key + "'");
  }
  return spec.tags.value;
}

std::string managed_cluster_id(std::string_view subscription, std::string_view group,
                               std::string_view name) {
  return fmt::format(
      "/subscriptions/{}/resourceGroups/{}/providers/Microsoft.ContainerService/managedClusters/{}",
      subscription, group, name);
}

CreatedCluster lower_created(const ir::Spec& spec, const Workspace& workspace, FieldReader& in) {
  CreatedCluster created;
  created.location = in.required(spec.location, "location");
  created.agent_count = in.required(spec.agent_count, "agent_count");
  created.vm_size = in.required(spec.vm_size, "vm_size");
  created.subnet = lower_subnet(spec.network, workspace, in);
  created.service_network = lower_service_network(spec.network, in);
  return created;
}

ManagedCluster lower_provisioned(const ir::Spec& spec, const Workspace& workspace,
                                 FieldReader& in) {
  ManagedCluster cluster;
  cluster.name = in.required(spec.cluster_name, "cluster_name");
  cluster.subscription_id = workspace.subscription_id;
  cluster.resource_group = in.required(spec.cluster_resource_group, "cluster_resource_group");
  cluster.location = in.required(spec.location, "location");
  cluster.dns_prefix = dns_prefix_for(cluster.name);
  if (!cluster.name.empty() && cluster.dns_prefix.empty()) {
    in.problem(fmt::format("cluster_name '{}' leaves no usable DNS prefix", cluster.name));
  }
  cluster.kubernetes_version = in.optional(spec.kubernetes_version, "kubernetes_version");
  cluster.node_count = in.required(spec.agent_count, "agent_count");
  cluster.vm_size = in.required(spec.vm_size, "vm_size");
  cluster.load_balancer_sku = in.required(spec.load_balancer.sku, "load_balancer.sku");
  cluster.outbound_type = in.required(spec.outbound_type, "outbound_type");
  cluster.private_cluster = spec.private_cluster.usable() && spec.private_cluster.value;
  if (spec.api_server_authorized_ip_ranges.usable()) {
    for (const Field<std::string>& range : spec.api_server_authorized_ip_ranges.value) {
      cluster.authorized_ip_ranges.push_back(
          in.required(range, "an entry of api_server_authorized_ip_ranges"));
    }
  }
  cluster.subnet = lower_subnet(spec.network, workspace, in);
  cluster.service_network = lower_service_network(spec.network, in);
  return cluster;
}

ClusterReference lower_existing(const ir::Cluster& cluster, FieldReader& in) {
  ClusterReference reference;
  if (cluster.resource_id.usable()) {
    reference.resource_id = in.required(cluster.resource_id, "cluster.resource_id");
    reference.id_written = true;
    return reference;
  }
  reference.subscription_id = in.required(cluster.subscription_id, "cluster.subscription_id");
  reference.resource_group = in.required(cluster.resource_group, "cluster.resource_group");
  reference.name = in.required(cluster.name, "cluster.name");
  reference.resource_id =
      managed_cluster_id(reference.subscription_id, reference.resource_group, reference.name);
  return reference;
}

// The cluster of a KubernetesCompute by its parts: az k8s-extension and az aks command
// invoke name it by resource group and name, never by ID.
void split_written_id(ClusterReference& reference, FieldReader& in) {
  if (!reference.id_written) return;
  std::optional<ClusterIdParts> parts = parse_managed_cluster_id(reference.resource_id);
  if (!parts) {
    in.problem(fmt::format("cluster.resource_id '{}' is not the ID of an AKS managed cluster",
                           reference.resource_id));
    return;
  }
  reference.subscription_id = parts->subscription_id;
  reference.resource_group = parts->resource_group;
  reference.name = parts->name;
}

std::vector<Step> kubernetes_steps(const Deployment& d) {
  std::vector<Step> steps;
  if (d.provisioned) steps.push_back(Step::kCreateCluster);
  if (!d.attached->id_written) steps.push_back(Step::kLookUpClusterId);
  steps.push_back(Step::kInstallExtension);
  if (d.kubernetes->kubernetes_namespace != "default") steps.push_back(Step::kCreateNamespace);
  if (!d.kubernetes->cluster_instance_types().empty()) steps.push_back(Step::kApplyInstanceTypes);
  steps.push_back(Step::kAttachKubernetes);
  return steps;
}

std::vector<Step> steps_for(const Deployment& d) {
  if (d.kubernetes && d.attached) return kubernetes_steps(d);
  std::vector<Step> steps;
  switch (d.mode) {
    case ir::Mode::kCreate:
      steps.push_back(d.exists_already ? Step::kCheckCompute : Step::kCreateCompute);
      return steps;
    case ir::Mode::kAttach:
      if (!d.detach.empty()) steps.push_back(Step::kDetachCompute);
      break;
    case ir::Mode::kProvisionAndAttach:
      steps.push_back(Step::kCreateCluster);
      break;
  }
  if (!d.attached || !d.attached->id_written) steps.push_back(Step::kLookUpClusterId);
  steps.push_back(Step::kAttachCompute);
  return steps;
}

}  // namespace

std::string Subnet::resource_id() const {
  return fmt::format(
      "/subscriptions/{}/resourceGroups/{}/providers/Microsoft.Network/virtualNetworks/{}/"
      "subnets/{}",
      subscription_id, resource_group, vnet_name, subnet_name);
}

bool Deployment::has_step(Step step) const {
  return std::find(steps.begin(), steps.end(), step) != steps.end();
}

Lowering lower_deployment(const ir::Spec& spec, const Existing& existing) {
  Lowering result;
  FieldReader in(result.problems);
  if (!spec.mode.usable()) {
    result.problems.push_back("mode is missing");
    return result;
  }
  Deployment d;
  d.mode = spec.mode.value;
  d.workspace.name = in.required(spec.workspace.name, "workspace.name");
  d.workspace.resource_group =
      in.required(spec.workspace.resource_group, "workspace.resource_group");
  d.workspace.subscription_id =
      in.required(spec.workspace.subscription_id, "workspace.subscription_id");
  d.workspace.location = in.required(spec.workspace.location, "workspace.location");

  d.compute.name = in.required(spec.name, "name");
  d.compute.purpose = in.required(spec.purpose, "purpose");
  d.compute.description = in.optional(spec.description, "description");
  d.compute.tags = lower_tags(spec, in);
  d.compute.load_balancer = lower_load_balancer(spec.load_balancer, in);
  d.compute.tls = lower_tls(spec.ssl, in);

  switch (d.mode) {
    case ir::Mode::kCreate:
      d.created = lower_created(spec, d.workspace, in);
      d.exists_already = existing.compute_listed;
      break;
    case ir::Mode::kAttach:
      d.attached = lower_existing(spec.cluster, in);
      if (spec.reattach.usable() && spec.reattach.value) {
        // Detach what holds the cluster, which may be named differently from this spec.
        d.detach_from_inventory = !existing.cluster_holders.empty();
        d.detach = d.detach_from_inventory ? existing.cluster_holders
                                           : std::vector<std::string>{d.compute.name};
      }
      break;
    case ir::Mode::kProvisionAndAttach: {
      d.provisioned = lower_provisioned(spec, d.workspace, in);
      d.provisioned->tags = d.compute.tags;
      ClusterReference reference;
      reference.subscription_id = d.provisioned->subscription_id;
      reference.resource_group = d.provisioned->resource_group;
      reference.name = d.provisioned->name;
      reference.resource_id =
          managed_cluster_id(reference.subscription_id, reference.resource_group, reference.name);
      d.attached = reference;
      break;
    }
  }
  if (spec.kind == ir::Kind::kKubernetesCompute) {
    if (d.mode == ir::Mode::kCreate) in.problem("mode create is not a KubernetesCompute mode");
    d.compute.load_balancer.reset();  // AksCompute's; the extension carries the router's
    d.compute.tls.reset();
    d.detach.clear();  // a v2 cluster may be attached several times: nothing to detach
    d.detach_from_inventory = false;
    d.kubernetes = lower_kubernetes(spec, in);
    if (d.attached) split_written_id(*d.attached, in);
  }
  d.steps = steps_for(d);
  if (result.problems.empty()) result.deployment = std::move(d);
  return result;
}

std::string_view azure_purpose(ir::Purpose value) {
  return value == ir::Purpose::kDevTest ? "DevTest" : "FastProd";
}

std::string_view azure_load_balancer_type(ir::LoadBalancerType value) {
  return value == ir::LoadBalancerType::kInternal ? "InternalLoadBalancer" : "PublicIp";
}

std::string_view azure_ssl_status(ir::SslStatus value) {
  switch (value) {
    case ir::SslStatus::kDisabled:
      return "Disabled";
    case ir::SslStatus::kAuto:
      return "Auto";
    case ir::SslStatus::kEnabled:
      break;
  }
  return "Enabled";
}

std::string_view azure_outbound_type(ir::OutboundType value) {
  return value == ir::OutboundType::kUserDefinedRouting ? "userDefinedRouting" : "loadBalancer";
}

std::string_view azure_load_balancer_sku(ir::LoadBalancerSku value) {
  return value == ir::LoadBalancerSku::kBasic ? "basic" : "standard";
}

std::string dns_prefix_for(std::string_view cluster_name) {
  constexpr std::size_t kMaxLength = 54;
  std::string prefix;
  for (char c : cluster_name.substr(0, kMaxLength)) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    prefix += alnum ? c : '-';
  }
  std::size_t first = prefix.find_first_not_of('-');
  if (first == std::string::npos) return "";
  std::size_t last = prefix.find_last_not_of('-');
  return prefix.substr(first, last - first + 1);
}

}  // namespace aksc::intent
