// Attach and TLS rules: the Kubernetes version helper and window (AKS501, against the shipped
// attach-policy table), resource IDs and names (AKS505), the facts each rule needs (AKS506),
// and the PEM checks behind AKS702.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "diag/finding_sink.h"
#include "frontend/config.h"
#include "frontend/ssl_files.h"
#include "ir/kubernetes_version.h"
#include "rules/attach_rules.h"

namespace fs = std::filesystem;
using aksc::Finding;
using aksc::FindingSink;
using aksc::ir::Field;
using aksc::ir::KubernetesVersion;
using aksc::ir::Origin;

namespace {

Field<std::string> written(std::string value, int line = 5, int column = 16, int quotes = 0) {
  int width = static_cast<int>(value.size()) + 2 * quotes;
  return {std::move(value), {{line, column}, {line, column + width}}, Origin::kWritten};
}

aksc::ir::Spec attach_spec() {
  aksc::ir::Spec spec;
  spec.file = "spec.yaml";
  spec.range = {{1, 1}, {1, 2}};
  spec.mode = {aksc::ir::Mode::kAttach, {{4, 7}, {4, 13}}, Origin::kWritten};
  spec.purpose = {aksc::ir::Purpose::kProduction, {{10, 10}, {10, 20}}, Origin::kWritten};
  spec.workspace.location = written("westus2");
  spec.cluster.range = {{13, 1}, {13, 8}};
  return spec;
}

using Check = void (*)(const aksc::ir::Spec&, const aksc::RuleContext&, aksc::RuleReporter&);

std::vector<Finding> run(Check check, const aksc::ir::Spec& spec,
                         const aksc::Catalog& catalog = aksc::Catalog::embedded()) {
  aksc::Config config;
  aksc::RuleContext context{catalog, config};
  FindingSink sink;
  aksc::RuleReporter out("AKS5xx", spec, sink);
  check(spec, context, out);
  return sink.take();
}

}  // namespace

TEST_CASE("parse_kubernetes_version reads two or three numbers", "[attach][version]") {
  struct Case {
    const char* text;
    std::optional<KubernetesVersion> parsed;
  };
  const Case cases[] = {
      {"1.17", KubernetesVersion{1, 17}},
      {"1.17.9", KubernetesVersion{1, 17, 9}},
      {"1.9.11", KubernetesVersion{1, 9, 11}},
      {"01.017.0", KubernetesVersion{1, 17, 0}},
      {"", std::nullopt},
      {"1", std::nullopt},
      {"1.", std::nullopt},
      {".17", std::nullopt},
      {"1..17", std::nullopt},
      {"v1.17.9", std::nullopt},
      {"1.17.9.1", std::nullopt},
      {"1.17.x", std::nullopt},
      {"1.17.9-preview", std::nullopt},
      {" 1.17", std::nullopt},
      {"1.+17", std::nullopt},
      {"18446744073709551616.1", std::nullopt},  // 2^64
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(aksc::ir::parse_kubernetes_version(c.text) == c.parsed);
  }
}

TEST_CASE("Kubernetes versions compare by numbers, not text", "[attach][version]") {
  auto v = [](const char* text) { return *aksc::ir::parse_kubernetes_version(text); };
  CHECK(aksc::ir::compare_kubernetes_versions(v("1.9.11"), v("1.17")) < 0);
  CHECK(aksc::ir::compare_kubernetes_versions(v("1.17"), v("1.17.0")) == 0);
  CHECK(aksc::ir::compare_kubernetes_versions(v("1.17.9"), v("1.17")) > 0);
  CHECK(aksc::ir::compare_kubernetes_versions(v("1.17.10"), v("1.17.9")) > 0);
  CHECK(aksc::ir::compare_kubernetes_versions(v("2.0"), v("1.99.99")) > 0);
}

TEST_CASE("the attach window is read to the depth it is written", "[attach][version]") {
  struct Case {
    const char* version;
    const char* window;
    bool inside;
  };
  const Case cases[] = {
      {"1.17.0", "1.17", true},  {"1.17.9", "1.17", true},   {"1.17.16", "1.17", true},
      {"1.17", "1.17", true},    {"1.16.13", "1.17", true},  {"1.9.11", "1.17", true},
      {"1.18.0", "1.17", false}, {"1.18", "1.17", false},    {"1.170.0", "1.17", false},
      {"2.0", "1.17", false},    {"1.17.9", "1.17.9", true}, {"1.17.10", "1.17.9", false},
      {"1.17", "1.17.9", true},  {"1.30.3", "1.30", true},   {"1.31.0", "1.30", false},
  };
  for (const Case& c : cases) {
    INFO(c.version << " within " << c.window);
    CHECK(aksc::ir::kubernetes_version_at_most(*aksc::ir::parse_kubernetes_version(c.version),
                                               *aksc::ir::parse_kubernetes_version(c.window)) ==
          c.inside);
  }
}

