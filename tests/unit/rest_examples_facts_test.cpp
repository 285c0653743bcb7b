// Every managed cluster in the AKS REST API examples of ../shared/data/aks-show/rest-examples
// (12 apiVersions, 2019 to 2025): the facts read_cluster_json extracts equal what a small
// case-insensitive walker written here reads from the same JSON, and the strict parser reads
// each file as nlohmann does.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "frontend/cluster_facts.h"
#include "support/strict_json.h"

namespace fs = std::filesystem;
using aksc::ir::LoadBalancerSku;
using aksc::ir::NodePoolMode;
using aksc::ir::OutboundType;
using nlohmann::json;

namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// The walker: a member by case-insensitive name, null counting as absent.
const json* get(const json* object, const std::string& key) {
  if (!object || !object->is_object()) return nullptr;
  for (auto it = object->begin(); it != object->end(); ++it) {
    if (lower(it.key()) == lower(key)) return it->is_null() ? nullptr : &*it;
  }
  return nullptr;
}

std::string text_or(const json* value, const std::string& otherwise) {
  return value && value->is_string() ? value->get<std::string>() : otherwise;
}

struct Pool {
  std::string name, vm_size, mode;
  long long count = -1;
  bool operator==(const Pool&) const = default;
};

struct Facts {
  std::string location, version, sku, outbound, ranges;
  bool is_private = false;
  std::vector<Pool> pools;
  bool operator==(const Facts&) const = default;
};

std::ostream& operator<<(std::ostream& out, const Facts& facts) {
  out << facts.location << " k8s " << facts.version << " sku " << facts.sku << " outbound "
      << facts.outbound << " private " << facts.is_private << " ranges [" << facts.ranges << "]";
  for (const Pool& pool : facts.pools)
    out << " pool " << pool.name << '/' << pool.vm_size << '/' << pool.mode << '/' << pool.count;
  return out;
}

// What the examples say, read by hand from the ARM resource.
Facts expected_facts(const json& cluster) {
  Facts facts;
  const json* properties = get(&cluster, "properties");
  facts.location = text_or(get(&cluster, "location"), "");
  facts.version = text_or(get(properties, "currentKubernetesVersion"),
                          text_or(get(properties, "kubernetesVersion"), ""));
  if (const json* pools = get(properties, "agentPoolProfiles")) {
    for (const json& pool : *pools) {
      Pool expected;
      expected.name = text_or(get(&pool, "name"), "");
      expected.vm_size = text_or(get(&pool, "vmSize"), "");
      std::string mode = lower(text_or(get(&pool, "mode"), pools->size() == 1 ? "system" : ""));
      expected.mode = mode == "system" || mode == "user" ? mode : "";
      if (const json* count = get(&pool, "count")) expected.count = count->get<long long>();
      facts.pools.push_back(expected);
    }
  }
  const json* network = get(properties, "networkProfile");
  facts.sku = lower(text_or(get(network, "loadBalancerSku"), ""));
  std::string outbound = text_or(get(network, "outboundType"), network ? "loadBalancer" : "");
  facts.outbound =
      outbound == "loadBalancer" || outbound == "userDefinedRouting" ? lower(outbound) : "";
  const json* access = get(properties, "apiServerAccessProfile");
  if (const json* is_private = get(access, "enablePrivateCluster"))
    facts.is_private = is_private->get<bool>();
  if (const json* ranges = get(access, "authorizedIPRanges")) {
    for (const json& range : *ranges)
      facts.ranges += range.get<std::string>() + " ";
  }
  return facts;
}

