// aksc migrate end to end: the text rewrite keeps what it does not change byte for byte (comments,
// flow style, other documents, CRLF line breaks, UTF-8), refuses what YAML refuses (tabs), writes
// atomically and all or nothing, and its options and exit codes (docs/migrate.md).
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "../support/process.h"
#include "fault_shim.h"
#include "integration_support.h"

namespace fs = std::filesystem;
using aksc::test::contains;
using aksc::test::read_text;
using aksc::test::run_aksc;
using aksc::test::TempDir;
using aksc::test::tree;

namespace {

constexpr const char* kWorkspace =
    "workspace: {name: ml-ws, resource_group: ml-rg, subscription_id: "
    "0b1f6471-1bf0-4dda-aec3-cb9272f09590, location: eastus}\n";

constexpr const char* kFacts =
    "  resource_id: /subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/ml-rg/"
    "providers/Microsoft.ContainerService/managedClusters/aks1\n"
    "  facts: {location: eastus, kubernetes_version: \"1.35\", load_balancer_sku: standard, "
    "private_cluster: false, authorized_ip_ranges: [], outbound_type: load-balancer, "
    "identity_type: system-assigned, local_accounts_disabled: false, node_pools: [{name: sys, "
    "mode: system, vm_size: Standard_D4s_v3, count: 2}]}\n";

std::string dev_create(const std::string& name) {
  return "apiVersion: aksc/v1\nkind: AksCompute\nname: " + name + "\nmode: create\n" + kWorkspace +
         "purpose: dev-test\nagent_count: 1\nvm_size: Standard_D3_v2\n";
}

std::string crlf(std::string text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

}  // namespace

TEST_CASE("migrate: comments and layout of kept fields stay, flow mappings are edited in place") {
  TempDir dir;
  dir.write("spec.yaml",
            std::string("# A create spec written in flow style where it can be.\n"
                        "apiVersion: aksc/v1\n"
                        "kind: AksCompute   # the legacy kind\n"
                        "name: flow-aks\n"
                        "mode: create       # Azure ML creates it\n") +
                kWorkspace +
                "purpose: dev-test\n"
                "tags: {team: vision}\n"
                "\n"
                "agent_count: 3     # three nodes\n"
                "vm_size: Standard_D3_v2\n"
                "load_balancer: {sku: basic, type: internal, subnet: lb-subnet}\n"
                "network: {vnet_resource_group: ml-rg, vnet_name: vnet1, subnet_name: aks-subnet, "
                "service_cidr: 10.0.0.0/16, dns_service_ip: 10.0.0.10, docker_bridge_cidr: "
                "172.17.0.1/16}\n"
                "ssl: {status: disabled}   # HTTP for the trials\n"
                "# the end\n");
  auto result = run_aksc({"migrate", "--in-place", "spec.yaml"}, dir.path());
  INFO(result.out << result.err);
  CHECK(result.exit_code == 0);
  CHECK(read_text(dir.path() / "spec.yaml") ==
        std::string("# A create spec written in flow style where it can be.\n"
                    "apiVersion: aksc/v1\n"
                    "kind: KubernetesCompute   # the legacy kind\n"
                    "name: flow-aks\n"
                    "mode: provision-and-attach       # Azure ML creates it\n") +
            kWorkspace +
            "purpose: dev-test\n"
            "tags: {team: vision}\n"
            "\n"
            "agent_count: 3     # three nodes\n"
            "vm_size: Standard_D3_v2\n"
            "load_balancer: {sku: basic}\n"
            "network: {vnet_resource_group: ml-rg, vnet_name: vnet1, subnet_name: aks-subnet, "
            "service_cidr: 10.0.0.0/16, dns_service_ip: 10.0.0.10, docker_bridge_cidr: "
            "172.17.0.1/16}\n"
            "extension:\n"
            "  inference:\n"
            "    enabled: true\n"
            "    router_service_type: load-balancer\n"
            "    internal_load_balancer: true\n"
            "    router_ha: false\n"
            "    allow_insecure_connections: true   # HTTP for the trials\n"
            "# the end\n");
  // Both places of a note: the old line and the new one.
  CHECK(contains(result.out, "spec.yaml:12:35: note: load_balancer.type internal becomes"));
  CHECK(contains(result.out, "spec.yaml:18:29: note: in the migrated spec"));
  CHECK(contains(result.out, "[MIG104]"));
  auto lint = run_aksc({"lint", "spec.yaml"}, dir.path());
  CHECK(lint.exit_code == 0);
  CHECK(contains(lint.out, "0 errors, 0 warnings, 0 notes"));
}

TEST_CASE("migrate: a multi-document file stays one file, other documents pass byte for byte") {
  TempDir dir;
  std::string v2 = std::string(
                       "# already v2\napiVersion: aksc/v1\nkind: KubernetesCompute\n"
                       "name: already-v2\nmode: attach\n") +
                   kWorkspace +
                   "purpose: dev-test\n"
                   "extension: {inference: {enabled: true, router_service_type: load-balancer, "
                   "router_ha: false, allow_insecure_connections: true}}\n"
                   "cluster:\n" +
                   kFacts;
  std::string other = "# not a spec: left alone\nkind: ConfigMap\ndata: {a: \"1\"}   # é\n";
  std::string v1 = "# Grüße — ✓\n" + dev_create("utf8-aks") + "description: \"Müller's — ✓\"\n";
  dir.write("multi.yaml", v2 + "---\n" + other + "---\n" + v1);
  auto result = run_aksc({"migrate", "-o", "out", "multi.yaml"}, dir.path());
  INFO(result.out << result.err);
  CHECK(result.exit_code == 0);
  std::string migrated = read_text(dir.path() / "out" / "multi.yaml");
  CHECK(migrated.starts_with(v2 + "---\n" + other + "---\n# Grüße — ✓\n"));
  CHECK(contains(migrated, "description: \"Müller's — ✓\"\n"));
  CHECK(
      contains(migrated, "kind: KubernetesCompute\nname: utf8-aks\nmode: provision-and-attach\n"));
  CHECK(read_text(dir.path() / "multi.yaml") == v2 + "---\n" + other + "---\n" + v1);
  // Columns count code points: line 31 of the output is the v1 document's router_ha.
  CHECK(contains(result.out, "out/multi.yaml:31:16: note: in the migrated spec"));
}

TEST_CASE("migrate: CRLF line breaks stay CRLF, in kept lines and in the new ones") {
  TempDir dir;
  dir.write("crlf.yaml",
            crlf(std::string("apiVersion: aksc/v1\nkind: AksCompute\nname: crlf-aks\n"
                             "mode: attach\n") +
                 kWorkspace + "purpose: dev-test\ncluster:\n" + kFacts + "reattach: false\n"));
  auto result = run_aksc({"migrate", "--in-place", "crlf.yaml"}, dir.path());
  INFO(result.out << result.err);
  CHECK(result.exit_code == 0);
  std::string text = read_text(dir.path() / "crlf.yaml");
  CHECK(contains(text, "kind: KubernetesCompute\r\n"));
  CHECK(contains(text, "extension:\r\n  inference:\r\n    enabled: true\r\n"));
  CHECK(!contains(text, "reattach"));
  for (std::size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at + 1)) {
    INFO("a bare line feed at byte " << at);
    REQUIRE((at > 0 && text[at - 1] == '\r'));
  }
}