TEST_CASE("AKS501 verdicts against the shipped attach-policy table", "[attach][AKS501]") {
  const aksc::Catalog& catalog = aksc::Catalog::embedded();
  // rules/data/attach-policy.yaml: "it is version 1.17 or lower" (2020 article).
  REQUIRE(catalog.attach_policy().max_kubernetes_version == "1.17");
  struct Case {
    const char* version;
    bool reported;
  };
  const Case cases[] = {{"1.16.13", false}, {"1.17", false},  {"1.17.0", false}, {"1.17.16", false},
                        {"1.9.11", false},  {"1.18.0", true}, {"1.18", true},    {"1.29.4", true}};
  for (const Case& c : cases) {
    INFO(c.version);
    aksc::ir::Spec attach = attach_spec();
    attach.cluster.facts.kubernetes_version = written(c.version, 18, 25);
    auto findings = run(aksc::rules::check_attach_kubernetes_version, attach);
    CHECK(findings.size() == (c.reported ? 1u : 0u));
    if (c.reported) {
      CHECK(findings[0].location.range.begin == aksc::SourcePosition{18, 25});
      CHECK(findings[0].message.find("Kubernetes 1.17 or lower") != std::string::npos);
      CHECK(findings[0].message.find("attach-policy table of ") != std::string::npos);
    }
    aksc::ir::Spec provision = attach_spec();
    provision.mode.value = aksc::ir::Mode::kProvisionAndAttach;
    provision.kubernetes_version = written(c.version);
    CHECK(run(aksc::rules::check_attach_kubernetes_version, provision).size() ==
          (c.reported ? 1u : 0u));
    aksc::ir::Spec create = provision;
    create.mode.value = aksc::ir::Mode::kCreate;
    CHECK(run(aksc::rules::check_attach_kubernetes_version, create).empty());
  }
}

TEST_CASE("AKS501 follows an attach_policy override and skips unusable versions",
          "[attach][AKS501]") {
  aksc::Catalog catalog = aksc::Catalog::embedded();
  catalog.load_attach_policy(
      "max_kubernetes_version: \"1.30\"\nproduction_min_vcpus: 12\ndev_test_min_vcpus: 2\n"
      "aks_node_min_vcpus: 2\n");
  aksc::ir::Spec spec = attach_spec();
  spec.cluster.facts.kubernetes_version = written("1.30.3");
  CHECK(run(aksc::rules::check_attach_kubernetes_version, spec, catalog).empty());
  spec.cluster.facts.kubernetes_version = written("1.31.0");
  CHECK(run(aksc::rules::check_attach_kubernetes_version, spec, catalog).size() == 1);
  spec.cluster.facts.kubernetes_version.origin = Origin::kInvalid;  // the schema's finding
  CHECK(run(aksc::rules::check_attach_kubernetes_version, spec, catalog).empty());
}

