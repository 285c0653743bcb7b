// Project rules end to end: a project folder (aksc.yaml, inventory.json, several specs) linted
// whole, then one file at a time as a pre-commit hook does, sibling projects kept apart, and
// where the project of files without aksc.yaml ends.
#include <filesystem>
#include <iterator>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "../support/process.h"
#include "integration_support.h"
#include "spec_text.h"

using aksc::test::create_spec;
using aksc::test::run_aksc;
using aksc::test::TempDir;

namespace {

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

// create_spec() in another workspace (same region).
std::string in_workspace(const std::string& name, const std::string& workspace) {
  return replaced(create_spec(name), "  name: ml-ws\n", "  name: " + workspace + "\n");
}

constexpr const char* kCluster =
    "/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourcegroups/nlp-rg/providers/"
    "Microsoft.ContainerService/managedClusters/nlp-aks-01";

std::string attach_spec(const std::string& name) {
  return "apiVersion: aksc/v1\n"
         "kind: AksCompute\n"
         "name: " +
         name +
         "\n"
         "mode: attach\n"
         "workspace:\n"
         "  name: nlp-ws\n"
         "  resource_group: nlp-rg\n"
         "  subscription_id: 0b1f6471-1bf0-4dda-aec3-cb9272f09590\n"
         "  location: westus2\n"
         "purpose: dev-test\n"
         "cluster:\n"
         "  resource_id: " +
         kCluster +
         "\n"
         "  facts:\n"
         "    location: westus2\n"
         "    kubernetes_version: \"1.35.0\"\n"
         "    load_balancer_sku: standard\n"
         "    private_cluster: false\n"
         "    outbound_type: load-balancer\n"
         "    authorized_ip_ranges: []\n"
         "    node_pools:\n"
         "      - {name: agentpool, mode: system, vm_size: Standard_D4s_v3, count: 3}\n";
}

constexpr const char* kInventory = R"([
  {
    "workspace": "nlp-ws",
    "name": "nlp-legacy",
    "location": "westus2",
    "resource_id": "/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/NLP-RG/providers/Microsoft.ContainerService/managedClusters/nlp-aks-01"
  },
  {
    "workspace": "vision-ws",
    "name": "vision-prod",
    "location": "eastus",
    "vm_size": "Standard_D3_v2",
    "agent_count": 3
  }
]
)";

// A project: two specs of one name in ml-ws, a third in other-ws (same region), an attachment
// of a cluster the inventory has under another name, and an existing compute resized and
// scaled.
void write_project(const TempDir& dir) {
  dir.write("project/aksc.yaml", "inventory: inventory.json\n");
  dir.write("project/inventory.json", kInventory);
  dir.write("project/team/a.yaml", create_spec("scoring-aks"));
  dir.write("project/team/b.yaml", create_spec("scoring-aks"));
  dir.write("project/team/c.yaml", in_workspace("scoring-aks", "other-ws"));
  dir.write("project/nlp/attach.yaml", attach_spec("nlp-aks"));
  std::string prod = in_workspace("vision-prod", "vision-ws");
  prod = replaced(prod, "agent_count: 3", "agent_count: 5");
  prod = replaced(prod, "vm_size: Standard_D3_v2", "vm_size: Standard_D4s_v3");
  dir.write("project/vision/prod.yaml", prod);
}

// The JSON of a run without AKS816's notes, which stand on every AksCompute spec and are not what
// these tests are about (rules/AKS816-v1-legacy.md); summary.notes no longer counts them.
nlohmann::json without_v1_note(nlohmann::json json) {
  nlohmann::json others = nlohmann::json::array();
  for (auto& finding : json["findings"]) {
    if (finding["rule"] == "AKS816") {
      json["summary"]["notes"] = json["summary"]["notes"].get<int>() - 1;
    } else {
      others.push_back(std::move(finding));
    }
  }
  json["findings"] = std::move(others);
  return json;
}

nlohmann::json lint_json(const std::filesystem::path& cwd, std::vector<std::string> args) {
  args.insert(args.begin(), {"lint", "--format", "json"});
  auto result = run_aksc(args, cwd);
  INFO(result.err);
  return without_v1_note(nlohmann::json::parse(result.out));
}

nlohmann::json lint_json(const TempDir& dir, std::vector<std::string> args) {
  return lint_json(dir.path(), std::move(args));
}

