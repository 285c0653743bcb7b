// docs/ci.md: every aksc command line of its code blocks, run with bash as a CI runner would
// (the built aksc first on PATH) on a copy of samples/, and the reports they write checked; the
// GitHub recipe's action steps run through the action's own script with their inputs; every
// install names the release that scripts/install.sh installs by default.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include <yaml-cpp/yaml.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "integration_support.h"

namespace fs = std::filesystem;
using aksc::test::contains;
using aksc::test::run_process;
using aksc::test::TempDir;

namespace {

struct Recipe {
  int line = 0;
  std::string command;
};

// The `aksc ...` lines inside fenced code blocks, without YAML's `- run:` / `script:` prefixes.
std::vector<Recipe> recipes() {
  std::istringstream doc(aksc::test::read_text(aksc::test::source_dir() / "docs" / "ci.md"));
  std::regex command(R"(^\s*(?:-\s+)?(?:(?:run|script):\s+)?(aksc\s.*)$)");
  std::vector<Recipe> found;
  bool in_block = false;
  int number = 0;
  for (std::string line; std::getline(doc, line);) {
    ++number;
    if (line.rfind("```", 0) == 0) {
      in_block = !in_block;
      continue;
    }
    std::smatch match;
    if (in_block && std::regex_match(line, match, command)) found.push_back({number, match[1]});
  }
  return found;
}

std::string ci_doc() {
  return aksc::test::read_text(aksc::test::source_dir() / "docs" / "ci.md");
}

// The workflow of the GitHub recipe: the ```yaml block that has `jobs:`.
YAML::Node github_workflow() {
  std::istringstream doc(ci_doc());
  std::string block;
  bool in_yaml = false;
  for (std::string line; std::getline(doc, line);) {
    if (line == "```yaml") {
      in_yaml = true;
      block.clear();
    } else if (in_yaml && line == "```") {
      in_yaml = false;
      YAML::Node node = YAML::Load(block);
      if (node["jobs"]) return node;
    } else if (in_yaml) {
      block += line + "\n";
    }
  }
  FAIL("docs/ci.md has no GitHub workflow");
  return {};
}

// The steps of `workflow` that use this repository's action.
std::vector<YAML::Node> action_steps(const YAML::Node& workflow) {
  std::vector<YAML::Node> found;
  for (const auto& job : workflow["jobs"]) {
    for (const YAML::Node& step : job.second["steps"]) {
      if (step["uses"] && step["uses"].as<std::string>().rfind("aksc-project/aksc@", 0) == 0)
        found.push_back(step);
    }
  }
  return found;
}

// The version scripts/install.sh installs by default.
std::string default_version() {
  auto printed = run_process(
      {"bash", (aksc::test::source_dir() / "scripts" / "install.sh").string(), "--print-version"});
  REQUIRE(printed.exit_code == 0);
  return printed.out.substr(0, printed.out.find('\n'));
}

aksc::test::ProcessResult run_in(const fs::path& dir, const std::string& command) {
  const char* path = std::getenv("PATH");
  std::string env_path =
      "PATH=" + aksc::test::aksc_bin_dir().string() + ":" + (path ? path : "/usr/bin:/bin");
  return run_process({"bash", "-c", "set -o pipefail\n" + command}, dir, {env_path});
}

// The file a command line writes with `> FILE`, if any.
std::optional<std::string> redirect_target(const std::string& command) {
  std::smatch match;
  if (std::regex_search(command, match, std::regex(R"(>\s*(\S+))"))) return match[1].str();
  return std::nullopt;
}

// A report written by a recipe is what its consumer can read.
void check_report(const fs::path& file, const std::string& command) {
  INFO("report " << file);
  REQUIRE(fs::exists(file));
  std::string text = aksc::test::read_text(file);
  if (contains(command, "--format sarif")) {
    auto log = nlohmann::json::parse(text);
    CHECK(log["version"] == "2.1.0");
    CHECK(log["runs"][0]["tool"]["driver"]["name"] == "aksc");
  } else if (contains(command, "--format junit")) {
    CHECK(text.rfind("<?xml", 0) == 0);
    if (run_process({"sh", "-c", "command -v xmllint"}).exit_code == 0) {
      CHECK(run_process({"xmllint", "--noout", file.string()}).exit_code == 0);
    }
  }
}

}  // namespace

