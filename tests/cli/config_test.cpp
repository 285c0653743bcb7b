// aksc.yaml end to end: discovery, --config, severities, ignores, inline suppressions.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "../support/process.h"
#include "catalog/catalog.h"
#include "spec_text.h"

using aksc::test::create_spec;
using aksc::test::kV1NoteOff;
using aksc::test::run_aksc;
using aksc::test::TempDir;

namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

nlohmann::json lint_json(const TempDir& dir, std::vector<std::string> args) {
  args.insert(args.begin(), {"lint", "--format", "json"});
  return nlohmann::json::parse(run_aksc(args, dir.path()).out);
}

}  // namespace

TEST_CASE("the nearest aksc.yaml above a spec governs it, where its top lets it relax") {
  TempDir dir;
  dir.write("aksc.yaml",
            "rules:\n  AKS102: warning\n  AKS816: off\nnested:\n  may_relax: [rules]\n");
  dir.write("team/aksc.yaml", "rules:\n  AKS102: 'off'\n");
  dir.write("team/spec.yaml", create_spec("x"));
  dir.write("other/spec.yaml", create_spec("y"));
  auto json = lint_json(dir, {"."});
  REQUIRE(json["findings"].size() == 1);
  CHECK(json["findings"][0]["file"] == "other/spec.yaml");
  CHECK(json["findings"][0]["severity"] == "warning");
  CHECK(run_aksc({"lint", "."}, dir.path()).exit_code == 0);  // a warning does not fail
}

TEST_CASE("specs named one by one find their folder's aksc.yaml, however the path is written") {
  // aksc looks up the config once per folder as written: every spelling must still find the
  // nearest one, and a subfolder its own.
  TempDir dir;
  dir.write("aksc.yaml",
            "rules:\n  AKS102: warning\n  AKS816: off\nnested:\n  may_relax: [rules]\n");
  dir.write("team/aksc.yaml", "rules:\n  AKS102: 'off'\n");
  dir.write("team/a.yaml", create_spec("a"));
  dir.write("team/b.yaml", create_spec("b"));
  dir.write("team/sub/c.yaml", create_spec("c"));
  dir.write("top.yaml", create_spec("t"));
  auto json = lint_json(dir, {"team/a.yaml", "./team/b.yaml", "team/sub/../sub/c.yaml", "top.yaml",
                              "team/sub/c.yaml"});
  std::vector<std::string> files;
  for (const auto& finding : json["findings"]) {
    CHECK(finding["rule"] == "AKS102");
    CHECK(finding["severity"] == "warning");
    files.push_back(finding["file"]);
  }
  CHECK(files == std::vector<std::string>{"top.yaml"});
}

TEST_CASE("a config given with --config applies one config to every spec") {
  TempDir dir;
  dir.write("team/aksc.yaml", "rules:\n  AKS102: 'off'\n");
  dir.write("team/spec.yaml", create_spec("x"));
  dir.write("strict.yaml", "rules:\n  AKS102: note\n  AKS816: off\n");
  auto json = lint_json(dir, {"--config", "strict.yaml", "team"});
  REQUIRE(json["findings"].size() == 1);
  CHECK(json["findings"][0]["severity"] == "note");
}

TEST_CASE("ignore entries suppress by glob and rule, and need a reason") {
  TempDir dir;
  dir.write("aksc.yaml",
            "rules:\n"
            "  AKS816: off\n"
            "ignore:\n"
            "  - paths: [\"legacy/**/*.yaml\"]\n"
            "    rules: [AKS102]\n"
            "    reason: renamed during the migration\n"
            "  - paths: [\"new/*.yaml\"]\n"
            "    rules: [AKS102]\n");
  dir.write("legacy/deep/spec.yaml", create_spec("x"));
  dir.write("new/spec.yaml", create_spec("y"));
  auto json = lint_json(dir, {"."});
  REQUIRE(json["findings"].size() == 2);
  CHECK(json["findings"][0]["rule"] == "AKS005");
  CHECK(json["findings"][0]["file"] == "aksc.yaml");
  CHECK(json["findings"][0]["line"] == 7);
  CHECK(json["findings"][1]["file"] == "new/spec.yaml");
  CHECK(json["summary"]["suppressed"] == 1);
}

TEST_CASE("inline suppressions on the line or the line above, and for the file") {
  TempDir dir;
  std::string same_line = create_spec("x  # aksc-ignore AKS102: kept for the demo");
  std::string above = create_spec("y");
  above.replace(above.find("name: y"), 0, "# aksc-ignore AKS102: kept for the demo\n");
  std::string whole_file =
      "# aksc-ignore-file AKS102, AKS104: generated names\n" + create_spec("1a");
  std::string no_reason = create_spec("z  # aksc-ignore AKS102");
  dir.write("same.yaml", same_line);
  dir.write("above.yaml", above);
  dir.write("file.yaml", whole_file);
  dir.write("noreason.yaml", no_reason);
  dir.write("aksc.yaml", kV1NoteOff);
  auto json = lint_json(dir, {"."});
  std::vector<std::string> seen;
  for (const auto& finding : json["findings"]) {
    seen.push_back(finding["file"].get<std::string>() + ":" + finding["rule"].get<std::string>());
  }
  CHECK(seen == std::vector<std::string>{"noreason.yaml:AKS102", "noreason.yaml:AKS005"});
  CHECK(json["summary"]["suppressed"] == 4);
}

TEST_CASE("a broken aksc.yaml gives located findings in the config file") {
  TempDir dir;
  dir.write("aksc.yaml", "rules:\n  AKS102: fatal\npolcy:\n  deny_public_ip: yes\n");
  dir.write("spec.yaml", create_spec());
  auto result = run_aksc({"lint", "spec.yaml"}, dir.path());
  CHECK(result.exit_code == 1);
  CHECK(contains(result.out,
                 "aksc.yaml:2:11: error: 'fatal' is not a valid value for "
                 "'rules.AKS102'"));
  CHECK(contains(result.out, "aksc.yaml:3:1: error: unknown key 'polcy' (did you mean 'policy'?)"));
}

TEST_CASE("a vm_sizes override adds to the shipped table, and messages and data say both") {
  TempDir dir;
  dir.write("aksc.yaml", std::string(kV1NoteOff) + "data:\n  vm_sizes: extra.csv\n");
  dir.write("extra.csv", "name,vcpus,gpus,gpu_type,fpga\nStandard_Z4_v9,4,0,,false\n");
  std::string spec = create_spec("vision-dev");
  dir.write("new.yaml", spec.replace(spec.find("Standard_D3_v2"), 14, "Standard_Z4_v9"));
  dir.write("typo.yaml",
            create_spec("vision-typo")
                .replace(create_spec("vision-typo").find("Standard_D3_v2"), 14, "Standard_Q9"));
  auto json = lint_json(dir, {"."});
  REQUIRE(json["findings"].size() == 1);  // the added size is known; the typo is not
  CHECK(json["findings"][0]["rule"] == "AKS204");
  std::string message = json["findings"][0]["message"];
  CHECK(contains(message, "in the vm-sizes table of " +
                              aksc::Catalog::embedded().snapshot("vm-sizes")->date +
                              " and extra.csv"));
  std::vector<std::string> origins;
  for (const auto& snapshot : json["data"]) {
    if (snapshot["table"] != "vm-sizes") continue;
    origins.push_back(snapshot["origin"]);
    CHECK(snapshot.value("extendsShipped", false) == (snapshot["origin"] == "extra.csv"));
  }
  CHECK(origins == std::vector<std::string>{"embedded", "extra.csv"});
}
