// The aksc binary end to end: subcommands, exit codes of SPEC §4, bad input.
#include <sys/stat.h>
#include <unistd.h>

#include <regex>

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

}  // namespace

TEST_CASE("a clean spec exits 0 and says so in one line") {
  TempDir dir;
  dir.write("aksc.yaml", kV1NoteOff);
  dir.write("ok.yaml", create_spec());
  auto result = run_aksc({"lint", "ok.yaml"}, dir.path());
  CHECK(result.exit_code == 0);
  CHECK(result.out == "0 errors, 0 warnings, 0 notes in 1 spec (1 file)\n");
  CHECK(result.err.empty());
}

TEST_CASE("findings exit 1 with file:line:col, caret and help") {
  TempDir dir;
  dir.write("bad.yaml", create_spec("x"));
  auto result = run_aksc({"lint", "bad.yaml"}, dir.path());
  CHECK(result.exit_code == 1);
  CHECK(contains(result.out,
                 "bad.yaml:3:7: error: compute name 'x' is 1 characters long; Azure ML allows 3 to "
                 "24 [AKS102]\n"
                 " 3 | name: x\n"
                 "   |       ^\n"
                 "  help: lengthen it by 2 or more characters\n"));
}

TEST_CASE("fail-on decides which severities fail the run") {
  TempDir dir;
  // An unknown rule in a suppression is a warning (AKS005).
  dir.write("warn.yaml", create_spec("vision-dev  # aksc-ignore AKS999: no such rule"));
  CHECK(run_aksc({"lint", "warn.yaml"}, dir.path()).exit_code == 0);
  CHECK(run_aksc({"lint", "warn.yaml", "--fail-on", "warning"}, dir.path()).exit_code == 1);
  CHECK(run_aksc({"lint", "warn.yaml", "--fail-on", "note"}, dir.path()).exit_code == 1);
  auto bad = run_aksc({"lint", "warn.yaml", "--fail-on", "fatal"}, dir.path());
  CHECK(bad.exit_code == 2);
  CHECK(contains(bad.err, "--fail-on must be error, warning or note"));
}

TEST_CASE("format json is the object of SPEC section 4") {
  TempDir dir;
  dir.write("aksc.yaml", kV1NoteOff);
  dir.write("specs/bad.yaml", create_spec("1abc"));
  auto result = run_aksc({"lint", "--format", "json", "specs"}, dir.path());
  CHECK(result.exit_code == 1);
  auto json = nlohmann::json::parse(result.out);
  CHECK(json["version"] == 1);
  REQUIRE(json["findings"].size() == 1);
  const auto& finding = json["findings"][0];
  CHECK(finding["rule"] == "AKS104");
  CHECK(finding["slug"] == "name-first-char");
  CHECK(finding["severity"] == "error");
  CHECK(finding["file"] == "specs/bad.yaml");
  CHECK(finding["line"] == 3);
  CHECK(finding["column"] == 7);
  REQUIRE(json["data"].size() == aksc::Catalog::embedded().snapshots().size());
  CHECK(json["data"][3]["table"] == "service-tags");
  CHECK(json["data"][3]["date"] == aksc::Catalog::embedded().snapshot("service-tags")->date);
  CHECK(json["data"][3]["origin"] == "embedded");
  CHECK(json["summary"] ==
        nlohmann::json::parse(R"({"files":1,"specs":1,"errors":1,"warnings":0,"notes":0,)"
                              R"("suppressed":0,"suppressions":[]})"));
}

TEST_CASE("usage errors exit 2 with a pointer to --help") {
  auto unknown = run_aksc({"lnt"});
  CHECK(unknown.exit_code == 2);
  CHECK(contains(unknown.err, "unknown command 'lnt' (did you mean 'lint'?)"));
  CHECK(contains(unknown.err, "try 'aksc --help'"));
  auto option = run_aksc({"lint", "--formt", "json"});
  CHECK(option.exit_code == 2);
  auto format = run_aksc({"lint", "--format", "xml"});
  CHECK(format.exit_code == 2);
  CHECK(contains(format.err, "--format must be"));
  CHECK(run_aksc({}).exit_code == 2);
}