// What read_cluster_json extracts, in the same terms.
Facts read_facts(const json& cluster) {
  std::string error;
  std::optional<aksc::ClusterJson> read = aksc::read_cluster_json(cluster, {}, error);
  INFO(error);
  REQUIRE(read);
  INFO(read->problems.size() << " problems, the first: "
                             << (read->problems.empty() ? "" : read->problems[0]));
  CHECK(read->problems.empty());
  const aksc::ir::ClusterFacts& in = read->facts;
  Facts facts;
  facts.location = in.location.usable() ? in.location.value : "";
  facts.version = in.kubernetes_version.usable() ? in.kubernetes_version.value : "";
  for (const aksc::ir::NodePool& pool : in.node_pools.value) {
    Pool read_pool;
    read_pool.name = pool.name.usable() ? pool.name.value : "";
    read_pool.vm_size = pool.vm_size.usable() ? pool.vm_size.value : "";
    read_pool.mode = !pool.mode.usable()                        ? ""
                     : pool.mode.value == NodePoolMode::kSystem ? "system"
                                                                : "user";
    read_pool.count = pool.count.usable() ? pool.count.value : -1;
    facts.pools.push_back(read_pool);
  }
  facts.sku = !in.load_balancer_sku.usable()                             ? ""
              : in.load_balancer_sku.value == LoadBalancerSku::kStandard ? "standard"
                                                                         : "basic";
  facts.outbound = !in.outbound_type.usable() ? ""
                   : in.outbound_type.value == OutboundType::kUserDefinedRouting
                       ? "userdefinedrouting"
                       : "loadbalancer";
  facts.is_private = in.private_cluster.usable() && in.private_cluster.value;
  for (const auto& range : in.authorized_ip_ranges.value)
    facts.ranges += range.value + " ";
  return facts;
}

bool is_managed_cluster(const json& body) {
  const json* properties = get(&body, "properties");
  return get(properties, "kubernetesVersion") || get(properties, "agentPoolProfiles");
}

// The managed clusters of one example: its responses' bodies (a list response holds them under
// `value`) and the request body of a create.
std::vector<std::pair<std::string, json>> clusters_of(const json& example) {
  std::vector<std::pair<std::string, json>> clusters;
  auto add = [&](const std::string& where, const json& body) {
    if (is_managed_cluster(body)) clusters.emplace_back(where, body);
  };
  for (const auto& [code, response] : example.at("responses").items()) {
    const json* body = get(&response, "body");
    if (!body) continue;
    add("responses." + code + ".body", *body);
    if (const json* list = get(body, "value")) {
      for (std::size_t i = 0; i < list->size(); ++i)
        add("responses." + code + ".body.value[" + std::to_string(i) + "]", (*list)[i]);
    }
  }
  if (const json* request = get(get(&example, "parameters"), "parameters"))
    add("parameters.parameters", *request);
  return clusters;
}

}  // namespace

TEST_CASE("every managed cluster of the REST examples reads as an independent walker reads it",
          "[facts]") {
  fs::path folder =
      fs::path(AKSC_SOURCE_DIR) / ".." / "shared" / "data" / "aks-show" / "rest-examples";
  if (!fs::is_directory(folder)) {
    WARN("skipped: " << folder.string()
                     << " is absent (the shared data folder is not checked out)");
    return;
  }
  std::set<std::string> api_versions;
  std::size_t files = 0, clusters = 0, with_current_version = 0;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    if (entry.path().extension() != ".json") continue;
    ++files;
    api_versions.insert(entry.path().parent_path().filename().string());
    INFO(entry.path().string());
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    json example = json::parse(text.str());
    CHECK(aksc::parse_strict_json(text.str()) == example);
    for (const auto& [where, cluster] : clusters_of(example)) {
      INFO(where);
      ++clusters;
      if (get(get(&cluster, "properties"), "currentKubernetesVersion")) ++with_current_version;
      Facts expected = expected_facts(cluster);
      CHECK(read_facts(cluster) == expected);
      // az aks show prints the same cluster with `properties` at the top level.
      json flat = cluster;
      flat.erase("properties");
      for (const auto& [key, value] : cluster.at("properties").items())
        flat[key] = value;
      CHECK(read_facts(flat) == expected);
    }
  }
  CHECK(files == 25);
  CHECK(api_versions.size() == 12);
  CHECK(clusters >= 40);  // every example holds at least one; most a request and two responses
  CHECK(with_current_version > 0);
}
