// `aksc build` never writes (and `--check` never reads) through a symlink below OUTDIR: a
// committed `out/ws -> ../elsewhere` or `out/ws/name -> ...` is refused with exit 2 before the
// first write, naming the link, and nothing is written anywhere. OUTDIR itself may be a symlink.
#include <filesystem>

#include <catch2/catch.hpp>

#include "../support/process.h"
#include "integration_support.h"
#include "spec_text.h"

namespace fs = std::filesystem;
using aksc::test::contains;
using aksc::test::create_spec;
using aksc::test::run_aksc;
using aksc::test::TempDir;
using aksc::test::tree;

TEST_CASE("build: a symlinked workspace folder below OUTDIR is refused, nothing written") {
  TempDir dir;
  dir.write("a.yaml", create_spec());
  fs::create_directories(dir.path() / "out");
  fs::create_directories(dir.path() / "elsewhere");
  fs::create_directory_symlink("../elsewhere", dir.path() / "out" / "ml-ws");
  auto result = run_aksc({"build", "a.yaml", "-o", "out"}, dir.path());
  CHECK(result.exit_code == 2);
  CHECK(contains(result.err, "aksc: error: out/ml-ws is a symbolic link below OUTDIR"));
  CHECK_FALSE(contains(result.out, "wrote"));
  CHECK(tree(dir.path() / "elsewhere").empty());
  CHECK(fs::is_symlink(dir.path() / "out" / "ml-ws"));
}

TEST_CASE("build: a symlinked compute folder below OUTDIR is refused, nothing written") {
  TempDir dir;
  dir.write("a.yaml", create_spec());
  dir.write("b.yaml", create_spec("other-dev"));
  fs::create_directories(dir.path() / "out" / "ml-ws");
  fs::create_directories(dir.path() / "elsewhere");
  fs::create_directory_symlink("../../elsewhere", dir.path() / "out" / "ml-ws" / "vision-dev");
  auto result = run_aksc({"build", ".", "-o", "out"}, dir.path());
  CHECK(result.exit_code == 2);
  CHECK(contains(result.err, "aksc: error: out/ml-ws/vision-dev is a symbolic link below OUTDIR"));
  CHECK(tree(dir.path() / "elsewhere").empty());
  // Checked before the first write: the other compute's folder was not written either.
  CHECK_FALSE(fs::exists(dir.path() / "out" / "ml-ws" / "other-dev"));
}

TEST_CASE("build: a symlinked artifact is refused, its target left as it was") {
  TempDir dir;
  dir.write("a.yaml", create_spec());
  fs::path target = dir.write("elsewhere/precious.sh", "keep me\n");
  fs::create_directories(dir.path() / "out" / "ml-ws" / "vision-dev");
  fs::create_symlink(target, dir.path() / "out" / "ml-ws" / "vision-dev" / "deploy.sh");
  auto result = run_aksc({"build", "a.yaml", "-o", "out"}, dir.path());
  CHECK(result.exit_code == 2);
  CHECK(contains(result.err, "out/ml-ws/vision-dev/deploy.sh is a symbolic link below OUTDIR"));
  CHECK(aksc::test::read_text(target) == "keep me\n");
  CHECK_FALSE(fs::exists(dir.path() / "out" / "ml-ws" / "vision-dev" / "azuredeploy.json"));
}

TEST_CASE("build --check never reads through a symlink below OUTDIR") {
  TempDir dir;
  dir.write("a.yaml", create_spec());
  REQUIRE(run_aksc({"build", "a.yaml", "-o", "real"}, dir.path()).exit_code == 0);
  // out/ml-ws leads to a copy that matches: followed, --check would pass.
  fs::create_directories(dir.path() / "out");
  fs::create_directory_symlink("../real/ml-ws", dir.path() / "out" / "ml-ws");
  auto result = run_aksc({"build", "a.yaml", "-o", "out", "--check"}, dir.path());
  CHECK(result.exit_code == 2);
  CHECK(contains(result.err, "aksc: error: out/ml-ws is a symbolic link below OUTDIR"));
}

TEST_CASE("build: OUTDIR itself may be a symlink, the user's choice") {
  TempDir dir;
  dir.write("a.yaml", create_spec());
  fs::create_directories(dir.path() / "target");
  fs::create_directory_symlink("target", dir.path() / "out");
  auto result = run_aksc({"build", "a.yaml", "-o", "out"}, dir.path());
  CHECK(result.exit_code == 0);
  CHECK(fs::is_regular_file(dir.path() / "target" / "ml-ws" / "vision-dev" / "deploy.sh"));
  CHECK(run_aksc({"build", "a.yaml", "-o", "out", "--check"}, dir.path()).exit_code == 0);
}
