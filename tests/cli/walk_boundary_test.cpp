// The walk stays in the folder it was given: a symlink in a pull request that leads outside it
// (to `/`, to the runner's home) is skipped, noted under --verbose and counted, and nothing
// of what it leads to is read or shown. Symlinks inside the tree, and files named on the
// command line, work as before.
#include <filesystem>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "../support/process.h"
#include "integration_support.h"
#include "other_file.h"
#include "spec_text.h"

namespace fs = std::filesystem;
using aksc::test::contains;
using aksc::test::create_spec;
using aksc::test::other_linted;
using aksc::test::run_aksc;
using aksc::test::TempDir;
using aksc::test::write_other;

namespace {

// A folder outside the linted tree holding a spec whose finding would show if it were read.
void write_outside(const TempDir& outside) {
  outside.write("secret.yaml", create_spec("outside-secret-name-that-is-far-too-long"));
}

bool outside_read(const aksc::test::ProcessResult& result) {
  return contains(result.out, "outside-secret-name") || contains(result.out, "secret.yaml");
}

}  // namespace

TEST_CASE("walk: a symlinked folder leading outside the tree is skipped with a note") {
  TempDir dir, outside;
  write_other(dir);
  write_outside(outside);
  fs::create_directory(dir.path() / "sub");
  fs::create_directory_symlink(outside.path(), dir.path() / "sub" / "root");
  auto result = run_aksc({"lint", "--verbose"}, dir.path());
  CHECK(result.exit_code == 1);
  CHECK_FALSE(outside_read(result));
  CHECK(contains(result.err,
                 "aksc: sub/root: symbolic link to a folder outside the walked tree, skipped\n"));
  CHECK(contains(result.err, "aksc: 1 symbolic link outside the walked tree skipped\n"));
  CHECK(other_linted(result));
  // The same when the walked tree is a PATH argument: its own folder is the boundary.
  auto named = run_aksc({"lint", "sub", "other.yaml", "--verbose"}, dir.path());
  CHECK_FALSE(outside_read(named));
  CHECK(contains(named.err, "sub/root: symbolic link to a folder outside the walked tree"));
}

TEST_CASE("walk: a symlink to / is not followed") {
  TempDir dir;
  write_other(dir);
  fs::create_directory(dir.path() / "sub");
  fs::create_directory_symlink("/", dir.path() / "sub" / "root");
  auto result = run_aksc({"lint", "--verbose", "--format", "json"}, dir.path());
  CHECK(result.exit_code == 1);
  auto json = nlohmann::json::parse(result.out);
  CHECK(json["summary"]["files"] == 1);
  CHECK(json["summary"]["outside_links"] == 1);
  CHECK(contains(result.err, "sub/root: symbolic link to a folder outside the walked tree"));
}

TEST_CASE("walk: a symlinked spec file leading outside the tree is skipped and counted") {
  TempDir dir, outside;
  write_other(dir);
  write_outside(outside);
  fs::create_symlink(outside.path() / "secret.yaml", dir.path() / "leak.yaml");
  auto result = run_aksc({"lint", ".", "--verbose", "--format", "json"}, dir.path());
  CHECK(result.exit_code == 1);
  CHECK_FALSE(contains(result.out, "outside-secret-name"));
  CHECK(contains(result.err, "leak.yaml: symbolic link to a file outside the walked tree"));
  auto json = nlohmann::json::parse(result.out);
  CHECK(json["summary"]["outside_links"] == 1);
  CHECK(json["summary"]["files"] == 1);
  // Named on the command line, the same link is the user's choice and is linted.
  auto named = run_aksc({"lint", "leak.yaml"}, dir.path());
  CHECK(named.exit_code == 1);
  CHECK(contains(named.out, "outside-secret-name"));
}

TEST_CASE("walk: symlinks that stay inside the tree are followed as before") {
  TempDir dir;
  write_other(dir);
  dir.write(".real/spec.yaml", create_spec("in-tree-but-hidden-and-too-long-name"));
  dir.write("specs/a.yaml", create_spec("vision-dev"));
  fs::create_directory_symlink(".real", dir.path() / "alias");
  fs::create_symlink("specs/a.yaml", dir.path() / "b.yaml");
  auto result = run_aksc({"lint", "--verbose", "--format", "json"}, dir.path());
  CHECK(result.exit_code == 1);
  CHECK(contains(result.out, "in-tree-but-hidden"));  // reached through alias/
  CHECK_FALSE(contains(result.err, "outside the walked tree"));
  auto json = nlohmann::json::parse(result.out);
  CHECK(json["summary"]["files"] == 3);  // other, alias/spec and a (b.yaml is the same file)
  CHECK_FALSE(json["summary"].contains("outside_links"));  // the key only when there are some
}

TEST_CASE("walk: the whole-project rules' extra walk stays in the project too") {
  TempDir dir, outside;
  // Read, it would clash with team/a.yaml's name in the workspace (AKS105).
  outside.write("secret.yaml", create_spec("vision-dev"));
  dir.write("aksc.yaml", "rules:\n  AKS102: error\n");
  dir.write("team/a.yaml", create_spec("vision-dev"));
  fs::create_directory_symlink(outside.path(), dir.path() / "team" / "elsewhere");
  // Only team/a.yaml is named: the project's other specs come from a walk of aksc.yaml's folder.
  auto result = run_aksc({"lint", "team/a.yaml"}, dir.path());
  CHECK(result.exit_code == 0);
  CHECK_FALSE(contains(result.out, "secret.yaml"));
  CHECK_FALSE(contains(result.out, "AKS105"));
}
