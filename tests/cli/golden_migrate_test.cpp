// tests/golden-migrate/: `aksc migrate --in-place --partial` over samples/ and over every rule
// fixture (tests/rules/AKSnnn/<entry>) holding an AksCompute spec, each copied alone into a fresh
// folder, prints exactly <case>/output.txt (then "exit: N") and changes exactly the files under
// <case>/after/. tests/golden-migrate/refresh.sh rewrites them the same way. Then the outputs are
// checked as lint sees them: a migrated spec lints with exactly the findings its notes predict
// (plus the whole-project findings it had before, which compare it with other specs).
#include <algorithm>
#include <map>
#include <set>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "../support/process.h"
#include "integration_support.h"
#include "rules/rule.h"

namespace fs = std::filesystem;
using aksc::test::read_text;
using aksc::test::run_aksc;
using aksc::test::source_dir;
using aksc::test::tree;
using nlohmann::json;

namespace {

struct MigrateCase {
  std::string golden;  // below tests/golden-migrate/
  fs::path input;      // a file or folder to copy
  std::string name;    // its name in the fresh folder; "." = the folder's content
};

bool holds_aks_compute(const fs::path& entry) {
  if (fs::is_regular_file(entry)) return read_text(entry).find("AksCompute") != std::string::npos;
  for (const auto& file : fs::recursive_directory_iterator(entry)) {
    if (file.is_regular_file() && read_text(file.path()).find("AksCompute") != std::string::npos)
      return true;
  }
  return false;
}

std::vector<MigrateCase> migrate_cases() {
  std::vector<MigrateCase> cases{{"samples", source_dir() / "samples", "."}};
  std::vector<fs::path> entries;
  for (const auto& rule : fs::directory_iterator(source_dir() / "tests" / "rules")) {
    if (!rule.is_directory() || !rule.path().filename().string().starts_with("AKS")) continue;
    for (const auto& entry : fs::directory_iterator(rule.path()))
      entries.push_back(entry.path());
  }
  std::sort(entries.begin(), entries.end());
  for (const fs::path& entry : entries) {
    if (entry.extension() == ".expected" || !holds_aks_compute(entry)) continue;
    std::string base = entry.filename().string();
    std::string stem = entry.extension() == ".yaml" ? entry.stem().string() : base;
    cases.push_back({"rules/" + entry.parent_path().filename().string() + "/" + stem, entry, base});
  }
  return cases;
}

void copy_case(const MigrateCase& c, const fs::path& folder) {
  if (c.name == ".") {
    fs::copy(c.input, folder, fs::copy_options::recursive);
  } else {
    fs::copy(c.input, folder / c.name, fs::copy_options::recursive);
  }
}

// Every finding's rule of a JSON lint run, by file.
std::map<std::string, std::vector<std::string>> rules_by_file(const std::string& lint_json) {
  std::map<std::string, std::vector<std::string>> rules;
  const json report = json::parse(lint_json);
  for (const json& finding : report["findings"])
    rules[finding["file"].get<std::string>()].push_back(finding["rule"].get<std::string>());
  for (auto& [file, list] : rules)
    std::sort(list.begin(), list.end());
  return rules;
}

bool is_project_rule(const std::string& id) {
  for (const aksc::RuleEntry& rule : aksc::rule_registry()) {
    if (rule.id == id) return rule.project_check != nullptr;
  }
  return false;
}

}  // namespace

TEST_CASE("golden migrate: samples/ and every AksCompute rule fixture migrate as pinned") {
  fs::path golden = source_dir() / "tests" / "golden-migrate";
  std::vector<MigrateCase> cases = migrate_cases();
  CHECK(cases.size() > 400);
  std::set<std::string> expected_goldens;
  for (const MigrateCase& c : cases) {
    INFO("case " << c.golden << " (refresh: tests/golden-migrate/refresh.sh)");
    expected_goldens.insert(c.golden);
    aksc::test::TempDir work;
    copy_case(c, work.path());
    auto before = tree(work.path());
    auto result = run_aksc({"migrate", "--in-place", "--partial", c.name}, work.path());
    CHECK(result.err.empty());
    CHECK(result.out + "exit: " + std::to_string(result.exit_code) + "\n" ==
          read_text(golden / c.golden / "output.txt"));
    std::map<std::string, std::string> changed;
    for (const auto& [path, content] : tree(work.path())) {
      if (!before.count(path) || before.at(path) != content) changed[path] = content;
    }
    std::map<std::string, std::string> after;
    if (fs::exists(golden / c.golden / "after")) after = tree(golden / c.golden / "after");
    CHECK(changed == after);
  }
  // A golden without its case is a fixture that went away: refresh.sh removes it.
  for (const auto& entry : fs::recursive_directory_iterator(golden)) {
    if (entry.path().filename() != "output.txt") continue;
    std::string name = entry.path().parent_path().lexically_relative(golden).generic_string();
    INFO("golden " << name << " has no case");
    CHECK(expected_goldens.count(name) == 1);
  }
}