// The first folder below / on the way to `path`.
std::string top_folder(const std::filesystem::path& path) {
  auto canonical = std::filesystem::canonical(path);
  return std::next(canonical.begin())->string();
}

std::string place(const nlohmann::json& at) {
  return at["file"].get<std::string>() + ":" + std::to_string(at["line"].get<int>()) + ":" +
         std::to_string(at["column"].get<int>());
}

// "RULE file:line:col -> related file:line:col, ..." for each finding.
std::vector<std::string> summary(const nlohmann::json& json) {
  std::vector<std::string> lines;
  for (const auto& f : json["findings"]) {
    std::string line = f["rule"].get<std::string>() + " " + place(f);
    if (f.contains("related")) {
      line += " ->";
      for (const auto& r : f["related"]) {
        line += " " + place(r);
        REQUIRE_FALSE(r["message"].get<std::string>().empty());
      }
    }
    lines.push_back(line);
  }
  return lines;
}

}  // namespace

TEST_CASE("linting a project folder reports every clash with its related places") {
  TempDir dir;
  write_project(dir);
  auto json = lint_json(dir, {"project"});
  std::vector<std::string> expected = {
      "AKS504 project/nlp/attach.yaml:12:16 -> project/inventory.json:6:20",
      "AKS105 project/team/b.yaml:3:7 -> project/team/a.yaml:3:7",
      "AKS106 project/team/c.yaml:3:7 -> project/team/a.yaml:3:7",
      "AKS602 project/vision/prod.yaml:11:14 -> project/inventory.json:13:20",
      "AKS601 project/vision/prod.yaml:12:10 -> project/inventory.json:12:16",
  };
  CHECK(summary(json) == expected);
  CHECK(json["summary"]["errors"] == 4);
  CHECK(json["summary"]["notes"] == 1);
  for (const auto& f : json["findings"]) {
    if (f["rule"] == "AKS105") {
      CHECK(f["message"].get<std::string>().find("already used in workspace 'ml-ws'") !=
            std::string::npos);
      CHECK(f["related"][0]["message"] == "first used here");
    }
  }

  // The text format prints the related places as notes.
  auto text = run_aksc({"lint", "project"}, dir.path());
  CHECK(text.exit_code == 1);
  CHECK(text.out.find("project/team/a.yaml:3:7: note: first used here") != std::string::npos);
}

TEST_CASE("a run naming one file still compares it with the project's other specs") {
  TempDir dir;
  write_project(dir);
  SECTION("the named file is the first of its clashes: reported there") {
    auto json = lint_json(dir, {"project/team/a.yaml"});
    std::vector<std::string> expected = {
        "AKS105 project/team/a.yaml:3:7 -> project/team/b.yaml:3:7",
        "AKS106 project/team/a.yaml:3:7 -> project/team/c.yaml:3:7",
    };
    CHECK(summary(json) == expected);
    CHECK(json["summary"]["files"] == 1);
  }
  SECTION("a clash between two files the run does not name is not reported") {
    // b clashes with a (AKS105); c with a (AKS106) is not b's business.
    auto json = lint_json(dir, {"project/team/b.yaml"});
    std::vector<std::string> expected = {
        "AKS105 project/team/b.yaml:3:7 -> project/team/a.yaml:3:7",
    };
    CHECK(summary(json) == expected);
  }
  SECTION("several named files, as a pre-commit hook passes them") {
    auto json = lint_json(dir, {"project/vision/prod.yaml", "project/team/c.yaml"});
    std::vector<std::string> expected = {
        "AKS106 project/team/c.yaml:3:7 -> project/team/a.yaml:3:7",
        "AKS602 project/vision/prod.yaml:11:14 -> project/inventory.json:13:20",
        "AKS601 project/vision/prod.yaml:12:10 -> project/inventory.json:12:16",
    };
    CHECK(summary(json) == expected);
  }
}