TEST_CASE("AKS505 points at the bad segment of a resource ID", "[attach][AKS505]") {
  const std::string good =
      "/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/nlp-rg/providers/"
      "Microsoft.ContainerService/managedClusters/nlp-aks-01";
  struct Case {
    std::string id;
    std::vector<std::string> at;  // the text each finding starts at, in order
  };
  auto replace = [&](const std::string& from, const std::string& to) {
    std::string id = good;
    id.replace(id.find(from), from.size(), to);
    return id;
  };
  const Case cases[] = {
      {good, {}},
      {replace("resourceGroups", "resourcegroups"), {}},
      {replace("Microsoft.ContainerService/managedClusters",
               "MICROSOFT.CONTAINERSERVICE/ManagedClusters"),
       {}},
      {replace("subscriptions", "subscription"), {"subscription/"}},
      {replace("0b1f6471-1bf0-4dda-aec3-cb9272f09590", "0b1f6471-1bf0-4dda-aec3-cb9272f0959g"),
       {"0b1f6471"}},
      {replace("nlp-rg", "nlp-rg."), {"."}},
      {replace("nlp-rg", "nlp rg"), {" rg"}},
      {replace("Microsoft.ContainerService", "Microsoft.ContainerServices"),
       {"Microsoft.ContainerServices"}},
      {replace("managedClusters", "managedCluster"), {"managedCluster/"}},
      {replace("nlp-aks-01", "nlp-aks-01_"), {"_"}},
      {replace("nlp-aks-01", "nlp.aks"), {".aks"}},
      {good + "/agentPools/gpu", {"/agentPools"}},
  };
  for (const Case& c : cases) {
    INFO(c.id);
    aksc::ir::Spec spec = attach_spec();
    spec.cluster.resource_id = written(c.id, 15, 16);
    auto findings = run(aksc::rules::check_bad_resource_id, spec);
    REQUIRE(findings.size() == c.at.size());
    for (std::size_t i = 0; i < c.at.size(); ++i) {
      std::size_t offset = c.id.find(c.at[i]);
      CHECK(findings[i].location.range.begin.column == 16 + static_cast<int>(offset));
    }
    // Quoted, the same findings are one column further right.
    spec.cluster.resource_id = written(c.id, 15, 16, 1);
    auto quoted = run(aksc::rules::check_bad_resource_id, spec);
    REQUIRE(quoted.size() == findings.size());
    for (std::size_t i = 0; i < quoted.size(); ++i) {
      CHECK(quoted[i].location.range.begin.column == findings[i].location.range.begin.column + 1);
    }
  }
}

TEST_CASE("AKS505 whole-ID problems point at the whole value", "[attach][AKS505]") {
  for (const char* id :
       {"", "nlp-aks-01",
        "/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/nlp-rg",
        "/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/nlp-rg/providers/"
        "Microsoft.MachineLearningServices/workspaces/nlp-ws/computes/nlp-aks"}) {
    INFO(id);
    aksc::ir::Spec spec = attach_spec();
    spec.cluster.resource_id = written(id, 15, 16);
    auto findings = run(aksc::rules::check_bad_resource_id, spec);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].location.range.begin.column == 16);
  }
}

TEST_CASE("AKS505 checks names by the Azure naming rules", "[attach][AKS505]") {
  struct Case {
    std::string group;
    std::string name;
    std::size_t findings;
  };
  const Case cases[] = {
      {"nlp-rg", "nlp-aks-01", 0},
      {"r", "a", 0},                                    // 1 character each
      {std::string(90, 'r'), std::string(63, 'a'), 0},  // the longest
      {std::string(91, 'r'), std::string(64, 'a'), 2},
      {"Rg_(prod).1", "Aks_1-x", 0},
      {"rg-données", "nlp-aks", 0},  // letters beyond ASCII in a group name
      {"nlp-rg", "nlp-äks", 1},      // but not in a cluster name
      {"nlp-rg.", "nlp-aks", 1},
      {"nlp/rg", "-nlp-aks", 2},
      {"nlp-rg", "nlp-aks_", 1},
      {"", "", 2},
  };
  for (const Case& c : cases) {
    INFO(c.group << " / " << c.name);
    aksc::ir::Spec spec = attach_spec();
    spec.cluster.resource_group = written(c.group, 15);
    spec.cluster.name = written(c.name, 16);
    CHECK(run(aksc::rules::check_bad_resource_id, spec).size() == c.findings);
    aksc::ir::Spec provision = attach_spec();
    provision.mode.value = aksc::ir::Mode::kProvisionAndAttach;
    provision.cluster_resource_group = written(c.group, 15);
    provision.cluster_name = written(c.name, 16);
    CHECK(run(aksc::rules::check_bad_resource_id, provision).size() == c.findings);
    // Defaulted values are checked where they come from.
    provision.cluster_name.origin = Origin::kDefaulted;
    provision.cluster_resource_group.origin = Origin::kDefaulted;
    CHECK(run(aksc::rules::check_bad_resource_id, provision).empty());
  }
}