TEST_CASE("every subcommand has --help, and --version works") {
  for (std::string command : {"lint", "rules", "explain", "schema"}) {
    auto result = run_aksc({command, "--help"});
    INFO(command);
    CHECK(result.exit_code == 0);
    CHECK(contains(result.out, "usage: aksc " + command));
    CHECK(contains(result.out, "--help"));
  }
  auto help = run_aksc({"--help"});
  CHECK(help.exit_code == 0);
  CHECK(contains(help.out, "lint"));
  CHECK(contains(help.out, "exit codes"));
  auto version = run_aksc({"--version"});
  CHECK(version.exit_code == 0);
  INFO(version.out);
  // The version, then the commit (cmake/commit.cmake, tests/release/commit_test.sh), then the
  // data snapshots.
  CHECK(std::regex_search(version.out, std::regex("^aksc [0-9]+\\.[0-9]+\\.[0-9]+\n"
                                                  "commit ([0-9a-f]{7,40}(-dirty)?|unknown)\n"
                                                  "data snapshots \\(embedded\\):\n")));
}

TEST_CASE("rules lists every rule and explain prints its doc") {
  auto rules = run_aksc({"rules"});
  CHECK(rules.exit_code == 0);
  for (std::string id :
       {"AKS001", "AKS002", "AKS003", "AKS005", "AKS101", "AKS102", "AKS103", "AKS104"}) {
    CHECK(contains(rules.out, id));
  }
  auto explain = run_aksc({"explain", "AKS102"});
  CHECK(explain.exit_code == 0);
  CHECK(contains(explain.out, "slug: name-length"));
  CHECK(contains(explain.out, "## Bad"));
  CHECK(contains(explain.out, "## Good"));
  auto by_slug = run_aksc({"explain", "name-charset"});
  CHECK(contains(by_slug.out, "id: AKS103"));
  auto missing = run_aksc({"explain", "AKS10"});
  CHECK(missing.exit_code == 2);
  CHECK(contains(missing.err, "no rule 'AKS10'"));
}

TEST_CASE("schema prints the embedded JSON Schemas") {
  auto spec = run_aksc({"schema"});
  CHECK(spec.exit_code == 0);
  auto json = nlohmann::json::parse(spec.out);
  CHECK(json["$schema"] == "http://json-schema.org/draft-07/schema#");
  CHECK(json["properties"].contains("agent_count"));
  auto config = nlohmann::json::parse(run_aksc({"schema", "config"}).out);
  CHECK(config["properties"].contains("ignore"));
  CHECK(run_aksc({"schema", "nope"}).exit_code == 2);
}

TEST_CASE("no paths lints the current folder") {
  TempDir dir;
  dir.write("a/one.yaml", create_spec("a1"));
  auto result = run_aksc({"lint"}, dir.path());
  CHECK(result.exit_code == 1);
  CHECK(contains(result.out, "a/one.yaml:3:7: error"));
}

TEST_CASE("folders are walked in sorted order, non-spec YAML skipped (--verbose says so)") {
  TempDir dir;
  dir.write("b/spec.yaml", create_spec("bb"));
  dir.write("a/spec.yml", create_spec("aa"));
  dir.write("a/other.yaml", "apiVersion: v1\nkind: ConfigMap\n");
  dir.write("a/notes.txt", "name: x\n");
  dir.write(".hidden/spec.yaml", create_spec("hh"));
  auto result = run_aksc({"lint", ".", "--verbose"}, dir.path());
  CHECK(result.exit_code == 1);
  auto a = result.out.find("a/spec.yml:3:7");
  auto b = result.out.find("b/spec.yaml:3:7");
  REQUIRE(a != std::string::npos);
  REQUIRE(b != std::string::npos);
  CHECK(a < b);
  CHECK_FALSE(contains(result.out, "hidden"));
  CHECK(contains(result.err, "a/other.yaml:1: document 1 is not an aksc spec"));
  CHECK(contains(result.out, "in 2 specs (3 files)"));
  auto quiet = run_aksc({"lint", "."}, dir.path());
  CHECK_FALSE(contains(quiet.err, "not an aksc spec"));
}

