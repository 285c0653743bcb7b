// Cluster facts from files (frontend/cluster_facts): both shapes of a managed cluster (az aks
// show output and the ARM resource), read from the REST examples in ../shared/data/aks-show
// when present and from small hand-written JSON; inline facts winning field by field; AKS507.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "diag/finding_sink.h"
#include "frontend/cluster_facts.h"

namespace fs = std::filesystem;
using aksc::ClusterJson;
using aksc::ClusterJsonShape;
using aksc::SourceRange;
using aksc::ir::LoadBalancerSku;
using aksc::ir::NodePoolMode;
using aksc::ir::Origin;
using aksc::ir::OutboundType;
using nlohmann::json;

namespace {

const SourceRange kFrom{{14, 15}, {14, 39}};

ClusterJson read_ok(const json& cluster) {
  std::string error;
  std::optional<ClusterJson> result = aksc::read_cluster_json(cluster, kFrom, error);
  INFO(error);
  REQUIRE(result);
  CHECK(error.empty());
  return *result;
}

std::string read_error(const json& cluster) {
  std::string error;
  CHECK_FALSE(aksc::read_cluster_json(cluster, kFrom, error));
  return error;
}

// az aks show prints the ARM resource with `properties` flattened into the top level.
json flatten(const json& arm) {
  json az = arm;
  az.erase("properties");
  for (const auto& [key, value] : arm.at("properties").items())
    az[key] = value;
  return az;
}

fs::path shared_examples() {
  return fs::path(AKSC_SOURCE_DIR) / ".." / "shared" / "data" / "aks-show";
}

// Reads the 200 response's cluster of a REST example in both shapes, the ARM resource and az
// aks show's, and calls check(read, arm) for each.
template <typename Check>
void read_example_in_both_shapes(const fs::path& file, Check check) {
  INFO(file.string());
  std::ifstream in(file);
  REQUIRE(in);
  json cluster = json::parse(in).at("responses").at("200").at("body");
  for (bool arm : {true, false}) {
    INFO((arm ? "ARM resource" : "az aks show shape"));
    check(read_ok(arm ? cluster : flatten(cluster)), arm);
  }
}

}  // namespace

TEST_CASE("the REST examples of ../shared/data/aks-show read in both shapes", "[facts]") {
  fs::path folder = shared_examples();
  if (!fs::is_directory(folder)) {
    WARN("skipped: " << folder.string()
                     << " is absent (the shared data folder is not checked out)");
    return;
  }
  struct Expected {
    const char* file;
    const char* vm_size;
    Origin mode_origin;  // System written, or defaulted for a lone pool of an older API
    LoadBalancerSku sku;
    bool private_cluster;
  };
  const Expected examples[] = {
      {"ManagedClustersGet_2024-09-01.json", "Standard_DS1_v2", Origin::kDefaulted,
       LoadBalancerSku::kStandard, false},
      {"ManagedClustersGet_2020-03-01.json", "Standard_DS1_v2", Origin::kDefaulted,
       LoadBalancerSku::kStandard, false},
      {"ManagedClustersCreate_PrivateClusterFQDNSubdomain_2024-09-01.json", "Standard_DS2_v2",
       Origin::kWritten, LoadBalancerSku::kBasic, true},
  };
  for (const Expected& example : examples) {
    read_example_in_both_shapes(folder / example.file, [&](const ClusterJson& read, bool arm) {
      CHECK(read.shape == (arm ? ClusterJsonShape::kArmResource : ClusterJsonShape::kAzAksShow));
      CHECK(read.problems.empty());
      const aksc::ir::ClusterFacts& facts = read.facts;
      CHECK(facts.location.value == "location1");
      CHECK(facts.location.range == kFrom);
      CHECK(facts.kubernetes_version.value == "1.9.6");
      CHECK(facts.kubernetes_version.origin == Origin::kWritten);
      REQUIRE(facts.node_pools.value.size() == 1);
      const aksc::ir::NodePool& pool = facts.node_pools.value[0];
      CHECK(pool.name.value == "nodepool1");
      CHECK(pool.vm_size.value == example.vm_size);
      CHECK(pool.count.value == 3);
      CHECK(pool.mode.value == NodePoolMode::kSystem);
      CHECK(pool.mode.origin == example.mode_origin);
      CHECK(pool.vm_size.range == kFrom);
      CHECK(facts.load_balancer_sku.value == example.sku);
      CHECK(facts.outbound_type.value == OutboundType::kLoadBalancer);
      CHECK(facts.outbound_type.origin == Origin::kWritten);
      CHECK(facts.private_cluster.value == example.private_cluster);
      CHECK(facts.private_cluster.origin ==
            (example.private_cluster ? Origin::kWritten : Origin::kDefaulted));
      CHECK(facts.authorized_ip_ranges.value.empty());
      CHECK(facts.authorized_ip_ranges.origin == Origin::kDefaulted);
    });
    // The example file itself (parameters and responses) is not a cluster.
    std::ifstream again(folder / example.file);
    CHECK(read_error(json::parse(again)).find("responses.200.body") != std::string::npos);
  }
}

