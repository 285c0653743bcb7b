#include "frontend/lower.h"

#include "frontend/lower_kubernetes.h"
#include "frontend/schema.h"
#include "frontend/spec_reader.h"
#include "ir/spelling.h"

namespace aksc {
namespace {

using ir::Origin;
using lowering::apply_default;

ir::NodePool lower_node_pool(const lowering::Reader& in, const std::string& p) {
  ir::NodePool pool;
  pool.range = in.key_range(p);
  pool.name = in.text(p + "/name");
  pool.mode = in.enumeration<ir::NodePoolMode>(p + "/mode");
  pool.vm_size = in.text(p + "/vm_size");
  pool.count = in.integer(p + "/count");
  return pool;
}

ir::ClusterFacts lower_facts(const lowering::Reader& in, const std::string& p) {
  ir::ClusterFacts facts;
  facts.range = in.node(p) ? in.key_range(p) : SourceRange{};  // unknown when absent
  facts.location = in.text(p + "/location");
  facts.kubernetes_version = in.text(p + "/kubernetes_version");
  if (facts.kubernetes_version.origin != Origin::kAbsent)
    facts.kubernetes_version_field = "cluster.facts.kubernetes_version";
  facts.load_balancer_sku = in.enumeration<ir::LoadBalancerSku>(p + "/load_balancer_sku");
  facts.private_cluster = in.boolean(p + "/private_cluster");
  facts.authorized_ip_ranges = in.text_list(p + "/authorized_ip_ranges");
  facts.outbound_type = in.enumeration<ir::OutboundType>(p + "/outbound_type");
  facts.identity_type = in.enumeration<ir::IdentityType>(p + "/identity_type");
  facts.local_accounts_disabled = in.boolean(p + "/local_accounts_disabled");
  const nlohmann::json* pools = in.node(p + "/node_pools");
  if (pools && pools->is_array()) {
    facts.node_pools.origin = Origin::kWritten;
    facts.node_pools.range = in.key_range(p + "/node_pools");
    for (std::size_t i = 0; i < pools->size(); ++i) {
      if ((*pools)[i].is_object()) {
        facts.node_pools.value.push_back(
            lower_node_pool(in, p + "/node_pools/" + std::to_string(i)));
      }
    }
  }
  return facts;
}

ir::Cluster lower_cluster(const lowering::Reader& in, const ir::Spec& spec) {
  ir::Cluster cluster;
  cluster.range = in.key_range("/cluster");
  cluster.resource_id = in.text("/cluster/resource_id");
  cluster.resource_group = in.text("/cluster/resource_group");
  cluster.name = in.text("/cluster/name");
  cluster.subscription_id = in.text("/cluster/subscription_id");
  cluster.facts_from = in.text("/cluster/facts_from");
  cluster.facts = lower_facts(in, "/cluster/facts");
  if (spec.workspace.subscription_id.usable() && !cluster.resource_id.usable()) {
    apply_default(cluster.subscription_id, spec.workspace.subscription_id.value, cluster.range);
  }
  return cluster;
}

void lower_network(const lowering::Reader& in, ir::Spec& spec) {
  if (!in.node("/network")) return;  // absent: the spec carries no network block
  ir::Network& net = *spec.network;
  net.range = in.key_range("/network");
  net.vnet_resource_group = in.text("/network/vnet_resource_group");
  net.vnet_name = in.text("/network/vnet_name");
  net.subnet_name = in.text("/network/subnet_name");
  net.subnet_prefix = in.text("/network/subnet_prefix");
  net.service_cidr = in.text("/network/service_cidr");
  net.dns_service_ip = in.text("/network/dns_service_ip");
  net.docker_bridge_cidr = in.text("/network/docker_bridge_cidr");
}

void lower_ssl(const lowering::Reader& in, ir::Spec& spec) {
  if (!in.node("/ssl")) return;  // absent: the spec carries no ssl block
  ir::Ssl& ssl = *spec.ssl;
  ssl.range = in.key_range("/ssl");
  ssl.status = in.enumeration<ir::SslStatus>("/ssl/status");
  ssl.leaf_domain_label = in.text("/ssl/leaf_domain_label");
  ssl.overwrite_existing_domain = in.boolean("/ssl/overwrite_existing_domain");
  ssl.cname = in.text("/ssl/cname");
  ssl.cert_file = in.text("/ssl/cert_file");
  ssl.key_file = in.text("/ssl/key_file");
}

// Defaults that depend on the mode and on other fields (SPEC §1).
void apply_defaults(ir::Spec& spec) {
  SourceRange top = spec.mode.usable() ? spec.mode.range : spec.range;
  apply_default(spec.purpose, defaults::kPurpose, top);
  bool v1 = spec.kind == ir::Kind::kAksCompute;  // accelerator and reattach are AksCompute's
  if (v1) apply_default(spec.accelerator, defaults::kAccelerator, top);
  if (!spec.mode.usable() || spec.mode.value == ir::Mode::kAttach) {
    if (v1) apply_default(spec.reattach, false, top);
    return;
  }
  bool provision = spec.mode.value == ir::Mode::kProvisionAndAttach;
  if (spec.workspace.location.usable()) {
    apply_default(spec.location, spec.workspace.location.value, top);
  }
  apply_default(spec.agent_count, defaults::kAgentCount, top);
  apply_default(spec.vm_size, std::string(defaults::kVmSize), top);
  // Azure ML create makes a Basic LB; AKS itself defaults to Standard (SPEC §1, §5).
  apply_default(spec.load_balancer.sku,
                provision ? ir::LoadBalancerSku::kStandard : ir::LoadBalancerSku::kBasic, top);
  apply_default(spec.load_balancer.type, defaults::kLoadBalancerType, top);
  apply_default(spec.private_cluster, false, top);
  apply_default(spec.outbound_type, defaults::kOutboundType, top);
  if (provision) {
    if (spec.name.usable()) apply_default(spec.cluster_name, spec.name.value, spec.name.range);
    if (spec.workspace.resource_group.usable()) {
      apply_default(spec.cluster_resource_group, spec.workspace.resource_group.value, top);
    }
  }
}

}  // namespace

ir::Spec lower_spec(const YamlDocument& document, const InvalidPointers& invalid,
                    const std::string& file, int index) {
  lowering::Reader in(document, invalid);
  ir::Spec spec;
  spec.file = file;
  spec.document = index;
  spec.range = document.range;
  spec.kind_range = document.locate("/kind");
  // The document was chosen for its kind (driver/select_documents), so it is one of the two.
  spec.kind = in.enumeration<ir::Kind>("/kind").value;
  spec.name = in.text("/name");
  spec.mode = in.enumeration<ir::Mode>("/mode");
  spec.workspace.name = in.text("/workspace/name");
  spec.workspace.resource_group = in.text("/workspace/resource_group");
  spec.workspace.subscription_id = in.text("/workspace/subscription_id");
  spec.workspace.location = in.text("/workspace/location");
  spec.purpose = in.enumeration<ir::Purpose>("/purpose");
  spec.description = in.text("/description");
  spec.tags = in.text_map("/tags");
  spec.location = in.text("/location");
  spec.agent_count = in.integer("/agent_count");
  spec.vm_size = in.text("/vm_size");
  if (spec.kind == ir::Kind::kAksCompute) {
    spec.accelerator = in.enumeration<ir::Accelerator>("/accelerator");
    lower_ssl(in, spec);
    spec.reattach = in.boolean("/reattach");
  } else {
    lowering::lower_kubernetes_parts(in, spec);
  }
  spec.load_balancer.sku = in.enumeration<ir::LoadBalancerSku>("/load_balancer/sku");
  spec.load_balancer.type = in.enumeration<ir::LoadBalancerType>("/load_balancer/type");
  spec.load_balancer.subnet = in.text("/load_balancer/subnet");
  lower_network(in, spec);
  spec.kubernetes_version = in.text("/kubernetes_version");
  spec.private_cluster = in.boolean("/private_cluster");
  spec.api_server_authorized_ip_ranges = in.text_list("/api_server_authorized_ip_ranges");
  spec.outbound_type = in.enumeration<ir::OutboundType>("/outbound_type");
  spec.cluster_name = in.text("/cluster_name");
  spec.cluster_resource_group = in.text("/cluster_resource_group");
  if (in.node("/cluster")) spec.cluster = lower_cluster(in, spec);
  apply_defaults(spec);
  return spec;
}

ir::Spec check_and_lower_spec(YamlDocument& document, const std::string& file, int index,
                              FindingSink& sink) {
  const Schema& schema = Schema::embedded("aksc-spec.schema.json");
  canonicalize_enums(document, schema);
  InvalidPointers invalid = validate_document(document, schema, file, "AKS002", sink);
  return lower_spec(document, invalid, file, index);
}

}  // namespace aksc
