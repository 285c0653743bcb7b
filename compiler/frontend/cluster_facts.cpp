#include "frontend/cluster_facts.h"

#include <cstdint>
#include <limits>
#include <utility>

#include <fmt/format.h>

#include "diag/text_util.h"
#include "frontend/input_error.h"
#include "frontend/read_source.h"
#include "ir/kubernetes_version.h"
#include "ir/spelling.h"
#include "support/strict_json.h"

namespace aksc {
namespace {

using ir::Field;
using ir::Origin;
using nlohmann::json;

constexpr std::string_view kManagedClusterType = "Microsoft.ContainerService/ManagedClusters";

// A node pool holds 0 to 1000 nodes (a system pool at least 1): the `count` of the AKS REST
// API's ManagedClusterAgentPoolProfile. Also what keeps count x vCPUs far from overflowing.
constexpr std::int64_t kMaxPoolNodes = 1000;

// Keys only a managed cluster has; one of them at the top level means az aks show output.
constexpr const char* kClusterKeys[] = {"kubernetesVersion", "currentKubernetesVersion",
                                        "agentPoolProfiles", "networkProfile",
                                        "apiServerAccessProfile"};

// Values Azure documents that the IR has no spelling for: left out without a problem.
constexpr std::string_view kOtherOutboundTypes[] = {"managedNATGateway", "userAssignedNATGateway",
                                                    "none", "block"};
constexpr std::string_view kOtherPoolModes[] = {"Gateway"};

// The member of `object` named `key` compared case-insensitively, as ARM reads property
// names (its responses spell authorizedIPRanges, az prints authorizedIpRanges); null when absent.
// parse_strict_json refuses objects with two such members, so the first found is the only one.
const json* find_member(const json& object, std::string_view key) {
  if (!object.is_object()) return nullptr;
  for (const auto& [name, value] : object.items()) {
    if (iequals(name, key)) return &value;
  }
  return nullptr;
}

bool has_cluster_keys(const json& object) {
  for (const char* key : kClusterKeys) {
    if (find_member(object, key)) return true;
  }
  return false;
}

bool is_null_member(const json& object, std::string_view key) {
  const json* found = find_member(object, key);
  return found && found->is_null();
}

template <std::size_t N>
bool one_of(const std::string_view (&values)[N], std::string_view text) {
  for (std::string_view value : values) {
    if (iequals(value, text)) return true;
  }
  return false;
}

// A member that is present and not null.
const json* member(const json& object, std::string_view key) {
  const json* found = find_member(object, key);
  return found && !found->is_null() ? found : nullptr;
}

std::string type_name(const json& value) {
  if (value.is_number_integer()) return "an integer";
  if (value.is_number()) return "a number";
  if (value.is_string()) return "a string";
  if (value.is_boolean()) return "a boolean";
  if (value.is_array()) return "an array";
  if (value.is_object()) return "an object";
  return "null";
}

// Reads the typed values of one JSON object, noting the ones that cannot be used.
class Reader {
 public:
  Reader(SourceRange range, std::vector<std::string>& problems)
      : range_(range), problems_(problems) {}

  template <typename T>
  Field<T> written(T value) const {
    return {std::move(value), range_, Origin::kWritten};
  }
  template <typename T>
  Field<T> defaulted(T value) const {
    return {std::move(value), range_, Origin::kDefaulted};
  }
  template <typename T>
  Field<T> invalid(const std::string& problem) const {
    problems_.push_back(problem);
    return {T{}, range_, Origin::kInvalid};
  }

  Field<std::string> text(const json& object, const char* key, const std::string& path) const {
    const json* value = member(object, key);
    if (!value) return {};
    if (!value->is_string()) {
      return invalid<std::string>(fmt::format("{} is {}, not a string", path, type_name(*value)));
    }
    return written(value->get<std::string>());
  }

  Field<bool> boolean(const json& object, const char* key, const std::string& path) const {
    const json* value = member(object, key);
    if (!value) return {};
    if (!value->is_boolean()) {
      return invalid<bool>(fmt::format("{} is {}, not true or false", path, type_name(*value)));
    }
    return written(value->get<bool>());
  }