TEST_CASE("az aks show output with nulls and Azure's capitalized values", "[facts]") {
  ClusterJson read = read_ok(json::parse(R"({
    "aadProfile": null,
    "agentPoolProfiles": [
      {"name": "system", "mode": "System", "vmSize": "Standard_D4s_v3", "count": 3},
      {"name": "gpu", "mode": "User", "vmSize": "Standard_NC6s_v3", "count": 0},
      {"name": "gw", "mode": "Gateway", "vmSize": "Standard_D2s_v3", "count": 2}
    ],
    "apiServerAccessProfile": {"authorizedIpRanges": ["20.42.0.0/24", "203.0.113.0/24"],
                               "enablePrivateCluster": null},
    "kubernetesVersion": null,
    "currentKubernetesVersion": "1.16.13",
    "location": "westus2",
    "networkProfile": {"loadBalancerSku": "Standard", "outboundType": "userDefinedRouting"},
    "type": "Microsoft.ContainerService/ManagedClusters"
  })"));
  CHECK(read.shape == ClusterJsonShape::kAzAksShow);
  CHECK(read.problems.empty());
  const aksc::ir::ClusterFacts& facts = read.facts;
  CHECK(facts.kubernetes_version.value == "1.16.13");  // currentKubernetesVersion when null
  CHECK(facts.load_balancer_sku.value == LoadBalancerSku::kStandard);
  CHECK(facts.outbound_type.value == OutboundType::kUserDefinedRouting);
  REQUIRE(facts.node_pools.value.size() == 3);
  CHECK(facts.node_pools.value[1].mode.value == NodePoolMode::kUser);
  CHECK(facts.node_pools.value[1].count.value == 0);
  CHECK(facts.node_pools.value[2].mode.origin == Origin::kAbsent);  // Gateway: no rule uses it
  REQUIRE(facts.authorized_ip_ranges.value.size() == 2);
  CHECK(facts.authorized_ip_ranges.value[1].value == "203.0.113.0/24");
  CHECK(facts.authorized_ip_ranges.origin == Origin::kWritten);
  CHECK(facts.private_cluster.value == false);
  CHECK(facts.private_cluster.origin == Origin::kDefaulted);

  ClusterJson nat = read_ok(json::parse(
      R"({"kubernetesVersion": "1.29", "networkProfile": {"outboundType": "managedNATGateway"}})"));
  CHECK(nat.problems.empty());
  CHECK(nat.facts.outbound_type.origin == Origin::kAbsent);
  CHECK(nat.facts.load_balancer_sku.origin == Origin::kAbsent);  // AKS's default changed over time
  CHECK(nat.facts.node_pools.origin == Origin::kAbsent);
  CHECK(nat.facts.location.origin == Origin::kAbsent);
}

TEST_CASE("values of the wrong type are problems and left out", "[facts]") {
  ClusterJson read = read_ok(json::parse(R"({
    "kubernetesVersion": 1.16,
    "location": "westus2",
    "agentPoolProfiles": [{"name": "agentpool", "vmSize": "Standard_D4s_v3", "count": "3"}, 7],
    "networkProfile": {"loadBalancerSku": "premium"},
    "apiServerAccessProfile": {"authorizedIpRanges": "20.42.0.0/24", "enablePrivateCluster": "no"}
  })"));
  CHECK(read.problems == std::vector<std::string>{
                             "kubernetesVersion is a number, not a string",
                             "agentPoolProfiles[0].count is a string, not an integer",
                             "agentPoolProfiles[1] is an integer, not an object",
                             "networkProfile.loadBalancerSku 'premium' is not a value aksc knows",
                             "apiServerAccessProfile.authorizedIpRanges is a string, not an array",
                             "apiServerAccessProfile.enablePrivateCluster is a string, not true or "
                             "false"});
  CHECK(read.facts.kubernetes_version.origin == Origin::kInvalid);
  CHECK(read.facts.node_pools.value.at(0).count.origin == Origin::kInvalid);
  CHECK(read.facts.load_balancer_sku.origin == Origin::kInvalid);
  CHECK(read.facts.authorized_ip_ranges.origin == Origin::kInvalid);
  CHECK(read.facts.private_cluster.origin == Origin::kInvalid);
  CHECK(read.facts.location.value == "westus2");

  ClusterJson version = read_ok(json::parse(R"({"kubernetesVersion": "1.17.9-hotfix"})"));
  CHECK(version.problems ==
        std::vector<std::string>{
            "kubernetesVersion '1.17.9-hotfix' is not a version such as 1.17.9"});
}

