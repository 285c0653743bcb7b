#include "resolve/resolved_spec.h"

#include "frontend/yaml_document.h"
#include "ir/spelling.h"

namespace aksc {

SourceRange ResolvedRanges::locate(std::string_view pointer) const {
  while (true) {
    auto found = ranges_.find(pointer);
    if (found != ranges_.end()) return found->second;
    if (pointer.empty()) return {};
    pointer = pointer.substr(0, pointer.rfind('/'));
  }
}

namespace {

std::string copied_text(const std::string& value) {
  return value;
}

template <typename Enum>
std::string spelling_of(Enum value) {
  return std::string(ir::to_string(value));
}

// Writes the members of one JSON object and records where each was written.
class ObjectWriter {
 public:
  ObjectWriter(nlohmann::json& node, std::string pointer, ResolvedRanges* ranges)
      : node_(node), pointer_(std::move(pointer)), ranges_(ranges) {}

  template <typename T, typename Convert>
  void field(std::string_view key, const ir::Field<T>& field, Convert convert) {
    if (!field.usable()) return;
    node_[std::string(key)] = convert(field.value);
    record(key, field.range);
  }
  void text(std::string_view key, const ir::Field<std::string>& value) {
    field(key, value, copied_text);
  }
  void flag(std::string_view key, const ir::Field<bool>& value) {
    field(key, value, [](bool b) { return b; });
  }
  void number(std::string_view key, const ir::Field<std::int64_t>& value) {
    field(key, value, [](std::int64_t n) { return n; });
  }
  template <typename Enum>
  void spelling(std::string_view key, const ir::Field<Enum>& value) {
    field(key, value, spelling_of<Enum>);
  }
  void map(std::string_view key, const ir::Field<std::map<std::string, std::string>>& value) {
    if (!value.usable()) return;
    nlohmann::json& object = node_[std::string(key)] = nlohmann::json::object();
    for (const auto& [name, text] : value.value)
      object[name] = text;
    record(key, value.range);
  }
  void texts(std::string_view key, const ir::Field<std::vector<ir::Field<std::string>>>& value) {
    if (!value.usable()) return;
    nlohmann::json& array = node_[std::string(key)] = nlohmann::json::array();
    std::string pointer = pointer_append(pointer_, key);
    record(key, value.range);
    for (const ir::Field<std::string>& item : value.value) {
      if (!item.usable()) continue;
      if (ranges_)
        ranges_->record(pointer_append(pointer, std::to_string(array.size())), item.range);
      array.push_back(item.value);
    }
  }

  /// A member object, written by `fill`, left out when it ends up empty.
  template <typename Fill>
  void object(std::string_view key, SourceRange range, Fill fill) {
    nlohmann::json member = nlohmann::json::object();
    ObjectWriter writer(member, pointer_append(pointer_, key), ranges_);
    fill(writer);
    if (member.empty()) return;
    node_[std::string(key)] = std::move(member);
    record(key, range);
  }

  /// A member array of objects, one written by `fill` for each of `items`.
  template <typename Item, typename Fill>
  void objects(std::string_view key, const ir::Field<std::vector<Item>>& items, Fill fill) {
    if (!items.usable()) return;
    nlohmann::json& array = node_[std::string(key)] = nlohmann::json::array();
    std::string pointer = pointer_append(pointer_, key);
    record(key, items.range);
    for (const Item& item : items.value) {
      nlohmann::json member = nlohmann::json::object();
      std::string item_pointer = pointer_append(pointer, std::to_string(array.size()));
      ObjectWriter writer(member, item_pointer, ranges_);
      fill(writer, item);
      if (ranges_) ranges_->record(item_pointer, item.range);
      array.push_back(std::move(member));
    }
  }

 private:
  void record(std::string_view key, SourceRange range) {
    if (ranges_) ranges_->record(pointer_append(pointer_, key), range);
  }