TEST_CASE("ci recipes: docs/ci.md holds the commands of its recipes") {
  std::vector<std::string> commands;
  for (const Recipe& recipe : recipes())
    commands.push_back(recipe.command);
  auto has = [&](const std::string& part) {
    return std::any_of(commands.begin(), commands.end(),
                       [&](const std::string& c) { return contains(c, part); });
  };
  CHECK(has("aksc lint --format junit"));
  CHECK(has("--check"));
  std::string doc = ci_doc();
  CHECK(contains(doc, "github/codeql-action/upload-sarif@"));
  CHECK(contains(doc, "PublishTestResults@2"));
  CHECK(contains(doc, "PublishPipelineArtifact@1"));
  CHECK(contains(doc, "reports:\n      junit: aksc-junit.xml"));
  // No recipe asks a team to build and host aksc itself any more.
  CHECK_FALSE(contains(doc, "example.invalid"));
  CHECK_FALSE(contains(doc, "AKSC_DEB_URL"));
  std::set<std::string> formats;
  for (const YAML::Node& step : action_steps(github_workflow()))
    formats.insert(step["with"]["format"].as<std::string>());
  CHECK(formats == std::set<std::string>{"github", "sarif"});
}

TEST_CASE("ci recipes: every install is the release scripts/install.sh installs by default") {
  std::string version = default_version();
  std::string doc = ci_doc();
  std::regex installer(
      R"(https://raw\.githubusercontent\.com/aksc-project/aksc/v([^/]+)/scripts/install\.sh \| bash)");
  int installs = 0;
  for (std::sregex_iterator it(doc.begin(), doc.end(), installer), end; it != end; ++it) {
    ++installs;
    CHECK((*it)[1] == version);
  }
  CHECK(installs == 2);  // Azure Pipelines, GitLab
  auto steps = action_steps(github_workflow());
  CHECK(steps.size() == 2);
  for (const YAML::Node& step : steps)
    CHECK(step["uses"].as<std::string>() == "aksc-project/aksc@v" + version);
  // The README's and docs/install.md's snippets too: the installer's URL, the action, the
  // pre-commit rev and the image's tag all name that release.
  std::regex release(
      R"((?:aksc-project/aksc/v|aksc-project/aksc@v|rev: v|aksc\.git#v|aksc_)([0-9][^/ _#\n]*))");
  for (std::string file : {"README.md", "docs/install.md", "docs/ci.md"}) {
    std::string text = aksc::test::read_text(aksc::test::source_dir() / file);
    int found = 0;
    for (std::sregex_iterator it(text.begin(), text.end(), release), end; it != end; ++it) {
      ++found;
      INFO(file << ": " << (*it)[0]);
      CHECK((*it)[1] == version);
    }
    INFO(file);
    CHECK(found >= 2);
  }
}