TEST_CASE("JSON of neither shape says what it is", "[facts]") {
  CHECK(read_error(json::parse(R"([{"kubernetesVersion": "1.16.13"}])")).find("az aks list") !=
        std::string::npos);
  CHECK(read_error(json::parse(R"("westus2")")).find("a string") != std::string::npos);
  CHECK(read_error(json::parse(R"({"type": "Microsoft.MachineLearningServices/workspaces/computes",
                                   "properties": {"computeType": "AKS"}})"))
            .find("'Microsoft.MachineLearningServices/workspaces/computes' resource") !=
        std::string::npos);
  CHECK(read_error(json::parse(R"({"name": "nlp-aks", "properties": {"provisioningState": "x"}})"))
            .find("neither") != std::string::npos);
  // The resource type compares case-insensitively, as ARM's does.
  read_ok(json::parse(R"({"type": "microsoft.containerservice/managedclusters",
                          "properties": {"kubernetesVersion": "1.16.13"}})"));
}

TEST_CASE("inline facts win field by field", "[facts]") {
  aksc::ir::ClusterFacts file = read_ok(json::parse(R"({
    "location": "eastus", "kubernetesVersion": "1.19.0",
    "agentPoolProfiles": [{"name": "agentpool", "mode": "System", "vmSize": "Standard_D4s_v3",
                           "count": 3}],
    "networkProfile": {"loadBalancerSku": "standard"}
  })"))
                                    .facts;
  aksc::ir::ClusterFacts inline_facts;
  inline_facts.range = {{15, 3}, {15, 8}};
  inline_facts.location = {"westus2", {{16, 15}, {16, 22}}, Origin::kWritten};
  inline_facts.kubernetes_version = {"", {{17, 25}, {17, 29}}, Origin::kInvalid};
  aksc::ir::ClusterFacts merged = aksc::merge_cluster_facts(inline_facts, file);
  CHECK(merged.range == inline_facts.range);
  CHECK(merged.location.value == "westus2");
  CHECK(merged.location.range.begin.line == 16);
  CHECK(merged.kubernetes_version.origin == Origin::kInvalid);  // reported by the schema
  CHECK(merged.load_balancer_sku.value == LoadBalancerSku::kStandard);
  CHECK(merged.load_balancer_sku.range == kFrom);
  CHECK(merged.node_pools.value.size() == 1);
  CHECK(merged.private_cluster.origin == Origin::kDefaulted);
}