  nlohmann::json& node_;
  std::string pointer_;
  ResolvedRanges* ranges_;
};

void write_workspace(ObjectWriter& out, const ir::Workspace& workspace) {
  out.text("name", workspace.name);
  out.text("resource_group", workspace.resource_group);
  out.text("subscription_id", workspace.subscription_id);
  out.text("location", workspace.location);
}

void write_network(ObjectWriter& out, const ir::Network& network) {
  out.text("vnet_resource_group", network.vnet_resource_group);
  out.text("vnet_name", network.vnet_name);
  out.text("subnet_name", network.subnet_name);
  out.text("subnet_prefix", network.subnet_prefix);
  out.text("service_cidr", network.service_cidr);
  out.text("dns_service_ip", network.dns_service_ip);
  out.text("docker_bridge_cidr", network.docker_bridge_cidr);
}

void write_ssl(ObjectWriter& out, const ir::Ssl& ssl) {
  out.spelling("status", ssl.status);
  out.text("leaf_domain_label", ssl.leaf_domain_label);
  out.flag("overwrite_existing_domain", ssl.overwrite_existing_domain);
  out.text("cname", ssl.cname);
  out.text("cert_file", ssl.cert_file);
  out.text("key_file", ssl.key_file);
}

void write_facts(ObjectWriter& out, const ir::ClusterFacts& facts) {
  out.text("location", facts.location);
  out.text("kubernetes_version", facts.kubernetes_version);
  out.spelling("load_balancer_sku", facts.load_balancer_sku);
  out.flag("private_cluster", facts.private_cluster);
  out.texts("authorized_ip_ranges", facts.authorized_ip_ranges);
  out.spelling("outbound_type", facts.outbound_type);
  out.objects("node_pools", facts.node_pools, [](ObjectWriter& pool_out, const ir::NodePool& pool) {
    pool_out.text("name", pool.name);
    pool_out.spelling("mode", pool.mode);
    pool_out.text("vm_size", pool.vm_size);
    pool_out.number("count", pool.count);
  });
  out.spelling("identity_type", facts.identity_type);
  out.flag("local_accounts_disabled", facts.local_accounts_disabled);
}

void write_cluster(ObjectWriter& out, const ir::Cluster& cluster) {
  out.text("resource_id", cluster.resource_id);
  out.text("name", cluster.name);
  out.text("resource_group", cluster.resource_group);
  out.text("subscription_id", cluster.subscription_id);
  out.text("facts_from", cluster.facts_from);
  out.object("facts", cluster.facts.range,
             [&](ObjectWriter& facts) { write_facts(facts, cluster.facts); });
}

void write_resources(ObjectWriter& out, const ir::ResourceList& resources) {
  out.text("cpu", resources.cpu);
  out.text("memory", resources.memory);
  out.text("nvidia.com/gpu", resources.gpu);
}

void write_inference(ObjectWriter& out, const ir::Inference& inference) {
  out.flag("enabled", inference.enabled);
  out.spelling("router_service_type", inference.router_service_type);
  out.flag("internal_load_balancer", inference.internal_load_balancer);
  out.flag("router_ha", inference.router_ha);
  out.flag("allow_insecure_connections", inference.allow_insecure_connections);
  out.object("ssl", inference.ssl.range, [&](ObjectWriter& ssl) {
    ssl.text("cname", inference.ssl.cname);
    ssl.text("secret", inference.ssl.secret);
    ssl.text("cert_file", inference.ssl.cert_file);
    ssl.text("key_file", inference.ssl.key_file);
  });
}

void write_extension(ObjectWriter& out, const ir::Extension& extension) {
  out.text("name", extension.name);
  out.spelling("release_train", extension.release_train);
  out.text("version", extension.version);
  out.flag("auto_upgrade_minor_version", extension.auto_upgrade_minor_version);
  out.flag("training", extension.training);
  out.object("inference", extension.inference.range,
             [&](ObjectWriter& inference) { write_inference(inference, extension.inference); });
  out.map("node_selector", extension.node_selector);
  out.flag("install_nvidia_device_plugin", extension.install_nvidia_device_plugin);
  out.flag("install_dcgm_exporter", extension.install_dcgm_exporter);
  out.flag("install_prom_op", extension.install_prom_op);
  out.flag("install_volcano", extension.install_volcano);
}

void write_kubernetes_parts(ObjectWriter& out, const ir::KubernetesComputeParts& parts) {
  out.text("namespace", parts.kubernetes_namespace);
  out.object("identity", parts.identity.range, [&](ObjectWriter& identity) {
    identity.spelling("type", parts.identity.type);
    identity.texts("user_assigned_identities", parts.identity.user_assigned_identities);
  });
  out.object("extension", parts.extension.range,
             [&](ObjectWriter& extension) { write_extension(extension, parts.extension); });
  out.objects("instance_types", parts.instance_types,
              [](ObjectWriter& type_out, const ir::InstanceType& type) {
                type_out.text("name", type.name);
                type_out.map("node_selector", type.node_selector);
                type_out.object("requests", type.requests.range, [&](ObjectWriter& requests) {
                  write_resources(requests, type.requests);
                });
                type_out.object("limits", type.limits.range, [&](ObjectWriter& limits) {
                  write_resources(limits, type.limits);
                });
              });
  out.text("default_instance_type", parts.default_instance_type);
}

// The range an object without one of its own is shown at: its first member's.
SourceRange first_known_range(std::initializer_list<SourceRange> ranges) {
  for (SourceRange range : ranges)
    if (range.known()) return range;
  return {};
}

}  // namespace

nlohmann::json resolve_spec(const ir::Spec& spec, ResolvedRanges* ranges) {
  nlohmann::json root = nlohmann::json::object();
  if (ranges) ranges->record("", spec.range);
  ObjectWriter out(root, "", ranges);
  root["apiVersion"] = "aksc/v1";
  root["kind"] = std::string(ir::to_string(spec.kind));
  if (ranges) ranges->record("/kind", spec.kind_range);
  out.text("name", spec.name);
  out.spelling("mode", spec.mode);
  const ir::Workspace& workspace = spec.workspace;
  out.object("workspace",
             first_known_range({workspace.name.range, workspace.resource_group.range,
                                workspace.subscription_id.range, workspace.location.range}),
             [&](ObjectWriter& member) { write_workspace(member, workspace); });
  out.spelling("purpose", spec.purpose);
  out.text("description", spec.description);
  out.map("tags", spec.tags);
  if (spec.kubernetes) write_kubernetes_parts(out, *spec.kubernetes);
  out.text("location", spec.location);
  out.number("agent_count", spec.agent_count);
  out.text("vm_size", spec.vm_size);
  out.spelling("accelerator", spec.accelerator);
  const ir::LoadBalancer& balancer = spec.load_balancer;
  out.object("load_balancer",
             first_known_range({balancer.sku.range, balancer.type.range, balancer.subnet.range}),
             [&](ObjectWriter& member) {
               member.spelling("sku", balancer.sku);
               member.spelling("type", balancer.type);
               member.text("subnet", balancer.subnet);
             });
  if (spec.network.has_value())
    out.object("network", spec.network->range,
               [&](ObjectWriter& member) { write_network(member, *spec.network); });
  if (spec.ssl.has_value())
    out.object("ssl", spec.ssl->range, [&](ObjectWriter& member) { write_ssl(member, *spec.ssl); });
  out.text("kubernetes_version", spec.kubernetes_version);
  out.flag("private_cluster", spec.private_cluster);
  out.texts("api_server_authorized_ip_ranges", spec.api_server_authorized_ip_ranges);
  out.spelling("outbound_type", spec.outbound_type);
  out.text("cluster_name", spec.cluster_name);
  out.text("cluster_resource_group", spec.cluster_resource_group);
  if (spec.cluster.has_value())
    out.object("cluster", spec.cluster->range,
               [&](ObjectWriter& member) { write_cluster(member, *spec.cluster); });
  out.flag("reattach", spec.reattach);
  return root;
}

}  // namespace aksc