TEST_CASE("migrate: a spec indented with tabs is refused as YAML refuses it, and left alone") {
  TempDir dir;
  std::string text = dev_create("tab-aks") + "network:\n\tvnet_name: vnet1\n";
  dir.write("tabs.yaml", text);
  auto result = run_aksc({"migrate", "--in-place", "tabs.yaml"}, dir.path());
  CHECK(result.exit_code == 1);
  CHECK(contains(result.out,
                 "tabs.yaml:10:11: error: cannot migrate tabs.yaml: its YAML does not "
                 "load"));
  CHECK(contains(result.out, "nothing was written"));
  CHECK(read_text(dir.path() / "tabs.yaml") == text);
}

TEST_CASE("migrate: nothing is written when one spec cannot be migrated, unless --partial") {
  TempDir dir;
  std::string good = dev_create("good-aks");
  std::string bad = dev_create("9-bad-name");
  dir.write("a/good.yaml", good);
  dir.write("b/bad.yaml", bad);
  auto result = run_aksc({"migrate", "-o", "out", "."}, dir.path());
  CHECK(result.exit_code == 1);
  CHECK(contains(result.out, "b/bad.yaml:3:7: error: cannot migrate spec '9-bad-name': it has"));
  CHECK(!fs::exists(dir.path() / "out"));
  result = run_aksc({"migrate", "--in-place", "."}, dir.path());
  CHECK(result.exit_code == 1);
  CHECK(read_text(dir.path() / "a" / "good.yaml") == good);
  CHECK(read_text(dir.path() / "b" / "bad.yaml") == bad);

  result = run_aksc({"migrate", "--in-place", "--partial", "."}, dir.path());
  CHECK(result.exit_code == 1);  // still: one spec is not migrated
  CHECK(contains(read_text(dir.path() / "a" / "good.yaml"), "kind: KubernetesCompute"));
  CHECK(read_text(dir.path() / "b" / "bad.yaml") == bad);
}