TEST_CASE("golden migrate: migrated specs lint with exactly the findings their notes predict") {
  int compared = 0;
  for (const MigrateCase& c : migrate_cases()) {
    INFO("case " << c.golden);
    aksc::test::TempDir work;
    copy_case(c, work.path());
    auto lint_before = run_aksc({"lint", "--format", "json", c.name}, work.path());
    auto migrated = run_aksc({"migrate", "--in-place", "--format", "json", c.name}, work.path());
    json report = json::parse(migrated.out);
    if (!report["cannot_migrate"].empty()) {
      CHECK(migrated.exit_code == 1);
      continue;
    }
    CHECK(migrated.exit_code == 0);
    std::map<std::string, std::vector<std::string>> predicted;
    for (const json& note : report["notes"]) {
      std::string file = note["new_location"]["file"];
      for (const json& rule : note["predicts"])
        predicted[file].push_back(rule.get<std::string>());
    }
    // Whole-project rules compare a spec with the others; they are not the migration's doing.
    for (const auto& [file, rules] : rules_by_file(lint_before.out)) {
      for (const std::string& rule : rules) {
        if (is_project_rule(rule)) predicted[file].push_back(rule);
      }
    }
    auto lint_after = run_aksc({"lint", "--format", "json", c.name}, work.path());
    auto actual = rules_by_file(lint_after.out);
    for (const json& file : report["files"]) {
      std::string name = file["output"];
      std::vector<std::string> expected = predicted[name];
      std::sort(expected.begin(), expected.end());
      INFO("file " << name << "\n" << lint_after.out);
      CHECK(actual[name] == expected);
      ++compared;
    }
  }
  CHECK(compared > 150);
}

// What the migration wrote deploys: each migrated spec that lints without an error builds, and
// its artifacts are the KubernetesCompute kind's (the extension scoped to the cluster, the
// compute of type Kubernetes depending on it, a deploy.sh that bash can parse). The golden-build
// cases migrated-* put the migrated samples through every check of hand-written v2 specs.
TEST_CASE("golden migrate: every migrated spec that lints without errors builds v2 artifacts") {
  int built = 0;
  for (const MigrateCase& c : migrate_cases()) {
    INFO("case " << c.golden);
    aksc::test::TempDir work;
    copy_case(c, work.path());
    // A case whose v1 specs do not build (two specs for one output folder) is not the
    // migration's doing.
    fs::path out_before = work.path() / "out-before";
    if (run_aksc({"build", c.name, "-o", out_before.string()}, work.path()).exit_code != 0)
      continue;
    fs::remove_all(out_before);
    auto migrated = run_aksc({"migrate", "--in-place", "--partial", c.name}, work.path());
    if (migrated.exit_code > 1) continue;  // pinned by the golden output above
    auto lint = run_aksc({"lint", "--format", "json", c.name}, work.path());
    if (json::parse(lint.out)["summary"]["errors"].get<int>() > 0) continue;
    fs::path out = work.path() / "out";
    auto build = run_aksc({"build", c.name, "-o", out.string()}, work.path());
    INFO(build.out << build.err);
    REQUIRE(build.exit_code == 0);
    for (const auto& entry : fs::recursive_directory_iterator(out)) {
      if (entry.path().filename() != "azuredeploy.json") continue;
      fs::path folder = entry.path().parent_path();
      json templ = json::parse(read_text(entry.path()));
      std::set<std::string> types;
      for (const json& resource : templ["resources"])
        types.insert(resource["type"].get<std::string>());
      if (!types.count("Microsoft.MachineLearningServices/workspaces/computes")) continue;
      INFO("artifacts " << folder.string());
      bool v2 = types.count("Microsoft.KubernetesConfiguration/extensions") == 1;
      if (!v2) continue;  // a spec of the case that was not AksCompute stays as it was
      CHECK(fs::exists(folder / "compute.yml"));
      auto syntax = aksc::test::run_process({"bash", "-n", (folder / "deploy.sh").string()});
      CHECK(syntax.exit_code == 0);
      ++built;
    }
  }
  INFO("built " << built);
  CHECK(built > 100);
}