TEST_CASE("lint --specs-only skips named files that hold no spec, and lints the ones that do") {
  TempDir dir;
  dir.write("spec.yaml", create_spec("bb"));                            // AKS102: 2 characters
  dir.write("workflow.yml", "on: push\njobs: {}\n");                    // no spec text
  dir.write("README.md", "Write `apiVersion: aksc/v1`: see {this}\n");  // spec text, not YAML
  dir.write("mention.yaml",
            "# specs use apiVersion: aksc/v1\nkey: value\nkey: again\n");  // text, no spec
  dir.write("broken.yaml", "apiVersion: aksc/v1\nkind: [\n");              // meant as a spec
  std::vector<std::string> named = {"spec.yaml", "workflow.yml", "README.md", "mention.yaml"};
  auto args = [&](std::vector<std::string> extra) {
    std::vector<std::string> all = {"lint", "--verbose"};
    all.insert(all.end(), extra.begin(), extra.end());
    all.insert(all.end(), named.begin(), named.end());
    return all;
  };
  auto result = run_aksc(args({"--specs-only"}), dir.path());
  INFO(result.out << result.err);
  CHECK(result.exit_code == 1);  // AKS102 in spec.yaml, and nothing else
  CHECK(contains(result.out, "spec.yaml:3:7"));
  CHECK(contains(result.out, "in 1 spec (1 file)"));
  CHECK_FALSE(contains(result.out, "AKS003"));  // mention.yaml's repeated key is not aksc's
  CHECK(contains(result.err, "workflow.yml: no aksc spec in this file, skipped (--specs-only)"));
  CHECK(contains(result.err, "README.md: not a YAML file (*.yaml, *.yml), skipped (--specs-only)"));
  CHECK(contains(result.err, "mention.yaml: no aksc spec in this file, skipped (--specs-only)"));
  // Without the flag the same files are input errors (exit 2).
  auto strict = run_aksc(args({}), dir.path());
  CHECK(strict.exit_code == 2);
  CHECK(contains(strict.err, "workflow.yml: no aksc spec in this file"));
  // A file meant as a spec is never skipped: its syntax error is reported.
  named = {"broken.yaml", "workflow.yml"};
  auto broken = run_aksc(args({"--specs-only"}), dir.path());
  CHECK(broken.exit_code == 1);
  CHECK(contains(broken.out, "broken.yaml:3:1: error: YAML syntax error"));
  // Nothing left to lint is a clean run, not a lint of the current folder.
  named = {"workflow.yml"};
  auto none = run_aksc(args({"--specs-only"}), dir.path());
  CHECK(none.exit_code == 0);
  CHECK(contains(none.out, "in 0 specs (0 files)"));
}

TEST_CASE("multi-document files lint every spec document") {
  TempDir dir;
  dir.write("aksc.yaml", kV1NoteOff);
  dir.write("multi.yaml", create_spec("ok-one") + "---\nkind: Other\n---\n" + create_spec("n"));
  auto result = run_aksc({"lint", "--format", "json", "multi.yaml"}, dir.path());
  auto json = nlohmann::json::parse(result.out);
  CHECK(json["summary"]["specs"] == 2);
  REQUIRE(json["findings"].size() == 1);
  CHECK(json["findings"][0]["line"] == 18);
}

TEST_CASE("a near-miss apiVersion is reported, not silently skipped") {
  TempDir dir;
  std::string spec = create_spec();
  spec.replace(spec.find("aksc/v1"), 7, "aksc/v2");
  dir.write("v2.yaml", spec);
  auto result = run_aksc({"lint", "v2.yaml"}, dir.path());
  CHECK(result.exit_code == 1);
  CHECK(contains(result.out, "v2.yaml:1:13: error: apiVersion 'aksc/v2' is not supported"));
}

TEST_CASE("symlinked folders are walked once and loops end") {
  TempDir dir;
  dir.write("aksc.yaml", kV1NoteOff);
  dir.write("real/spec.yaml", create_spec("r1"));
  std::filesystem::create_directory_symlink("real", dir.path() / "link");
  std::filesystem::create_directory_symlink("..", dir.path() / "real" / "up");
  auto result = run_aksc({"lint", "--format", "json", "."}, dir.path());
  auto json = nlohmann::json::parse(result.out);
  CHECK(json["summary"]["files"] == 1);
  CHECK(json["findings"].size() == 1);
}