TEST_CASE("migrate --in-place: the file is replaced whole, by a rename, with nothing left beside") {
  TempDir dir;
  fs::path spec = dir.write("specs/dev.yaml", dev_create("dev-aks"));
  fs::path v2 = dir.write("specs/v2.yaml", "# no AksCompute here\n");
  struct stat before {};
  REQUIRE(stat(spec.c_str(), &before) == 0);
  struct stat untouched_before {};
  REQUIRE(stat(v2.c_str(), &untouched_before) == 0);
  auto result = run_aksc({"migrate", "--in-place", "specs"}, dir.path());
  INFO(result.out << result.err);
  CHECK(result.exit_code == 0);
  struct stat after {};
  REQUIRE(stat(spec.c_str(), &after) == 0);
  CHECK(after.st_ino != before.st_ino);  // a new file renamed over the old one
  struct stat untouched_after {};
  REQUIRE(stat(v2.c_str(), &untouched_after) == 0);
  CHECK(untouched_after.st_ino == untouched_before.st_ino);
  CHECK(tree(dir.path() / "specs").size() == 2);  // no temporary file left
  // Again: nothing to migrate, nothing written.
  result = run_aksc({"migrate", "--in-place", "specs"}, dir.path());
  CHECK(result.exit_code == 0);
  CHECK(contains(result.out, "migrated 0 specs in 0 files"));
}

TEST_CASE("migrate -o DIR mirrors relative paths and never writes through a symlink below DIR") {
  TempDir dir;
  dir.write("team/dev.yaml", dev_create("dev-aks"));
  auto result = run_aksc({"migrate", "-o", "out", "team"}, dir.path());
  CHECK(result.exit_code == 0);
  CHECK(fs::exists(dir.path() / "out" / "team" / "dev.yaml"));

  TempDir elsewhere;
  fs::remove_all(dir.path() / "out");
  fs::create_directories(dir.path() / "out");
  fs::create_directory_symlink(elsewhere.path(), dir.path() / "out" / "team");
  result = run_aksc({"migrate", "-o", "out", "team"}, dir.path());
  CHECK(result.exit_code == 2);
  CHECK(contains(result.err, "is a symbolic link below the output folder"));
  CHECK(tree(elsewhere.path()).empty());
}

TEST_CASE("migrate --check: exit 1 while an AksCompute spec remains, 0 once none does") {
  TempDir dir;
  dir.write("dev.yaml", dev_create("dev-aks"));
  auto result = run_aksc({"migrate", "--check", "."}, dir.path());
  CHECK(result.exit_code == 1);
  CHECK(contains(result.out, "dev.yaml:2:7: error: spec 'dev-aks' is still kind AksCompute"));
  CHECK(contains(result.out, "1 AksCompute spec remains (1 file read)"));
  CHECK(read_text(dir.path() / "dev.yaml") == dev_create("dev-aks"));
  REQUIRE(run_aksc({"migrate", "--in-place", "."}, dir.path()).exit_code == 0);
  result = run_aksc({"migrate", "--check", "--format", "json", "."}, dir.path());
  CHECK(result.exit_code == 0);
  CHECK(nlohmann::json::parse(result.out)["remaining"].empty());
}

