// docs/ci.md: every aksc command line of its code blocks, run with bash as a CI runner would
// (the built aksc first on PATH) on a copy of samples/, and the reports they write checked.
#include <filesystem>
#include <regex>
#include <sstream>

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

TEST_CASE("ci recipes: docs/ci.md holds the commands of both recipes") {
  std::vector<std::string> commands;
  for (const Recipe& recipe : recipes())
    commands.push_back(recipe.command);
  auto has = [&](const std::string& part) {
    return std::any_of(commands.begin(), commands.end(),
                       [&](const std::string& c) { return contains(c, part); });
  };
  CHECK(has("aksc lint --format github"));
  CHECK(has("aksc lint --format sarif"));
  CHECK(has("aksc lint --format junit"));
  CHECK(has("--check"));
  std::string doc = aksc::test::read_text(aksc::test::source_dir() / "docs" / "ci.md");
  CHECK(contains(doc, "github/codeql-action/upload-sarif@"));
  CHECK(contains(doc, "PublishTestResults@2"));
  CHECK(contains(doc, "PublishPipelineArtifact@1"));
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
