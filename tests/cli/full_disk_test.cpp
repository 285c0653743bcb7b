// A full disk while `aksc build` writes: an error naming the artifact, exit 2, and nothing lost.
// The disk is faked by the fault-injection library (tests/fault_shim/full_disk.cpp), so the
// test needs neither root nor a small file system.
#include <catch2/catch.hpp>

#include "../support/process.h"
#include "fault_shim.h"
#include "integration_support.h"
#include "spec_text.h"

using aksc::test::contains;
using aksc::test::create_spec;
using aksc::test::read_text;
using aksc::test::run_aksc;
using aksc::test::run_aksc_with_faults;
using aksc::test::TempDir;
using aksc::test::tree;

TEST_CASE("a full disk during build is an error naming the artifact, and nothing is lost") {
  // Where a full disk shows: a write cut short then refused, or (delayed allocation, NFS) only
  // at fsync or close.
  const std::string at = GENERATE("write", "fsync", "close");
  INFO("ENOSPC at " << at);
  TempDir dir;
  dir.write("specs/a.yaml", create_spec("alpha-aks"));
  dir.write("specs/b.yaml", create_spec("bravo-aks"));
  dir.write("specs/c.yaml", create_spec("charlie-aks"));
  REQUIRE(run_aksc({"build", "specs", "-o", "out"}, dir.path()).exit_code == 0);
  const auto before = tree(dir.path() / "out");
  REQUIRE(before.size() == 9);
  dir.write("specs/b.yaml", create_spec("bravo-aks") + "description: changed\n");

  std::string log = (dir.path() / "shim.log").string();
  auto full = run_aksc_with_faults(
      {"build", "specs", "-o", "out"}, dir.path(),
      {"AKSC_FAULT_FULL_DIR=" + (dir.path() / "out").string(), "AKSC_FAULT_FULL_AT=" + at,
       "AKSC_FAULT_FREE_BYTES=100", "AKSC_FAULT_LOG=" + log});
  INFO(full.err);
  CHECK(full.exit_code == 2);
  CHECK(contains(full.err,
                 "aksc: error: cannot write out/ml-ws/bravo-aks/azuredeploy.json: No space left "
                 "on device\n"));
  // Every artifact as the previous build wrote it, and no temporary file left behind.
  CHECK(tree(dir.path() / "out") == before);
  // The fault was injected where asked (a partial write first, for "write").
  std::string injected = read_text(log);
  CHECK(contains(injected, "ENOSPC " + at + " " + dir.path().string()));
  CHECK(contains(injected, "/out/ml-ws/bravo-aks/.azuredeploy.json.tmp-"));
  if (at == "write") CHECK(contains(injected, "short write "));

  // The same run with room on the disk succeeds: the failure was the disk's.
  auto room = run_aksc({"build", "specs", "-o", "out"}, dir.path());
  CHECK(room.exit_code == 0);
  CHECK(contains(room.out, "wrote out/ml-ws/bravo-aks/azuredeploy.json\n"));
  CHECK(tree(dir.path() / "out") != before);
}