TEST_CASE("migrate: usage errors exit 2") {
  TempDir dir;
  dir.write("dev.yaml", dev_create("dev-aks"));
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"migrate", "."},
        {"migrate", "--in-place", "-o", "out", "."},
        {"migrate", "--check", "--in-place", "."},
        {"migrate", "--in-place", "--format", "sarif", "."}}) {
    auto result = run_aksc(args, dir.path());
    CHECK(result.exit_code == 2);
  }
  // -o DIR mirrors paths below the current folder only.
  fs::create_directories(dir.path() / "work");
  auto outside = run_aksc({"migrate", "-o", "out", "../dev.yaml"}, dir.path() / "work");
  CHECK(outside.exit_code == 2);
  CHECK(contains(outside.err, "../dev.yaml cannot be mirrored below out"));
  CHECK(!fs::exists(dir.path() / "work" / "out"));
}

TEST_CASE("migrate --in-place on a full disk: an error naming the file, exit 2, no file lost") {
  const std::string at = GENERATE("write", "fsync", "close");
  INFO("ENOSPC at " << at);
  TempDir dir;
  dir.write("specs/a.yaml", dev_create("alpha-aks"));
  dir.write("specs/b.yaml", dev_create("bravo-aks"));
  const auto before = tree(dir.path() / "specs");
  std::string log = (dir.path() / "shim.log").string();
  auto full = aksc::test::run_aksc_with_faults(
      {"migrate", "--in-place", "specs"}, dir.path(),
      {"AKSC_FAULT_FULL_DIR=" + (dir.path() / "specs").string(), "AKSC_FAULT_FULL_AT=" + at,
       "AKSC_FAULT_FREE_BYTES=100", "AKSC_FAULT_LOG=" + log});
  INFO(full.out << full.err);
  CHECK(full.exit_code == 2);
  CHECK(contains(full.err, "aksc: error: cannot write specs/a.yaml: No space left on device\n"));
  CHECK(tree(dir.path() / "specs") == before);  // whole, and no temporary file beside
  CHECK(contains(read_text(log), "ENOSPC " + at + " " + dir.path().string()));
  CHECK(run_aksc({"migrate", "--in-place", "specs"}, dir.path()).exit_code == 0);
  CHECK(tree(dir.path() / "specs") != before);
}

TEST_CASE("migrate: a byte order mark stays, a top level in flow style is refused by name") {
  TempDir dir;
  std::string bom = "\xEF\xBB\xBF";
  dir.write("bom.yaml", bom + dev_create("bom-aks"));
  std::string flow =
      "{apiVersion: aksc/v1, kind: AksCompute, name: flow-top, mode: create, workspace: {name: "
      "ml-ws, resource_group: ml-rg, subscription_id: 0b1f6471-1bf0-4dda-aec3-cb9272f09590, "
      "location: eastus}, purpose: dev-test, agent_count: 1}\n";
  dir.write("top.yaml", flow);
  auto result = run_aksc({"migrate", "--in-place", "--partial", "."}, dir.path());
  CHECK(result.exit_code == 1);
  CHECK(contains(result.out,
                 "top.yaml:1:1: error: cannot migrate spec 'flow-top': the spec is "
                 "one flow mapping ({...}); aksc migrate edits block mappings"));
  CHECK(read_text(dir.path() / "top.yaml") == flow);
  std::string migrated = read_text(dir.path() / "bom.yaml");
  CHECK(migrated.starts_with(bom + "apiVersion: aksc/v1\nkind: KubernetesCompute\n"));
  CHECK(run_aksc({"lint", "bom.yaml"}, dir.path()).exit_code == 0);
}

TEST_CASE("migrate --partial: in one file, the spec that migrates does, the other stays") {
  TempDir dir;
  std::string bad = dev_create("9-bad");
  dir.write("mixed.yaml", dev_create("one-good") + "---\n" + bad);
  auto result = run_aksc({"migrate", "--in-place", "--partial", "mixed.yaml"}, dir.path());
  CHECK(result.exit_code == 1);
  std::string text = read_text(dir.path() / "mixed.yaml");
  CHECK(contains(text, "name: one-good\nmode: provision-and-attach\n"));
  CHECK(text.ends_with("---\n" + bad));
}
