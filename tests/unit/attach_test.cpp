// Attach and TLS rules: the Kubernetes version helper and window (AKS501, against an AKS release
// calendar as of its snapshot date, or a fixed attach-policy window), resource IDs and names
// (AKS505), the facts each rule needs (AKS506), and the PEM checks behind AKS702.
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
  spec.cluster->range = {{13, 1}, {13, 8}};
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
      {"1.0", KubernetesVersion{1, 0}},
      {"01.30", std::nullopt},  // AKS writes no leading zeros
      {"1.030", std::nullopt},
      {"1.30.01", std::nullopt},
      {"latest", std::nullopt},
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

// A calendar in the shape of rules/data/aks-kubernetes-versions.csv, as of `date`.
aksc::Catalog calendar_as_of(const std::string& date) {
  aksc::Catalog catalog = aksc::Catalog::embedded();
  catalog.load_kubernetes_releases(
      "# snapshot_date: " + date +
      "\nversion,preview,ga,end_of_life,platform_support_until,lts_end\n"
      "1.32,2025-02-01,2025-04-01,2026-03-31,2026-06-01,2027-03-31\n"
      "1.33,2025-05-01,2025-06-01,2026-07-31,2026-10-01,2027-07-31\n"
      "1.34,2025-10-01,2025-11-01,2026-11-30,,2027-11-30\n"
      "1.35,2026-02-01,2026-03-01,2027-03-31,,2028-03-31\n"
      "1.37,2026-09-01,2026-10-01,2027-10-31,,2028-10-31\n"
      "1.36,2026-05-01,2026-06-01,2027-06-30,,2028-06-30\n");  // rows in any order
  catalog.set_snapshot({"aks-kubernetes-versions", "calendar.csv", date, "", "calendar.csv"});
  return catalog;
}

TEST_CASE("AKS501 judges by the release calendar on its snapshot date", "[attach][AKS501]") {
  aksc::Catalog catalog = calendar_as_of("2026-08-21");
  REQUIRE(catalog.attach_policy().max_kubernetes_version.empty());
  struct Case {
    const char* version;
    std::vector<const char*> said;  // empty: no finding
  };
  const std::vector<const char*> ok;
  const Case cases[] = {
      {"1.34", ok},
      {"1.35.0", ok},
      {"1.36.12", ok},  // any patch of a supported minor
      {"1.33.2",
       {"AKS support for 1.33 ended on 2026-07-31", "platform support (N-3)",
        "long-term support lasts until 2027-07-31"}},
      {"1.32", {"AKS support for 1.32 ended on 2026-03-31", "long-term support lasts until"}},
      {"1.37.0", {"1.37 is not on AKS yet on 2026-08-21 (preview from 2026-09-01"}},
      {"1.38", {"1.38 is newer than any AKS version in the calendar (newest 1.37)"}},
      {"2.0", {"2.0 is newer than any AKS version"}},
      {"1.9.11", {"1.9 is older than any AKS version in the calendar"}},
  };
  for (const Case& c : cases) {
    INFO(c.version);
    aksc::ir::Spec attach = attach_spec();
    attach.cluster->facts.kubernetes_version = written(c.version, 18, 25);
    auto findings = run(aksc::rules::check_attach_kubernetes_version, attach, catalog);
    REQUIRE(findings.size() == (c.said.empty() ? 0u : 1u));
    aksc::ir::Spec provision = attach_spec();
    provision.mode.value = aksc::ir::Mode::kProvisionAndAttach;
    provision.kubernetes_version = written(c.version);
    auto provisioned = run(aksc::rules::check_attach_kubernetes_version, provision, catalog);
    REQUIRE(provisioned.size() == findings.size());
    aksc::ir::Spec create = provision;
    create.mode.value = aksc::ir::Mode::kCreate;
    CHECK(run(aksc::rules::check_attach_kubernetes_version, create, catalog).empty());
    if (c.said.empty()) continue;
    CHECK(findings[0].location.range.begin == aksc::SourcePosition{18, 25});
    CHECK_FALSE(findings[0].keep_severity);  // an error, the rule's severity
    CHECK_THAT(findings[0].message,
               Catch::Contains("supported AKS versions: 1.34, 1.35 or 1.36") &&
                   Catch::Contains("(kubernetes_versions override 'calendar.csv' of 2026-08-21)"));
    for (const char* text : c.said) {
      CHECK_THAT(findings[0].message, Catch::Contains(text));
      CHECK_THAT(provisioned[0].message, Catch::Contains(text));
    }
    CHECK_THAT(provisioned[0].help, Catch::Contains("leave it out for AKS's default version"));
  }
  // 1.32's platform support ended with 1.36's GA: the message does not offer it.
  aksc::ir::Spec spec = attach_spec();
  spec.cluster->facts.kubernetes_version = written("1.32.7");
  CHECK_THAT(run(aksc::rules::check_attach_kubernetes_version, spec, catalog)[0].message,
             !Catch::Contains("platform support"));
}

