// --jobs: a run on many threads prints exactly what a run on one thread prints, in every format,
// for lint and for build, including the whole-project rules that see every file at once.
#include <catch2/catch.hpp>

#include "../support/process.h"
#include "cli/lint_formats.h"
#include "integration_support.h"

using aksc::test::generate_corpus;
using aksc::test::run_aksc;
using aksc::test::source_dir;
using aksc::test::TempDir;
using aksc::test::tree;

TEST_CASE("lint on many threads prints what one thread prints, in every format") {
  TempDir dir;
  // 600 specs in one project: enough for the whole-project rules to run on threads too (500).
  generate_corpus(dir.path() / "corpus", 600);
  for (const aksc::cli::LintFormat& lint_format : aksc::cli::lint_formats()) {
    std::string format(lint_format.name);
    auto serial = run_aksc({"lint", "corpus", "-f", format, "--jobs", "1"}, dir.path());
    REQUIRE(serial.exit_code == 1);
    // The corpus has findings of single specs and of the whole project.
    if (format == "text") {
      CHECK(serial.out.find("[AKS201]") != std::string::npos);
      CHECK(serial.out.find("[AKS105]") != std::string::npos);
      CHECK(serial.out.find("[AKS601]") != std::string::npos);
    }
    for (const char* jobs : {"2", "3", "8"}) {
      INFO(format << " with --jobs " << jobs);
      auto parallel = run_aksc({"lint", "corpus", "-f", format, "--jobs", jobs}, dir.path());
      CHECK(parallel.exit_code == serial.exit_code);
      CHECK(parallel.out == serial.out);
      CHECK(parallel.err == serial.err);
    }
  }
}

TEST_CASE("lint of the rule fixtures on many threads matches one thread, notes included") {
  auto serial = run_aksc({"lint", "tests/rules", "-v", "-j", "1"}, source_dir());
  REQUIRE(serial.exit_code == 1);
  auto parallel = run_aksc({"lint", "tests/rules", "-v", "-j", "4"}, source_dir());
  CHECK(parallel.exit_code == serial.exit_code);
  CHECK(parallel.out == serial.out);
  CHECK(parallel.err == serial.err);
}

TEST_CASE("build on many threads writes what one thread writes") {
  TempDir dir;
  generate_corpus(dir.path() / "corpus", 120);
  auto serial = run_aksc({"build", "corpus", "-o", "one", "-j", "1"}, dir.path());
  auto parallel = run_aksc({"build", "corpus", "-o", "many", "-j", "5"}, dir.path());
  CHECK(parallel.exit_code == serial.exit_code);
  auto one = tree(dir.path() / "one");
  CHECK(one.size() > 100);
  CHECK(tree(dir.path() / "many") == one);
}

TEST_CASE("jobs: -j takes a whole number from 1 to 1024") {
  TempDir dir;
  for (const char* bad : {"0", "-1", "two", "1025", "99999", "1.5", ""}) {
    INFO("--jobs '" << bad << "'");
    auto result = run_aksc({"lint", ".", "--jobs", bad}, dir.path());
    CHECK(result.exit_code == 2);
    CHECK(result.err.find("--jobs must be a whole number from 1 to 1024") != std::string::npos);
  }
  CHECK(run_aksc({"lint", ".", "-j", "1024"}, dir.path()).exit_code == 0);
}
