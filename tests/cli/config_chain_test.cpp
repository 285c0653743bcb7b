// A nested aksc.yaml inherits the one above it and may only add to and tighten it (SPEC §2,
// AKS009): a pull request cannot switch the project's policy off by adding a file. Each case
// fails on aksc 0.1.0, where the nearest aksc.yaml replaced the others.
#include <filesystem>

#include <catch2/catch.hpp>

#include "../support/process.h"
#include "integration_support.h"
#include "spec_text.h"

using aksc::test::contains;
using aksc::test::create_spec;
using aksc::test::run_aksc;
using aksc::test::TempDir;

namespace {

// A project whose top aksc.yaml denies public IPs and lists an inventory, and whose team/ folder
// holds `team_config` as its own aksc.yaml.
void write_project(const TempDir& dir, const std::string& team_config) {
  dir.write("aksc.yaml",
            "policy:\n  deny_public_ip: true\ninventory: inventory.json\n"
            "rules:\n  AKS203: off\n");
  dir.write("inventory.json",
            R"([{"workspace": "other-ws", "name": "taken-name", "location": "eastus"}])");
  dir.write("specs/a.yaml", create_spec("shared-name"));
  dir.write("team/aksc.yaml", team_config);
  dir.write("team/b.yaml", create_spec("shared-name"));
  dir.write("team/c.yaml", create_spec("taken-name"));
}

}  // namespace

TEST_CASE(
    "config chain: an empty nested aksc.yaml keeps the project's policy, inventory and "
    "names") {
  TempDir dir;
  write_project(dir, "");
  auto result = run_aksc({"lint", "team"}, dir.path());
  // The public-IP policy of the top aksc.yaml still applies under team/.
  CHECK(contains(result.out, "team/b.yaml:4:7: error:"));
  CHECK(contains(result.out, "policy.deny_public_ip in aksc.yaml"));
  // The cross-folder name check still compares team/ with specs/.
  CHECK(contains(result.out, "[AKS105]"));
  // The top's inventory is still read.
  CHECK(contains(result.out, "[AKS106]"));
  CHECK(result.exit_code == 1);
}

TEST_CASE("config chain: a nested aksc.yaml cannot turn a rule off or the policy off") {
  TempDir dir;
  write_project(dir,
                "rules:\n  AKS302: off\n  AKS105: warning\npolicy:\n  deny_public_ip: false\n");
  auto result = run_aksc({"lint", "team"}, dir.path());
  CHECK(contains(result.out,
                 "team/aksc.yaml:2:3: error: AKS302: off would lower the rule below error (its "
                 "default), so it is left out [AKS009]"));
  CHECK(contains(result.out,
                 "team/aksc.yaml:3:3: error: AKS105: warning would lower the rule below error "
                 "(its default), so it is left out [AKS009]"));
  CHECK(contains(result.out,
                 "team/aksc.yaml:5:19: error: policy.deny_public_ip cannot be turned off here: "
                 "aksc.yaml sets it to true, so it is left on [AKS009]"));
  CHECK(contains(result.out, "[AKS302]"));
  CHECK(contains(result.out, "error: compute name 'shared-name'"));
  CHECK(result.exit_code == 1);
}

TEST_CASE("config chain: the top aksc.yaml may let nested files relax rules") {
  TempDir dir;
  write_project(dir, "rules:\n  AKS302: off\n");
  dir.write("aksc.yaml",
            "policy:\n  deny_public_ip: true\ninventory: inventory.json\n"
            "rules:\n  AKS203: off\nnested:\n  may_relax: [rules]\n");
  auto result = run_aksc({"lint", "team"}, dir.path());
  CHECK_FALSE(contains(result.out, "[AKS009]"));
  CHECK_FALSE(contains(result.out, "[AKS302]"));
}

TEST_CASE("config chain: --verbose names the files that made each config, --config pins one") {
  TempDir dir;
  write_project(dir, "rules:\n  AKS202: error\n");
  auto verbose = run_aksc({"lint", "--verbose", "team"}, dir.path());
  CHECK(contains(verbose.err,
                 "aksc: team/aksc.yaml: the config of the specs it governs is aksc.yaml + "
                 "team/aksc.yaml (top first)"));
  // --config reads that one file only: the nested one is not read, so its finding is gone.
  dir.write("ci.yaml", "rules:\n  AKS203: off\n");
  dir.write("team/aksc.yaml", "rules:\n  AKS302: off\n");
  auto pinned = run_aksc({"lint", "--config", "ci.yaml", "team"}, dir.path());
  CHECK_FALSE(contains(pinned.out, "[AKS009]"));
  CHECK_FALSE(contains(pinned.out, "policy.deny_public_ip"));  // the pinned file has no policy
  CHECK(contains(pinned.out, "[AKS105]"));
}

TEST_CASE("config chain: AKS001, AKS002 and AKS003 cannot be turned off or suppressed") {
  TempDir dir;
  dir.write("aksc.yaml", "rules: {AKS001: off, AKS002: off, AKS003: warning}\n");
  dir.write("broken.yaml", "apiVersion: aksc/v1\nkind: AksCompute\nname: [unclosed\n");
  std::string lots = create_spec();
  lots.replace(lots.find("agent_count: 3"), 14, "agent_count: \"lots\"");
  dir.write("lots.yaml", lots);
  auto result = run_aksc({"lint", "broken.yaml", "lots.yaml"}, dir.path());
  CHECK(contains(result.out,
                 "aksc.yaml:1:17: warning: AKS001 cannot be turned off or lowered: a file aksc "
                 "cannot read, or a path it refuses, must never pass [AKS005]"));
  CHECK(contains(result.out, "[AKS001]"));
  CHECK(contains(result.out, "lots.yaml:11:14: error:"));
  CHECK(result.exit_code == 1);
  // Nor suppressed, by aksc.yaml or by a comment.
  dir.write("aksc.yaml",
            "ignore:\n  - paths: [\"*.yaml\"]\n    rules: [AKS001]\n    reason: \"legacy\"\n");
  auto ignored = run_aksc({"lint", "broken.yaml"}, dir.path());
  CHECK(contains(ignored.out, "AKS001 findings cannot be suppressed"));
  CHECK(ignored.exit_code == 1);
  dir.write("aksc.yaml", "");
  dir.write("broken.yaml",
            "# aksc-ignore-file AKS001: legacy\napiVersion: aksc/v1\nkind: AksCompute\n"
            "name: [unclosed\n");
  auto commented = run_aksc({"lint", "broken.yaml"}, dir.path());
  CHECK(contains(commented.out,
                 "broken.yaml:1:1: warning: AKS001 findings cannot be suppressed, so this "
                 "suppression suppresses nothing [AKS005]"));
  CHECK(contains(commented.out, "error: YAML syntax error"));
  CHECK_FALSE(contains(commented.out, "suppressed)"));
  CHECK(commented.exit_code == 1);
}