TEST_CASE("AKS501's window moves with the snapshot date, not the clock", "[attach][AKS501]") {
  auto verdict = [](const std::string& date, const char* version) {
    aksc::Catalog catalog = calendar_as_of(date);
    aksc::ir::Spec spec = attach_spec();
    spec.cluster->facts.kubernetes_version = written(version);
    auto findings = run(aksc::rules::check_attach_kubernetes_version, spec, catalog);
    if (findings.empty()) return std::string("clean");
    return std::string(findings[0].severity == aksc::Severity::kWarning ? "warning" : "error");
  };
  CHECK(verdict("2026-11-30", "1.34.1") == "clean");  // its end-of-life day is still supported
  CHECK(verdict("2026-12-01", "1.34.1") == "error");
  CHECK(verdict("2026-03-01", "1.35") == "clean");    // GA day
  CHECK(verdict("2026-02-28", "1.35") == "warning");  // preview
  CHECK(verdict("2026-01-31", "1.35") == "error");    // not yet on AKS
  CHECK(verdict("2026-09-15", "1.37.0") == "warning");
  CHECK(verdict("2026-10-01", "1.37.0") == "clean");

  aksc::Catalog preview = calendar_as_of("2026-09-15");
  aksc::ir::Spec spec = attach_spec();
  spec.cluster->facts.kubernetes_version = written("1.37.0");
  auto findings = run(aksc::rules::check_attach_kubernetes_version, spec, preview);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].keep_severity);  // settle keeps the warning unless aksc.yaml sets AKS501's
  CHECK_THAT(findings[0].message,
             Catch::Contains("1.37 is an AKS preview version on 2026-09-15 (GA 2026-10-01)"));
}

TEST_CASE("AKS501 on the shipped calendar: its supported minors attach clean", "[attach][AKS501]") {
  const aksc::Catalog& catalog = aksc::Catalog::embedded();
  REQUIRE(catalog.attach_policy().max_kubernetes_version.empty());
  const aksc::DataSnapshot* snapshot = catalog.snapshot("aks-kubernetes-versions");
  REQUIRE(snapshot != nullptr);
  CHECK(catalog.kubernetes_as_of() == snapshot->date);
  std::string_view as_of = catalog.kubernetes_as_of();
  int supported = 0;
  for (const aksc::KubernetesRelease& release : catalog.kubernetes_releases()) {
    INFO(release.version);
    bool in_window = release.ga <= as_of && as_of <= release.end_of_life;
    bool preview = release.preview <= as_of && as_of < release.ga;
    supported += in_window ? 1 : 0;
    aksc::ir::Spec spec = attach_spec();
    spec.cluster->facts.kubernetes_version = written(std::string(release.version) + ".0");
    auto findings = run(aksc::rules::check_attach_kubernetes_version, spec, catalog);
    CHECK(findings.size() == (in_window ? 0u : 1u));
    if (!findings.empty()) {
      CHECK(findings[0].keep_severity == preview);
      CHECK_THAT(findings[0].message,
                 Catch::Contains("(AKS release calendar of " + std::string(as_of) + ")"));
    }
  }
  CHECK(supported == 3);  // "AKS supports three GA minor versions of Kubernetes"
}

