// Suppressed findings are listed with their rule and reason: in JSON's summary.suppressions,
// and in the text format under --verbose (SPEC §4).
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "integration_support.h"
#include "spec_text.h"

using aksc::test::contains;
using aksc::test::create_spec;
using aksc::test::run_aksc;
using aksc::test::TempDir;

namespace {

// An inline suppression (AKS102 on "x") and one from aksc.yaml (AKS104 on "1abc").
void write_suppressed(const TempDir& dir) {
  dir.write("aksc.yaml",
            "rules:\n"
            "  AKS816: off\n"  // its note on every AksCompute spec is not what this is about
            "ignore:\n"
            "  - paths: [\"legacy/*.yaml\"]\n"
            "    rules: [AKS104]\n"
            "    reason: renamed during the migration\n");
  dir.write("specs/short.yaml", create_spec("x  # aksc-ignore AKS102: kept for the demo"));
  dir.write("legacy/old.yaml", create_spec("1abc"));
}

}  // namespace

TEST_CASE("json lists the suppressed findings in summary.suppressions, with their reasons") {
  TempDir dir;
  write_suppressed(dir);
  auto result = run_aksc({"lint", "--format", "json", "."}, dir.path());
  INFO(result.out << result.err);
  CHECK(result.exit_code == 0);
  auto json = nlohmann::json::parse(result.out);
  CHECK(json["findings"].empty());
  CHECK(json["summary"]["suppressed"] == 2);
  CHECK(json["summary"]["suppressions"] == nlohmann::json::parse(R"([
    {"rule": "AKS104", "file": "legacy/old.yaml", "line": 3, "column": 7,
     "reason": "renamed during the migration"},
    {"rule": "AKS102", "file": "specs/short.yaml", "line": 3, "column": 7,
     "reason": "kept for the demo"}])"));
}

TEST_CASE("text lists the suppressed findings under --verbose, one line each") {
  TempDir dir;
  write_suppressed(dir);
  auto verbose = run_aksc({"lint", "--verbose", "."}, dir.path());
  INFO(verbose.out << verbose.err);
  CHECK(verbose.exit_code == 0);
  CHECK(verbose.out ==
        "legacy/old.yaml:3:7: suppressed: AKS104: renamed during the migration\n"
        "specs/short.yaml:3:7: suppressed: AKS102: kept for the demo\n"
        "0 errors, 0 warnings, 0 notes (2 suppressed) in 2 specs (2 files)\n");
  auto plain = run_aksc({"lint", "."}, dir.path());
  CHECK(plain.out == "0 errors, 0 warnings, 0 notes (2 suppressed) in 2 specs (2 files)\n");
  auto quiet = run_aksc({"lint", "--verbose", "--quiet", "."}, dir.path());
  CHECK(quiet.out.empty());
  CHECK_FALSE(contains(quiet.err, "suppressed"));
}