TEST_CASE("load_cluster_facts reports an unusable file at facts_from (AKS507)", "[facts]") {
  fs::path dir = fs::temp_directory_path() / ("aksc-facts-test-" + std::to_string(::getpid()));
  fs::create_directories(dir / "clusters");
  std::ofstream(dir / "clusters" / "bad.json")
      << "{\n  \"kubernetesVersion\": \"1.16.13\"\n  \"x\": 1\n}\n";
  std::ofstream(dir / "clusters" / "good.json")
      << R"({"kubernetesVersion": "1.16.13", "location": "westus2"})";
  auto load = [&](const std::string& from, aksc::ir::Spec& spec) {
    spec.file = "spec.yaml";
    spec.cluster->facts_from = {from, kFrom, Origin::kWritten};
    aksc::FindingSink sink;
    aksc::load_cluster_facts(spec, dir, {fs::canonical(dir), {}}, sink);
    return sink.take();
  };
  aksc::ir::Spec spec;
  auto findings = load("clusters/missing.json", spec);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].rule == "AKS507");
  CHECK(findings[0].location.range == kFrom);
  CHECK(findings[0].message ==
        "cluster facts file 'clusters/missing.json' cannot be used: cannot read: No such file or "
        "directory");

  findings = load("clusters/bad.json", spec);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].message ==
        "cluster facts file 'clusters/bad.json' cannot be used: it is not valid JSON: at line 3, "
        "column 3 of 'clusters/bad.json': expected ',' or '}' after an object member");

  // A message gives the line and column, never the file's text.
  std::ofstream(dir / "clusters" / "secret.json") << "{\"kubernetesVersion\": s3cr3t-token}";
  findings = load("clusters/secret.json", spec);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].message ==
        "cluster facts file 'clusters/secret.json' cannot be used: it is not valid JSON: at line "
        "1, column 23 of 'clusters/secret.json': expected a JSON value: an object, an array, a "
        "string, a number, true, false or null");

  findings = load("clusters", spec);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].message.find("is a folder") != std::string::npos);

  aksc::ir::Spec good;
  good.cluster->facts.kubernetes_version = {"1.15.0", {{17, 25}, {17, 31}}, Origin::kWritten};
  CHECK(load("clusters/good.json", good).empty());
  CHECK(good.cluster->facts.location.value == "westus2");
  CHECK(good.cluster->facts.location.range == kFrom);
  CHECK(good.cluster->facts.kubernetes_version.value == "1.15.0");  // inline wins
  fs::remove_all(dir);
}

TEST_CASE("property names match case-insensitively, as ARM reads them", "[facts]") {
  // ARM spells authorizedIPRanges; az prints authorizedIpRanges.
  ClusterJson read = read_ok(json::parse(R"({
    "type": "Microsoft.ContainerService/managedClusters", "Location": "westus2",
    "properties": {
      "KubernetesVersion": "1.16.13",
      "agentpoolprofiles": [{"Name": "a", "MODE": "System", "VMSize": "Standard_D4s_v3",
                             "Count": 3}],
      "NetworkProfile": {"LoadBalancerSKU": "basic", "OutboundType": "userDefinedRouting"},
      "apiServerAccessProfile": {"authorizedIPRanges": ["20.42.0.0/24"],
                                 "EnablePrivateCluster": true}
    }
  })"));
  CHECK(read.shape == ClusterJsonShape::kArmResource);
  CHECK(read.problems.empty());
  const aksc::ir::ClusterFacts& facts = read.facts;
  CHECK(facts.location.value == "westus2");
  CHECK(facts.kubernetes_version.value == "1.16.13");
  REQUIRE(facts.node_pools.value.size() == 1);
  CHECK(facts.node_pools.value[0].vm_size.value == "Standard_D4s_v3");
  CHECK(facts.node_pools.value[0].count.value == 3);
  CHECK(facts.node_pools.value[0].mode.origin == Origin::kWritten);
  CHECK(facts.load_balancer_sku.value == LoadBalancerSku::kBasic);
  CHECK(facts.outbound_type.value == OutboundType::kUserDefinedRouting);
  REQUIRE(facts.authorized_ip_ranges.value.size() == 1);
  CHECK(facts.authorized_ip_ranges.origin == Origin::kWritten);
  CHECK(facts.private_cluster.value == true);
  CHECK(facts.private_cluster.origin == Origin::kWritten);
}

TEST_CASE("currentKubernetesVersion, what runs, wins over kubernetesVersion, what was asked",
          "[facts]") {
  ClusterJson read = read_ok(
      json::parse(R"({"kubernetesVersion": "1.17", "currentKubernetesVersion": "1.18.4"})"));
  CHECK(read.facts.kubernetes_version.value == "1.18.4");
  CHECK(read.facts.kubernetes_version_field == "currentKubernetesVersion");
  ClusterJson alias_only = read_ok(json::parse(R"({"kubernetesVersion": "1.17"})"));
  CHECK(alias_only.facts.kubernetes_version.value == "1.17");
  CHECK(alias_only.facts.kubernetes_version_field == "kubernetesVersion");
  aksc::ir::ClusterFacts inline_facts;
  inline_facts.kubernetes_version = {"1.16.0", {{17, 25}, {17, 31}}, Origin::kWritten};
  inline_facts.kubernetes_version_field = "cluster.facts.kubernetes_version";
  CHECK(aksc::merge_cluster_facts(inline_facts, read.facts).kubernetes_version_field ==
        "cluster.facts.kubernetes_version");
  CHECK(aksc::merge_cluster_facts({}, read.facts).kubernetes_version_field ==
        "currentKubernetesVersion");
}