TEST_CASE("specs in sibling projects never clash") {
  TempDir dir;
  dir.write("repo/vision/aksc.yaml", "rules:\n  AKS202: warning\n");
  dir.write("repo/vision/scoring.yaml", create_spec("scoring-aks"));
  dir.write("repo/nlp/aksc.yaml", "rules:\n  AKS202: warning\n");
  dir.write("repo/nlp/scoring.yaml", create_spec("scoring-aks"));
  dir.write("repo/nlp/other.yaml", in_workspace("scoring-aks", "other-ws"));
  SECTION("the whole repository") {
    auto json = lint_json(dir, {"repo"});
    // Only the nlp project's own clash (other.yaml against scoring.yaml, AKS106).
    std::vector<std::string> expected = {
        "AKS106 repo/nlp/scoring.yaml:3:7 -> repo/nlp/other.yaml:3:7",
    };
    CHECK(summary(json) == expected);
  }
  SECTION("one file of one project") {
    auto json = lint_json(dir, {"repo/vision/scoring.yaml"});
    CHECK(json["findings"].empty());
  }
  SECTION("without aksc.yaml the project is the common folder of the named files") {
    TempDir bare;
    bare.write("a/one.yaml", create_spec("scoring-aks"));
    bare.write("a/two.yaml", create_spec("scoring-aks"));
    bare.write("b/three.yaml", create_spec("scoring-aks"));
    auto json = lint_json(bare, {"a/one.yaml"});
    std::vector<std::string> expected = {
        "AKS105 a/one.yaml:3:7 -> a/two.yaml:3:7",
    };
    CHECK(summary(json) == expected);
  }
}

// Without aksc.yaml, where the project of the named files is: their common folder when it is
// the current folder or inside it; otherwise each file's own folder, not its subfolders.
TEST_CASE("without aksc.yaml, files named under the current folder see their common folder") {
  TempDir dir;
  dir.write("one/a.yaml", create_spec("scoring-aks"));
  dir.write("two/b.yaml", create_spec("bravo-aks"));
  dir.write("top.yaml", create_spec("scoring-aks"));       // in the common folder
  dir.write("two/deep/c.yaml", create_spec("bravo-aks"));  // in a subfolder of it
  auto json = lint_json(dir.path(), {"one/a.yaml", "two/b.yaml"});
  std::vector<std::string> expected = {
      "AKS105 one/a.yaml:3:7 -> top.yaml:3:7",
      "AKS105 two/b.yaml:3:7 -> two/deep/c.yaml:3:7",
  };
  CHECK(summary(json) == expected);
}

TEST_CASE("without aksc.yaml, files named from outside the current folder see their own folders") {
  TempDir dir;
  dir.write("parent/one/a.yaml", create_spec("scoring-aks"));
  dir.write("parent/one/twin.yaml", create_spec("scoring-aks"));  // a neighbour: compared
  dir.write("parent/two/b.yaml", create_spec("bravo-aks"));
  dir.write("parent/clash.yaml", create_spec("scoring-aks"));     // the common folder: not read
  dir.write("parent/two/deep/c.yaml", create_spec("bravo-aks"));  // a subfolder: not read
  std::filesystem::create_directory(dir.path() / "elsewhere");
  auto json = lint_json(dir.path() / "elsewhere", {"../parent/one/a.yaml", "../parent/two/b.yaml"});
  std::vector<std::string> expected = {
      "AKS105 ../parent/one/a.yaml:3:7 -> ../parent/one/twin.yaml:3:7",
  };
  CHECK(summary(json) == expected);
}

TEST_CASE("without aksc.yaml, files whose only common folder is / never make aksc walk /") {
  // The current folder is /, so only the root rule keeps aksc from walking the whole disk,
  // where a copy of a fixture (here, the fixture itself) would clash with mine/a.yaml.
  TempDir dir;
  auto fixture = aksc::test::source_dir() / "tests" / "rules" / "AKS102" / "good-3-chars.yaml";
  auto mine = dir.write("mine/a.yaml", aksc::test::read_text(fixture));
  auto readme = aksc::test::source_dir() / "README.md";
  if (top_folder(dir.path()) == top_folder(aksc::test::source_dir())) {
    aksc::test::skip_test("the temporary folder and the source tree share a folder below /");
    return;
  }
  // Bounded by `timeout`: a regression would walk the whole file system.
  auto lint = [&](const std::filesystem::path& other) {
    auto result = aksc::test::run_process({"timeout", "60", AKSC_BINARY, "lint", "--specs-only",
                                           "--format", "json", mine.string(), other.string()},
                                          "/");
    INFO(result.err);
    REQUIRE(result.exit_code != 124);
    return without_v1_note(nlohmann::json::parse(result.out));
  };
  auto with_readme = lint(readme);
  CHECK(with_readme["findings"].empty());  // README.md is no YAML file: skipped, not walked from
  // The clash is real: named, the fixture is compared and reported.
  auto both = lint(fixture);
  REQUIRE(both["findings"].size() == 1);
  CHECK(both["findings"][0]["rule"] == "AKS105");
}