TEST_CASE("ci recipes: the GitHub recipe's action steps run on the samples") {
  YAML::Node action = YAML::LoadFile((aksc::test::source_dir() / "action.yml").string());
  YAML::Node workflow = github_workflow();
  std::string uploaded;
  for (const auto& job : workflow["jobs"]) {
    for (const YAML::Node& step : job.second["steps"]) {
      if (step["uses"] && contains(step["uses"].as<std::string>(), "upload-sarif"))
        uploaded = step["with"]["sarif_file"].as<std::string>();
    }
  }
  CHECK_FALSE(uploaded.empty());
  REQUIRE_FALSE(action_steps(workflow).empty());
  for (bool with_broken : {false, true}) {
    TempDir repo;
    fs::remove(repo.path());
    aksc::test::copy_samples(repo.path(), with_broken);
    int baseline = aksc::test::run_aksc({"lint", "."}, repo.path()).exit_code;
    for (const YAML::Node& step : action_steps(workflow)) {
      // The step's inputs, with the action's defaults for the rest, as the runner passes them.
      std::map<std::string, std::string> inputs;
      for (const auto& input : action["inputs"])
        inputs[input.first.as<std::string>()] = input.second["default"].as<std::string>();
      for (const auto& given : step["with"]) {
        std::string name = given.first.as<std::string>();
        INFO("input " << name);
        CHECK(inputs.count(name) == 1);
        inputs[name] = given.second.as<std::string>();
      }
      // The environment that action.yml's lint step maps the inputs to.
      std::vector<std::string> env{"GITHUB_OUTPUT=" + (repo.path() / ".output").string()};
      for (const YAML::Node& action_step : action["runs"]["steps"]) {
        if (!action_step["id"] || action_step["id"].as<std::string>() != "lint") continue;
        for (const auto& variable : action_step["env"]) {
          std::smatch input;
          std::string value = variable.second.as<std::string>();
          REQUIRE(std::regex_match(value, input, std::regex(R"(\$\{\{ inputs\.([a-z-]+) \}\})")));
          env.push_back(variable.first.as<std::string>() + "=" + inputs.at(input[1]));
        }
      }
      CHECK(env.size() == inputs.size());  // every input but version, and GITHUB_OUTPUT
      const char* path = std::getenv("PATH");
      env.push_back("PATH=" + aksc::test::aksc_bin_dir().string() + ":" +
                    (path ? path : "/usr/bin:/bin"));
      auto result = run_process(
          {"bash", (aksc::test::source_dir() / "scripts" / "action" / "run.sh").string()},
          repo.path(), env);
      INFO("format " << inputs["format"] << (with_broken ? " (samples)" : " (without broken/)"));
      INFO("stdout:\n" << result.out.substr(0, 2000) << "\nstderr:\n" << result.err);
      CHECK(result.exit_code == baseline);
      if (inputs["format"] == "sarif") {
        CHECK(inputs["sarif-file"] == uploaded);  // upload-sarif reads what the step wrote
        check_report(repo.path() / inputs["sarif-file"], "--format sarif");
      } else if (with_broken) {
        CHECK(contains(result.out, "::error file="));
      }
    }
  }
}

TEST_CASE("ci recipes: the lint commands run on the samples") {
  for (bool with_broken : {false, true}) {
    TempDir repo;
    fs::remove(repo.path());
    aksc::test::copy_samples(repo.path(), with_broken);
    int baseline = aksc::test::run_aksc({"lint", "."}, repo.path()).exit_code;
    REQUIRE(baseline != 2);
    if (with_broken) CHECK(baseline == 1);
    for (const Recipe& recipe : recipes()) {
      if (recipe.command.rfind("aksc lint", 0) != 0) continue;
      INFO("docs/ci.md:" << recipe.line << ": " << recipe.command
                         << (with_broken ? " (samples)" : " (samples without broken/)"));
      auto result = run_in(repo.path(), recipe.command);
      INFO("stdout:\n" << result.out.substr(0, 2000) << "\nstderr:\n" << result.err);
      // A line that tolerates findings (`|| test $? -eq 1`) passes; a plain lint exits as
      // `aksc lint .` does.
      bool tolerant = contains(recipe.command, "|| test $? -eq 1");
      CHECK(result.exit_code == (tolerant ? 0 : baseline));
      if (auto target = redirect_target(recipe.command))
        check_report(repo.path() / *target, recipe.command);
    }
  }
}

TEST_CASE("ci recipes: the build commands run on the samples") {
  TempDir repo;
  fs::remove(repo.path());
  aksc::test::copy_samples(repo.path(), false);
  bool clean = aksc::test::run_aksc({"lint", "."}, repo.path()).exit_code == 0;
  int builds = 0;
  for (const Recipe& recipe : recipes()) {
    if (recipe.command.rfind("aksc build", 0) != 0) continue;
    ++builds;
    INFO("docs/ci.md:" << recipe.line << ": " << recipe.command);
    std::string command = recipe.command;
    if (contains(command, " --check")) {
      // --check compares with committed artifacts: build them first, as the developer did.
      std::string build = std::regex_replace(command, std::regex(" --check"), "");
      auto built = run_in(repo.path(), build);
      INFO(built.out << built.err);
      CHECK(built.exit_code == (clean ? 0 : 1));
    }
    auto result = run_in(repo.path(), command);
    INFO("stdout:\n" << result.out << "\nstderr:\n" << result.err);
    CHECK(result.exit_code != 2);
    if (clean) CHECK(result.exit_code == 0);
  }
  CHECK(builds >= 2);
}