  // An integer from `minimum` to `maximum`; the message of one outside names the range, not
  // the value, which may be any number of digits.
  Field<std::int64_t> integer(const json& object, const char* key, const std::string& path,
                              std::int64_t minimum, std::int64_t maximum,
                              std::string_view range_source) const {
    const json* value = member(object, key);
    if (!value) return {};
    if (!value->is_number_integer()) {
      return invalid<std::int64_t>(
          fmt::format("{} is {}, not an integer", path, type_name(*value)));
    }
    bool in_range =
        value->is_number_unsigned()
            ? value->get<std::uint64_t>() <= static_cast<std::uint64_t>(maximum)
            : value->get<std::int64_t>() >= minimum && value->get<std::int64_t>() <= maximum;
    if (!in_range) {
      return invalid<std::int64_t>(fmt::format(
          "{} is {}; {} allows {} to {}", path,
          value->is_number_unsigned() || value->get<std::int64_t>() > maximum ? "too large"
                                                                              : "too small",
          range_source, minimum, maximum));
    }
    return written(value->get<std::int64_t>());
  }

  // An enum value: a SPEC or ARM spelling; `others` are documented values left out silently.
  template <typename Enum, std::size_t N>
  Field<Enum> enumeration(const json& object, const char* key, const std::string& path,
                          const std::string_view (&others)[N]) const {
    Field<std::string> raw = text(object, key, path);
    if (!raw.written()) return {Enum{}, raw.range, raw.origin};
    if (trim(raw.value).empty()) return {};
    if (std::optional<Enum> value = ir::parse_spelling<Enum>(raw.value)) return written(*value);
    if (one_of(others, raw.value)) return {};
    return invalid<Enum>(fmt::format("{} '{}' is not a value aksc knows", path, raw.value));
  }