TEST_CASE("node counts outside AKS's 0 to 1000 are problems, never wrapped", "[facts]") {
  ClusterJson read = read_ok(json::parse(R"({"agentPoolProfiles": [
    {"name": "a", "vmSize": "Standard_DS2_v2", "count": -3},
    {"name": "b", "vmSize": "Standard_DS2_v2", "count": -9223372036854775808},
    {"name": "c", "vmSize": "Standard_DS2_v2", "count": 9223372036854775808},
    {"name": "d", "vmSize": "Standard_DS2_v2", "count": 1001},
    {"name": "e", "vmSize": "Standard_DS2_v2", "count": 1e30},
    {"name": "f", "vmSize": "Standard_DS2_v2", "count": 1000}]})"));
  CHECK(read.problems ==
        std::vector<std::string>{
            "agentPoolProfiles[0].count is too small; AKS (a node pool's count) allows 0 to 1000",
            "agentPoolProfiles[1].count is too small; AKS (a node pool's count) allows 0 to 1000",
            "agentPoolProfiles[2].count is too large; AKS (a node pool's count) allows 0 to 1000",
            "agentPoolProfiles[3].count is too large; AKS (a node pool's count) allows 0 to 1000",
            "agentPoolProfiles[4].count is a number, not an integer"});
  const auto& pools = read.facts.node_pools.value;
  REQUIRE(pools.size() == 6);
  for (std::size_t i = 0; i < 5; ++i)
    CHECK(pools[i].count.origin == Origin::kInvalid);
  CHECK(pools[5].count.value == 1000);
}

TEST_CASE("null profiles count as absent and are named", "[facts]") {
  ClusterJson network = read_ok(json::parse(
      R"({"kubernetesVersion": "1.16.13", "networkProfile": null, "agentPoolProfiles": null,
          "apiServerAccessProfile": null})"));
  CHECK(network.problems.empty());
  CHECK(network.facts.null_profiles ==
        std::vector<std::string>{"agentPoolProfiles", "networkProfile", "apiServerAccessProfile"});
  CHECK(network.facts.load_balancer_sku.origin == Origin::kAbsent);
  CHECK(network.facts.outbound_type.origin == Origin::kAbsent);
  CHECK(network.facts.node_pools.origin == Origin::kAbsent);
  // A cluster nobody set an access profile for has no ranges and is not private (az prints null).
  CHECK(network.facts.private_cluster.origin == Origin::kDefaulted);

  ClusterJson properties = read_ok(json::parse(
      R"({"type": "Microsoft.ContainerService/ManagedClusters", "location": "westus2",
          "properties": null})"));
  CHECK(properties.shape == ClusterJsonShape::kArmResource);
  CHECK(properties.facts.null_profiles == std::vector<std::string>{"properties"});
  CHECK(properties.facts.location.value == "westus2");
  CHECK(properties.facts.kubernetes_version.origin == Origin::kAbsent);
  CHECK(properties.facts.private_cluster.origin == Origin::kAbsent);
  CHECK(properties.facts.authorized_ip_ranges.origin == Origin::kAbsent);
}

TEST_CASE("a facts file repeating a key is unusable, and the message says where", "[facts]") {
  fs::path dir = fs::temp_directory_path() / ("aksc-facts-dup-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "dup.json") << "{\n  \"kubernetesVersion\": \"1.16.13\",\n"
                                     "  \"apiServerAccessProfile\": {\"enablePrivateCluster\": "
                                     "true,\n    \"enablePrivateCluster\": false}\n}\n";
  aksc::ir::Spec spec;
  spec.file = "spec.yaml";
  spec.cluster->facts_from = {"dup.json", kFrom, Origin::kWritten};
  aksc::FindingSink sink;
  aksc::load_cluster_facts(spec, dir, {fs::canonical(dir), {}}, sink);
  auto findings = sink.take();
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].rule == "AKS507");
  CHECK(findings[0].location.range == kFrom);
  CHECK(findings[0].message ==
        "cluster facts file 'dup.json' cannot be used: it is not valid JSON: at line 4, column 5 "
        "of 'dup.json': key 'enablePrivateCluster' is repeated: it is first at line 3, column 30; "
        "readers disagree on which value counts, so aksc uses neither");
  CHECK(spec.cluster->facts.private_cluster.origin == Origin::kAbsent);
  fs::remove_all(dir);
}

