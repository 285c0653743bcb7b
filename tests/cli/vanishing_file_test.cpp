// A spec that vanishes after the folder walk listed it (or the command line named it) and before
// it is read: an input error naming it (exit 2, as for a dangling symlink), and the run goes on.
// The deletion is made deterministic by the fault-injection library
// (tests/fault_shim/vanishing_file.cpp), which unlinks the file as aksc opens it, after the
// stat that found it a regular file.
#include <filesystem>

#include <catch2/catch.hpp>

#include "../support/process.h"
#include "fault_shim.h"
#include "integration_support.h"
#include "other_file.h"
#include "spec_text.h"

using aksc::test::contains;
using aksc::test::create_spec;
using aksc::test::other_linted;
using aksc::test::read_text;
using aksc::test::run_aksc;
using aksc::test::run_aksc_with_faults;
using aksc::test::TempDir;
using aksc::test::write_other;

namespace {

// Runs `args` in `dir` with gone.yaml vanishing when opened; checks that it did.
aksc::test::ProcessResult run_vanishing(const TempDir& dir, const std::vector<std::string>& args) {
  std::string log = (dir.path() / "shim.log").string();
  std::filesystem::remove(log);
  auto result = run_aksc_with_faults(args, dir.path(),
                                     {"AKSC_FAULT_VANISH=gone.yaml", "AKSC_FAULT_LOG=" + log});
  CHECK(contains(read_text(log), "vanished "));
  CHECK_FALSE(std::filesystem::exists(dir.path() / "gone.yaml"));
  return result;
}

}  // namespace

TEST_CASE("lint: a spec that vanishes before it is read is an input error naming it") {
  TempDir dir;
  write_other(dir);
  // The control: present, it is linted like any file.
  dir.write("gone.yaml", create_spec("gone-aks"));
  auto present = run_aksc({"lint", "."}, dir.path());
  CHECK(present.exit_code == 1);
  CHECK(present.err.empty());
  for (std::vector<std::string> args :
       {std::vector<std::string>{"lint", "."},
        std::vector<std::string>{"lint", "gone.yaml", "other.yaml"}}) {
    INFO("aksc " << args[1]);
    dir.write("gone.yaml", create_spec("gone-aks"));
    auto result = run_vanishing(dir, args);
    CHECK(result.exit_code == 2);
    CHECK(contains(result.err, "aksc: error: gone.yaml: cannot read: No such file or directory\n"));
    CHECK(other_linted(result));
  }
}

TEST_CASE("build: a spec that vanishes before it is read is an input error, the rest is built") {
  TempDir dir;
  dir.write("gone.yaml", create_spec("gone-aks"));
  dir.write("kept.yaml", create_spec("kept-aks"));
  auto result = run_vanishing(dir, {"build", ".", "-o", "out"});
  CHECK(result.exit_code == 2);
  CHECK(contains(result.err, "aksc: error: gone.yaml: cannot read: No such file or directory\n"));
  CHECK(contains(result.out, "built 1 compute into out: 3 files written, 0 unchanged\n"));
  CHECK(std::filesystem::is_regular_file(dir.path() / "out/ml-ws/kept-aks/deploy.sh"));
  CHECK_FALSE(std::filesystem::exists(dir.path() / "out/ml-ws/gone-aks"));
}