TEST_CASE("AKS501 under the seed-2020 profile keeps the seed's verdicts", "[attach][AKS501]") {
  aksc::Catalog catalog = aksc::Catalog::embedded();
  REQUIRE(catalog.load_attach_policy_profile("seed-2020"));
  // rules/data/attach-policy-seed-2020.yaml: "it is version 1.17 or lower" (2020 article).
  REQUIRE(catalog.attach_policy().max_kubernetes_version == "1.17");
  struct Case {
    const char* version;
    bool reported;
  };
  const Case cases[] = {{"1.16.13", false}, {"1.17", false},  {"1.17.0", false}, {"1.17.16", false},
                        {"1.9.11", false},  {"1.18.0", true}, {"1.18", true},    {"1.35.0", true}};
  for (const Case& c : cases) {
    INFO(c.version);
    aksc::ir::Spec attach = attach_spec();
    attach.cluster->facts.kubernetes_version = written(c.version, 18, 25);
    auto findings = run(aksc::rules::check_attach_kubernetes_version, attach, catalog);
    CHECK(findings.size() == (c.reported ? 1u : 0u));
    if (c.reported) {
      CHECK(findings[0].location.range.begin == aksc::SourcePosition{18, 25});
      CHECK_THAT(findings[0].message, Catch::Contains("Kubernetes 1.17 or lower") &&
                                          Catch::Contains("(attach_policy profile seed-2020)"));
    }
    aksc::ir::Spec provision = attach_spec();
    provision.mode.value = aksc::ir::Mode::kProvisionAndAttach;
    provision.kubernetes_version = written(c.version);
    CHECK(run(aksc::rules::check_attach_kubernetes_version, provision, catalog).size() ==
          (c.reported ? 1u : 0u));
  }
}

TEST_CASE("AKS501 follows an attach_policy override and skips unusable versions",
          "[attach][AKS501]") {
  aksc::Catalog catalog = aksc::Catalog::embedded();
  catalog.load_attach_policy(
      "max_kubernetes_version: \"1.30\"\nproduction_min_vcpus: 12\ndev_test_min_vcpus: 2\n"
      "aks_node_min_vcpus: 2\n");
  aksc::ir::Spec spec = attach_spec();
  spec.cluster->facts.kubernetes_version = written("1.30.3");
  CHECK(run(aksc::rules::check_attach_kubernetes_version, spec, catalog).empty());
  spec.cluster->facts.kubernetes_version = written("1.31.0");
  CHECK(run(aksc::rules::check_attach_kubernetes_version, spec, catalog).size() == 1);
  spec.cluster->facts.kubernetes_version.origin = Origin::kInvalid;  // the schema's finding
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
    spec.cluster->resource_id = written(c.id, 15, 16);
    auto findings = run(aksc::rules::check_bad_resource_id, spec);
    REQUIRE(findings.size() == c.at.size());
    for (std::size_t i = 0; i < c.at.size(); ++i) {
      std::size_t offset = c.id.find(c.at[i]);
      CHECK(findings[i].location.range.begin.column == 16 + static_cast<int>(offset));
    }
    // Quoted, the same findings are one column further right.
    spec.cluster->resource_id = written(c.id, 15, 16, 1);
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
    spec.cluster->resource_id = written(id, 15, 16);
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
    spec.cluster->resource_group = written(c.group, 15);
    spec.cluster->name = written(c.name, 16);
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

  aksc::ir::ClusterFacts& facts = spec.cluster->facts;
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
  spec.ssl->cert_file = written("cert.pem");
  spec.ssl->key_file = written("  ");  // blank: AKS701's business, not looked at
  aksc::FindingSink sink;
  aksc::check_ssl_files(spec, dir, {fs::canonical(dir), {}}, sink);
  CHECK(sink.findings().empty());
  CHECK(spec.ssl->cert_file_check == PemFile::kUsable);
  CHECK(spec.ssl->key_file_check == PemFile::kUnchecked);
  fs::remove_all(dir);
}