 private:
  SourceRange range_;
  std::vector<std::string>& problems_;
};

constexpr std::string_view kNoOthers[] = {""};  // none

// currentKubernetesVersion is what runs ("1.28.9"); kubernetesVersion is what was asked for,
// which may be an alias ("1.28"), so it counts only when the current version is not there.
Field<std::string> read_kubernetes_version(const Reader& in, const json& body, std::string& field) {
  for (const char* key : {"currentKubernetesVersion", "kubernetesVersion"}) {
    Field<std::string> version = in.text(body, key, key);
    if (version.origin == Origin::kInvalid) {
      field = key;
      return version;
    }
    if (!version.written() || trim(version.value).empty()) continue;
    field = key;
    if (!ir::parse_kubernetes_version(version.value)) {
      return in.invalid<std::string>(
          fmt::format("{} '{}' is not a version such as 1.17.9", key, version.value));
    }
    return version;
  }
  return {};
}

Field<std::vector<ir::NodePool>> read_node_pools(const Reader& in, const json& body,
                                                 SourceRange range) {
  const json* pools = member(body, "agentPoolProfiles");
  if (!pools) return {};
  if (!pools->is_array()) {
    return in.invalid<std::vector<ir::NodePool>>(
        fmt::format("agentPoolProfiles is {}, not an array", type_name(*pools)));
  }
  Field<std::vector<ir::NodePool>> result = in.written(std::vector<ir::NodePool>{});
  for (std::size_t i = 0; i < pools->size(); ++i) {
    const json& pool = (*pools)[i];
    std::string path = fmt::format("agentPoolProfiles[{}]", i);
    if (!pool.is_object()) {
      in.invalid<int>(fmt::format("{} is {}, not an object", path, type_name(pool)));
      continue;
    }
    ir::NodePool node_pool;
    node_pool.range = range;
    node_pool.name = in.text(pool, "name", path + ".name");
    node_pool.mode =
        in.enumeration<ir::NodePoolMode>(pool, "mode", path + ".mode", kOtherPoolModes);
    node_pool.vm_size = in.text(pool, "vmSize", path + ".vmSize");
    node_pool.count =
        in.integer(pool, "count", path + ".count", 0, kMaxPoolNodes, "AKS (a node pool's count)");
    result.value.push_back(std::move(node_pool));
  }
  // Every cluster has a system pool, so a lone pool of an API older than `mode` is that pool.
  if (result.value.size() == 1 && result.value[0].mode.origin == Origin::kAbsent &&
      !member((*pools)[0], "mode")) {
    result.value[0].mode = in.defaulted(ir::NodePoolMode::kSystem);
  }
  return result;
}

void read_network(const Reader& in, const json& body, ir::ClusterFacts& facts) {
  const json* network = member(body, "networkProfile");
  if (is_null_member(body, "networkProfile")) facts.null_profiles.push_back("networkProfile");
  if (!network) return;
  if (!network->is_object()) {
    in.invalid<int>(fmt::format("networkProfile is {}, not an object", type_name(*network)));
    return;
  }
  facts.load_balancer_sku = in.enumeration<ir::LoadBalancerSku>(
      *network, "loadBalancerSku", "networkProfile.loadBalancerSku", kNoOthers);
  facts.outbound_type = in.enumeration<ir::OutboundType>(
      *network, "outboundType", "networkProfile.outboundType", kOtherOutboundTypes);
  // ARM's default outboundType is loadBalancer.
  if (!member(*network, "outboundType")) {
    facts.outbound_type = in.defaulted(ir::OutboundType::kLoadBalancer);
  }
}

void read_api_server_access(const Reader& in, const json& body, ir::ClusterFacts& facts) {
  const json* access = member(body, "apiServerAccessProfile");
  if (access && !access->is_object()) {
    in.invalid<int>(fmt::format("apiServerAccessProfile is {}, not an object", type_name(*access)));
    return;
  }
  // az and ARM leave out (or print null for) an API server access profile nobody set: then
  // the cluster has no authorized IP ranges and is not private.
  static const json kEmpty = json::object();
  const json& profile = access ? *access : kEmpty;
  const char* ranges_path = "apiServerAccessProfile.authorizedIpRanges";
  const json* ranges = member(profile, "authorizedIpRanges");  // az; ARM spells authorizedIPRanges
  if (!ranges) {
    facts.authorized_ip_ranges = in.defaulted(std::vector<Field<std::string>>{});
  } else if (!ranges->is_array()) {
    facts.authorized_ip_ranges = in.invalid<std::vector<Field<std::string>>>(
        fmt::format("{} is {}, not an array", ranges_path, type_name(*ranges)));
  } else {
    facts.authorized_ip_ranges = in.written(std::vector<Field<std::string>>{});
    for (std::size_t i = 0; i < ranges->size(); ++i) {
      const json& item = (*ranges)[i];
      if (item.is_string()) {
        facts.authorized_ip_ranges.value.push_back(in.written(item.get<std::string>()));
      } else {
        facts.authorized_ip_ranges.value.push_back(in.invalid<std::string>(
            fmt::format("{}[{}] is {}, not a string", ranges_path, i, type_name(item))));
      }
    }
  }
  facts.private_cluster =
      in.boolean(profile, "enablePrivateCluster", "apiServerAccessProfile.enablePrivateCluster");
  if (facts.private_cluster.origin == Origin::kAbsent) facts.private_cluster = in.defaulted(false);
}

// The cluster's identity: identity.type when it is a managed identity; else a service
// principal when servicePrincipalProfile.clientId is one ("msi" marks a cluster whose identity
// is managed); unknown when neither says.
Field<ir::IdentityType> read_identity(const Reader& in, const json& cluster, const json& body) {
  constexpr std::string_view kOtherIdentityTypes[] = {"None"};
  if (const json* identity = member(cluster, "identity")) {
    if (!identity->is_object()) {
      return in.invalid<ir::IdentityType>(
          fmt::format("identity is {}, not an object", type_name(*identity)));
    }
    Field<ir::IdentityType> type =
        in.enumeration<ir::IdentityType>(*identity, "type", "identity.type", kOtherIdentityTypes);
    if (type.origin != Origin::kAbsent) return type;
  }
  const json* principal = member(body, "servicePrincipalProfile");
  if (!principal) return {};
  if (!principal->is_object()) {
    return in.invalid<ir::IdentityType>(
        fmt::format("servicePrincipalProfile is {}, not an object", type_name(*principal)));
  }
  Field<std::string> client = in.text(*principal, "clientId", "servicePrincipalProfile.clientId");
  if (!client.written() || trim(client.value).empty() || iequals(trim(client.value), "msi")) {
    return {};
  }
  return in.written(ir::IdentityType::kServicePrincipal);
}

template <typename T>
Field<T> pick(const Field<T>& inline_field, const Field<T>& file_field) {
  return inline_field.origin != Origin::kAbsent ? inline_field : file_field;
}

}  // namespace

std::optional<ClusterJson> read_cluster_json(const json& cluster, SourceRange range,
                                             std::string& error) {
  if (cluster.is_array()) {
    error =
        "it holds a JSON array, not one cluster (az aks list prints an array; use az aks show "
        "-g <group> -n <name> -o json)";
    return std::nullopt;
  }
  if (!cluster.is_object()) {
    error = fmt::format("it holds {}, not a cluster object", type_name(cluster));
    return std::nullopt;
  }
  const json* type = member(cluster, "type");
  if (type && type->is_string() && !iequals(type->get<std::string>(), kManagedClusterType)) {
    error = fmt::format("it is a '{}' resource, not a managed cluster ({})",
                        type->get<std::string>(), kManagedClusterType);
    return std::nullopt;
  }
  ClusterJson result;
  static const json kEmpty = json::object();
  const json* body = &cluster;
  const json* properties = member(cluster, "properties");
  bool managed_cluster_type = type && type->is_string();  // a different type returned above
  if (has_cluster_keys(cluster)) {
    result.shape = ClusterJsonShape::kAzAksShow;
  } else if (properties && properties->is_object() && has_cluster_keys(*properties)) {
    result.shape = ClusterJsonShape::kArmResource;
    body = properties;
  } else if (managed_cluster_type && is_null_member(cluster, "properties")) {
    // A managed cluster whose properties are null: it has none of the facts but its location.
    result.shape = ClusterJsonShape::kArmResource;
    result.facts.null_profiles.push_back("properties");
    body = &kEmpty;
  } else if (member(cluster, "responses")) {
    error =
        "it is a REST API example (parameters and responses), not a cluster; use the cluster in "
        "its responses.200.body";
    return std::nullopt;
  } else {
    error =
        "it is neither az aks show -o json output (kubernetesVersion, agentPoolProfiles, "
        "networkProfile, apiServerAccessProfile at the top level) nor an ARM managedClusters "
        "resource (the same fields under properties)";
    return std::nullopt;
  }
  Reader in(range, result.problems);
  ir::ClusterFacts& facts = result.facts;
  facts.range = range;
  facts.location = in.text(cluster, "location", "location");
  facts.kubernetes_version = read_kubernetes_version(in, *body, facts.kubernetes_version_field);
  if (is_null_member(*body, "agentPoolProfiles"))
    facts.null_profiles.push_back("agentPoolProfiles");
  facts.node_pools = read_node_pools(in, *body, range);
  read_network(in, *body, facts);
  if (is_null_member(*body, "apiServerAccessProfile"))
    facts.null_profiles.push_back("apiServerAccessProfile");
  read_api_server_access(in, *body, facts);
  facts.identity_type = read_identity(in, cluster, *body);
  // disableLocalAccounts is false unless set (and API versions before it had local accounts).
  facts.local_accounts_disabled = in.boolean(*body, "disableLocalAccounts", "disableLocalAccounts");
  if (facts.local_accounts_disabled.origin == Origin::kAbsent) {
    facts.local_accounts_disabled = in.defaulted(false);
  }
  if (body == &kEmpty) {
    // properties null: the access profile's defaults would claim what is not known.
    facts.authorized_ip_ranges = {};
    facts.private_cluster = {};
    facts.local_accounts_disabled = {};
  }
  return result;
}

ir::ClusterFacts merge_cluster_facts(const ir::ClusterFacts& inline_facts,
                                     const ir::ClusterFacts& file_facts) {
  ir::ClusterFacts merged;
  merged.range = inline_facts.range.known() ? inline_facts.range : file_facts.range;
  merged.location = pick(inline_facts.location, file_facts.location);
  merged.kubernetes_version = pick(inline_facts.kubernetes_version, file_facts.kubernetes_version);
  merged.kubernetes_version_field = inline_facts.kubernetes_version.origin != Origin::kAbsent
                                        ? inline_facts.kubernetes_version_field
                                        : file_facts.kubernetes_version_field;
  merged.null_profiles = file_facts.null_profiles;
  merged.load_balancer_sku = pick(inline_facts.load_balancer_sku, file_facts.load_balancer_sku);
  merged.private_cluster = pick(inline_facts.private_cluster, file_facts.private_cluster);
  merged.authorized_ip_ranges =
      pick(inline_facts.authorized_ip_ranges, file_facts.authorized_ip_ranges);
  merged.outbound_type = pick(inline_facts.outbound_type, file_facts.outbound_type);
  merged.node_pools = pick(inline_facts.node_pools, file_facts.node_pools);
  merged.identity_type = pick(inline_facts.identity_type, file_facts.identity_type);
  merged.local_accounts_disabled =
      pick(inline_facts.local_accounts_disabled, file_facts.local_accounts_disabled);
  return merged;
}

void load_cluster_facts(ir::Spec& spec, const std::filesystem::path& spec_folder,
                        const PathFence& fence, FindingSink& sink, std::uintmax_t max_file_size) {
  // Read through a const spec: a spec without a cluster block must not get one here.
  const Field<std::string>& from = std::as_const(spec).cluster->facts_from;
  if (!from.written()) return;
  const std::string help =
      "point facts_from (relative to the spec file) at the output of az aks show -g <group> -n "
      "<name> -o json, or write the facts inline under cluster.facts";
  auto report = [&](const std::string& reason) {
    sink.report("AKS507", spec.file, from.range,
                fmt::format("cluster facts file '{}' cannot be used: {}", from.value, reason),
                help);
  };
  if (trim(from.value).empty()) {
    report("the path is empty");
    return;
  }
  FencedPath path = fence_path(from.value, spec_folder, fence);
  if (!path.admitted()) {
    sink.report("AKS007", spec.file, from.range,
                fmt::format("cluster.facts_from '{}' is not read: {}", from.value, path.refusal),
                fence_help("the spec file"));
    return;
  }
  json cluster;
  try {
    SourceFile source = read_source(path.path, from.value, max_file_size);
    cluster = parse_strict_json(source.text());
  } catch (const InputError& error) {
    std::string what = error.what();
    report(what.substr(std::min(what.size(), error.path().size() + 2)));
    return;
  } catch (const StrictJsonError& error) {
    // Line and column of the file, never its text: the file may be anyone's.
    report(fmt::format("it is not valid JSON: at line {}, column {} of '{}': {}",
                       error.position.line, error.position.column, from.value, error.problem));
    return;
  }
  std::string error;
  std::optional<ClusterJson> file = read_cluster_json(cluster, from.range, error);
  if (!file) {
    report(error);
    return;
  }
  if (!file->problems.empty()) {
    std::string list;
    for (const std::string& problem : file->problems)
      list += (list.empty() ? "" : "; ") + problem;
    sink.report("AKS507", spec.file, from.range,
                fmt::format("cluster facts file '{}' has values aksc cannot use, left out: {}",
                            from.value, list),
                "fix those values, or write the facts inline under cluster.facts (inline facts win "
                "field by field)");
  }
  spec.cluster->facts = merge_cluster_facts(spec.cluster->facts, file->facts);
}

}  // namespace aksc