TEST_CASE("AKS506 lists the rules the missing facts stop", "[attach][AKS506]") {
  aksc::ir::Spec spec = attach_spec();
  auto findings = run(aksc::rules::check_attach_facts_missing, spec);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].message.find("AKS201, AKS303, AKS304, AKS313, AKS314, AKS401, AKS402, "
                                 "AKS501, AKS502") != std::string::npos);
  CHECK(findings[0].location.range.begin == aksc::SourcePosition{13, 1});

  spec.purpose.value = aksc::ir::Purpose::kDevTest;
  findings = run(aksc::rules::check_attach_facts_missing, spec);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].message.find("AKS202") != std::string::npos);
  CHECK(findings[0].message.find("AKS201") == std::string::npos);

  aksc::ir::ClusterFacts& facts = spec.cluster.facts;
  facts.range = {{15, 3}, {15, 8}};
  facts.location = written("westus2");
  facts.kubernetes_version = written("1.16.13");
  facts.authorized_ip_ranges = {{}, {}, Origin::kWritten};  // known empty: no LB/private needed
  aksc::ir::NodePool pool;
  pool.vm_size = written("Standard_D4s_v3");
  pool.count = {3, {}, Origin::kWritten};
  pool.mode = {aksc::ir::NodePoolMode::kSystem, {}, Origin::kWritten};
  facts.node_pools = {{pool}, {}, Origin::kWritten};
  CHECK(run(aksc::rules::check_attach_facts_missing, spec).empty());

  facts.node_pools.value.push_back(pool);
  facts.node_pools.value[1].mode = {};
  findings = run(aksc::rules::check_attach_facts_missing, spec);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].message.find("node_pools[].mode") != std::string::npos);
  CHECK(findings[0].message.find(": AKS402") != std::string::npos);
  CHECK(findings[0].location.range.begin == aksc::SourcePosition{15, 3});

  facts.node_pools.value.pop_back();
  facts.authorized_ip_ranges.value.push_back(written("20.42.0.0/24"));
  findings = run(aksc::rules::check_attach_facts_missing, spec);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].message.find("AKS303, AKS313") != std::string::npos);

  spec.mode.value = aksc::ir::Mode::kCreate;
  CHECK(run(aksc::rules::check_attach_facts_missing, spec).empty());
}

TEST_CASE("scan_pem finds certificate and private key blocks", "[ssl][AKS702]") {
  struct Case {
    const char* text;
    bool certificate;
    bool key;
  };
  const Case cases[] = {
      {"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", true, false},
      {"-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", false, true},
      {"-----BEGIN RSA PRIVATE KEY-----\nAAAA\n", false, true},
      {"-----BEGIN EC PRIVATE KEY-----\nAAAA\n", false, true},
      {"-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n", false, true},
      {"-----BEGIN PUBLIC KEY-----\nAAAA\n", false, false},
      {"-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n", false, false},
      {"junk\n-----BEGIN PRIVATE KEY-----\nA\n-----BEGIN CERTIFICATE-----\nB\n", true, true},
      {"-----BEGIN CERTIFICATE\n-----\n", false, false},
      {"", false, false},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    aksc::PemContents contents = aksc::scan_pem(c.text);
    CHECK(contents.certificate == c.certificate);
    CHECK(contents.private_key == c.key);
  }
}

TEST_CASE("check_pem_file tells missing, folder, not PEM, swapped and usable apart",
          "[ssl][AKS702]") {
  fs::path dir = fs::temp_directory_path() / ("aksc-attach-test-" + std::to_string(::getpid()));
  fs::create_directories(dir / "folder");
  auto write = [&](const char* name, const std::string& text) {
    std::ofstream(dir / name, std::ios::binary) << text;
    return dir / name;
  };
  fs::path cert =
      write("cert.pem", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
  fs::path key = write("key.pem", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
  fs::path der = write("cert.der", std::string("0\x82\x03\x1a", 4));
  fs::path empty = write("empty.pem", "");
  using aksc::check_pem_file;
  using aksc::ir::PemFile;
  CHECK(check_pem_file(cert, false) == PemFile::kUsable);
  CHECK(check_pem_file(key, true) == PemFile::kUsable);
  CHECK(check_pem_file(key, false) == PemFile::kSwapped);
  CHECK(check_pem_file(cert, true) == PemFile::kSwapped);
  CHECK(check_pem_file(der, false) == PemFile::kNotPem);
  CHECK(check_pem_file(empty, true) == PemFile::kNotPem);
  CHECK(check_pem_file(dir / "missing.pem", false) == PemFile::kMissing);
  CHECK(check_pem_file(dir / "folder", false) == PemFile::kNotAFile);

  aksc::ir::Spec spec;
  spec.ssl.cert_file = written("cert.pem");
  spec.ssl.key_file = written("  ");  // blank: AKS701's business, not looked at
  aksc::FindingSink sink;
  aksc::check_ssl_files(spec, dir, {fs::canonical(dir), {}}, sink);
  CHECK(sink.findings().empty());
  CHECK(spec.ssl.cert_file_check == PemFile::kUsable);
  CHECK(spec.ssl.key_file_check == PemFile::kUnchecked);
  fs::remove_all(dir);
}
