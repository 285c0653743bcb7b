// .pre-commit-hooks.yaml: the hook's entry run exactly as pre-commit runs it (entry, args, then
// the changed files that match `files`/`types` and not `exclude`), in a temporary project.
#include <filesystem>
#include <regex>
#include <sstream>

#include <yaml-cpp/yaml.h>

#include <catch2/catch.hpp>

#include "integration_support.h"
#include "spec_text.h"

namespace fs = std::filesystem;
using aksc::test::contains;
using aksc::test::create_spec;
using aksc::test::TempDir;

namespace {

YAML::Node aksc_hook() {
  YAML::Node hooks = YAML::LoadFile((aksc::test::source_dir() / ".pre-commit-hooks.yaml").string());
  for (const YAML::Node& hook : hooks) {
    if (hook["id"].as<std::string>() == "aksc") return hook;
  }
  FAIL("no hook with id aksc in .pre-commit-hooks.yaml");
  return {};
}

std::vector<std::string> split_words(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> words;
  for (std::string word; in >> word;)
    words.push_back(word);
  return words;
}

// pre-commit's file selection: `files` and `exclude` are Python regexes searched in the path;
// `types: [yaml]` is identify's tag for *.yaml and *.yml.
std::vector<std::string> select_files(const YAML::Node& hook,
                                      const std::vector<std::string>& changed) {
  std::regex files(hook["files"] ? hook["files"].as<std::string>() : "");
  std::optional<std::regex> exclude;
  if (hook["exclude"]) exclude = std::regex(hook["exclude"].as<std::string>());
  std::vector<std::string> types;
  if (hook["types"]) types = hook["types"].as<std::vector<std::string>>();
  std::vector<std::string> selected;
  for (const std::string& path : changed) {
    if (!std::regex_search(path, files)) continue;
    if (exclude && std::regex_search(path, *exclude)) continue;
    std::string extension = fs::path(path).extension().string();
    bool yaml = extension == ".yaml" || extension == ".yml";
    if (std::find(types.begin(), types.end(), "yaml") != types.end() && !yaml) continue;
    selected.push_back(path);
  }
  return selected;
}

// Runs the hook on `changed` in `repo` with the built aksc first on PATH.
aksc::test::ProcessResult run_hook(const YAML::Node& hook, const fs::path& repo,
                                   const std::vector<std::string>& changed) {
  std::vector<std::string> argv = split_words(hook["entry"].as<std::string>());
  if (hook["args"]) {
    for (const std::string& arg : hook["args"].as<std::vector<std::string>>())
      argv.push_back(arg);
  }
  for (const std::string& file : select_files(hook, changed))
    argv.push_back(file);
  const char* path = std::getenv("PATH");
  std::string env_path =
      "PATH=" + aksc::test::aksc_bin_dir().string() + ":" + (path ? path : "/usr/bin:/bin");
  return aksc::test::run_process(argv, repo, {env_path});
}

}  // namespace

TEST_CASE("pre-commit: the hook is declared as pre-commit expects") {
  YAML::Node hook = aksc_hook();
  CHECK(hook["name"].as<std::string>().size() > 0);
  CHECK(hook["entry"].as<std::string>().rfind("aksc lint", 0) == 0);
  CHECK(hook["language"].as<std::string>() == "system");
  CHECK(hook["pass_filenames"].as<bool>());
  CHECK(hook["require_serial"].as<bool>());
  CHECK(select_files(hook, {"a.yaml", "b/c.yml", "README.md", "x.json", "yaml.txt"}) ==
        std::vector<std::string>{"a.yaml", "b/c.yml"});
}

TEST_CASE("pre-commit: changed files are linted, the rest of the project is still seen") {
  YAML::Node hook = aksc_hook();
  TempDir repo;
  repo.write("aksc.yaml", "rules: {}\n");
  // The changed spec: a spec-level warning of its own (AKS005) and a name another spec uses.
  repo.write("team-a/one.yaml", create_spec("shared-name  # aksc-ignore AKS999: no such rule"));
  // Unchanged: same name in the same workspace, and a spec-level error of its own (AKS002).
  repo.write("team-b/two.yaml", create_spec("shared-name") + "agnet_count: 3\n");
  repo.write("deploy/service.yaml", "apiVersion: v1\nkind: Service\n");
  repo.write(".github/workflows/ci.yml", "on: push\n");
  repo.write("README.md", "# specs\n");
  std::vector<std::string> changed{"team-a/one.yaml", "deploy/service.yaml",
                                   ".github/workflows/ci.yml", "aksc.yaml", "README.md"};
  auto result = run_hook(hook, repo.path(), changed);
  INFO("stdout:\n" << result.out << "stderr:\n" << result.err);
  CHECK(result.err.empty());  // non-spec YAML among the changed files is no error
  // The named file's own findings are reported, the unnamed file's are not.
  CHECK(contains(result.out, "team-a/one.yaml:3:"));
  CHECK(contains(result.out, "[AKS005]"));
  CHECK_FALSE(contains(result.out, "agnet_count"));
  CHECK_FALSE(contains(result.out, "team-b/two.yaml:13:1: error"));
  CHECK(contains(result.out, "in 1 spec (1 file)"));
  // The whole-project rule compares the changed spec with the unchanged one.
  CHECK(result.exit_code == 1);
  CHECK(contains(result.out, "team-a/one.yaml:3:7: error: "));
  CHECK(contains(result.out, "[AKS105]"));
  CHECK(contains(result.out, "team-b/two.yaml:3:7: note: "));
  std::istringstream lines(result.out);
  for (std::string line; std::getline(lines, line);) {
    INFO(line);
    CHECK_FALSE((line.rfind("team-b/two.yaml", 0) == 0 && contains(line, ": error: ")));
  }
}

TEST_CASE("pre-commit: a commit without spec changes passes") {
  YAML::Node hook = aksc_hook();
  TempDir repo;
  repo.write("aksc.yaml", "rules: {}\n");
  repo.write("team-b/two.yaml", create_spec("x"));  // broken, but not part of the commit
  repo.write("deploy/service.yaml", "apiVersion: v1\nkind: Service\n");
  auto result = run_hook(hook, repo.path(), {"deploy/service.yaml", "aksc.yaml"});
  INFO(result.out << result.err);
  CHECK(result.exit_code == 0);
  CHECK(contains(result.out, "0 errors, 0 warnings, 0 notes in 0 specs (0 files)"));
}