TEST_CASE("the cluster's identity and local accounts from the REST examples", "[facts][v2]") {
  fs::path folder = shared_examples();
  if (!fs::is_directory(folder)) {
    WARN("skipped: " << folder.string()
                     << " is absent (the shared data folder is not checked out)");
    return;
  }
  using aksc::ir::IdentityType;
  struct Expected {
    const char* file;
    IdentityType identity;  // clientId "clientid" alone: a service principal
  };
  const Expected examples[] = {
      {"ManagedClustersGet_2024-09-01.json", IdentityType::kServicePrincipal},
      {"ManagedClustersGet_2020-03-01.json", IdentityType::kServicePrincipal},
      {"rest-examples/2020-12-01/ManagedClustersCreate_Update.json", IdentityType::kUserAssigned},
      {"rest-examples/2024-09-01/ManagedClustersCreate_DualStackNetworking.json",
       IdentityType::kUserAssigned},
  };
  for (const Expected& example : examples) {
    read_example_in_both_shapes(folder / example.file, [&](const ClusterJson& read, bool) {
      CHECK(read.problems.empty());
      CHECK(read.facts.identity_type.value == example.identity);
      CHECK(read.facts.identity_type.origin == Origin::kWritten);
      CHECK(read.facts.identity_type.range == kFrom);
      // None of Azure's examples sets disableLocalAccounts: local accounts are on.
      CHECK(read.facts.local_accounts_disabled.value == false);
      CHECK(read.facts.local_accounts_disabled.origin == Origin::kDefaulted);
    });
  }
}

TEST_CASE("identity: a managed identity wins, msi is no service principal", "[facts][v2]") {
  using aksc::ir::IdentityType;
  auto identity_of = [](const char* text) { return read_ok(json::parse(text)).facts; };
  const char* versions = R"("kubernetesVersion": "1.35.0")";
  auto cluster = [&](const std::string& rest) { return "{" + std::string(versions) + rest + "}"; };

  auto system = identity_of(cluster(R"(, "identity": {"type": "SystemAssigned"},
      "servicePrincipalProfile": {"clientId": "msi"}, "disableLocalAccounts": true)")
                                .c_str());
  CHECK(system.identity_type.value == IdentityType::kSystemAssigned);
  CHECK(system.local_accounts_disabled.value == true);
  CHECK(system.local_accounts_disabled.origin == Origin::kWritten);

  auto msi_only =
      identity_of(cluster(R"(, "servicePrincipalProfile": {"clientId": "msi"})").c_str());
  CHECK(msi_only.identity_type.origin == Origin::kAbsent);

  auto none = identity_of(cluster(R"(, "identity": {"type": "None"},
      "servicePrincipalProfile": {"clientId": "5a1c0f2e-0000-4000-8000-000000000001"})")
                              .c_str());
  CHECK(none.identity_type.value == IdentityType::kServicePrincipal);

  auto neither = identity_of(cluster("").c_str());
  CHECK(neither.identity_type.origin == Origin::kAbsent);

  ClusterJson wrong = read_ok(json::parse(cluster(R"(, "identity": {"type": "Federated"},
      "disableLocalAccounts": "yes")")));
  CHECK(wrong.facts.identity_type.origin == Origin::kInvalid);
  CHECK(wrong.facts.local_accounts_disabled.origin == Origin::kInvalid);
  REQUIRE(wrong.problems.size() == 2);
  CHECK(wrong.problems[0] == "identity.type 'Federated' is not a value aksc knows");
  CHECK(wrong.problems[1] == "disableLocalAccounts is a string, not true or false");
}

TEST_CASE("inline identity facts win over the file's", "[facts][v2]") {
  ClusterJson file = read_ok(json::parse(R"({"kubernetesVersion": "1.35.0",
      "servicePrincipalProfile": {"clientId": "app-id"}, "disableLocalAccounts": true})"));
  aksc::ir::ClusterFacts inline_facts;
  inline_facts.identity_type = {aksc::ir::IdentityType::kSystemAssigned, kFrom, Origin::kWritten};
  aksc::ir::ClusterFacts merged = aksc::merge_cluster_facts(inline_facts, file.facts);
  CHECK(merged.identity_type.value == aksc::ir::IdentityType::kSystemAssigned);
  CHECK(merged.local_accounts_disabled.value == true);  // from the file
}
