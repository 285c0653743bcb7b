// aksc init: a commented starter spec per mode that lints clean, on stdout or -o FILE (never
// overwritten without --force).
#include <filesystem>

#include <catch2/catch.hpp>

#include "integration_support.h"
#include "spec_text.h"

namespace fs = std::filesystem;
using aksc::test::contains;
using aksc::test::read_text;
using aksc::test::run_aksc;
using aksc::test::TempDir;

TEST_CASE("init: every mode's starter spec lints clean") {
  for (std::string mode : {"create", "attach", "provision-and-attach"}) {
    INFO("mode " << mode);
    TempDir dir;  // one folder per spec: the three starters share a compute name
    auto init = run_aksc(
        {"init", "--mode", mode, "--name", "vision-rt", "--workspace", "vision-ws"}, dir.path());
    REQUIRE(init.exit_code == 0);
    CHECK(init.err.empty());
    CHECK(contains(init.out, "mode: " + mode));
    CHECK(contains(init.out, "name: \"vision-rt\""));
    CHECK(contains(init.out, "  name: \"vision-ws\""));
    CHECK(contains(init.out, "# EDIT"));
    dir.write("spec.yaml", init.out);
    // Clean but for AKS816's note, which stands on every AksCompute spec.
    dir.write("aksc.yaml", aksc::test::kV1NoteOff);
    auto lint = run_aksc({"lint", "--fail-on", "note", "spec.yaml"}, dir.path());
    INFO(lint.out);
    CHECK(lint.exit_code == 0);
    CHECK(contains(lint.out, "0 errors, 0 warnings, 0 notes in 1 spec (1 file)"));
  }
}

TEST_CASE("init: --kind KubernetesCompute writes a v2 starter per mode that lints clean") {
  for (std::string mode : {"attach", "provision-and-attach"}) {
    INFO("mode " << mode);
    TempDir dir;
    auto init = run_aksc({"init", "--kind", "KubernetesCompute", "--mode", mode, "--name",
                          "vision-rt", "--workspace", "vision-ws"},
                         dir.path());
    REQUIRE(init.exit_code == 0);
    CHECK(contains(init.out, "kind: KubernetesCompute"));
    CHECK(contains(init.out, "mode: " + mode));
    CHECK(contains(init.out, "router_service_type: load-balancer"));
    CHECK(contains(init.out, "# EDIT"));
    dir.write("spec.yaml", init.out);
    auto lint = run_aksc({"lint", "--fail-on", "note", "spec.yaml"}, dir.path());
    INFO(lint.out);
    CHECK(lint.exit_code == 0);
    CHECK(contains(lint.out, "0 errors, 0 warnings, 0 notes in 1 spec (1 file)"));
  }
  TempDir dir;
  auto attach = run_aksc({"init", "--kind", "KubernetesCompute"}, dir.path());
  CHECK(contains(attach.out, "mode: attach"));  // create is AksCompute's only
  auto create = run_aksc({"init", "--kind", "KubernetesCompute", "--mode", "create"}, dir.path());
  CHECK(create.exit_code == 2);
  CHECK(contains(create.err, "attach or provision-and-attach, not 'create'"));
  auto unknown = run_aksc({"init", "--kind", "Kubernetes"}, dir.path());
  CHECK(unknown.exit_code == 2);
  CHECK(contains(unknown.err, "--kind must be AksCompute or KubernetesCompute"));
}

TEST_CASE("init: -o writes the file, refuses to overwrite it, and --force replaces it") {
  TempDir dir;
  auto first = run_aksc({"init", "-o", "spec.yaml"}, dir.path());
  CHECK(first.exit_code == 0);
  CHECK(first.out.empty());
  CHECK(contains(first.err, "wrote spec.yaml"));
  std::string created = read_text(dir.path() / "spec.yaml");
  CHECK(contains(created, "mode: create"));
  dir.write("mine.yaml", "my own work\n");
  auto refused = run_aksc({"init", "--mode", "attach", "-o", "mine.yaml"}, dir.path());
  CHECK(refused.exit_code == 2);
  CHECK(contains(refused.err, "mine.yaml exists; use --force"));
  CHECK(read_text(dir.path() / "mine.yaml") == "my own work\n");
  auto forced = run_aksc({"init", "--mode", "attach", "-o", "mine.yaml", "--force"}, dir.path());
  CHECK(forced.exit_code == 0);
  CHECK(contains(read_text(dir.path() / "mine.yaml"), "mode: attach"));
  // No temporary file is left behind.
  int files = 0;
  for (const auto& entry : fs::directory_iterator(dir.path())) {
    INFO(entry.path());
    ++files;
  }
  CHECK(files == 2);
  auto missing = run_aksc({"init", "-o", "no/such/folder/spec.yaml"}, dir.path());
  CHECK(missing.exit_code == 2);
  CHECK(contains(missing.err, "cannot write no/such/folder/spec.yaml"));
}

TEST_CASE("init: bad options are usage errors, --schema writes the modeline") {
  TempDir dir;
  auto bad_name = run_aksc({"init", "--name", "9lives"}, dir.path());
  CHECK(bad_name.exit_code == 2);
  CHECK(contains(bad_name.err, "--name: compute name '9lives' starts with '9'"));
  auto bad_mode = run_aksc({"init", "--mode", "adopt"}, dir.path());
  CHECK(bad_mode.exit_code == 2);
  CHECK(contains(bad_mode.err, "--mode must be create, attach or provision-and-attach"));
  CHECK(run_aksc({"init", "--force"}, dir.path()).exit_code == 2);
  // The workspace name must be one Azure allows (AKS107), or the starter would not lint clean.
  auto tricky = run_aksc({"init", "--workspace", "ws: \"quoted\" # not a comment"}, dir.path());
  CHECK(tricky.exit_code == 2);
  CHECK(contains(tricky.err,
                 "--workspace: workspace name 'ws: \"quoted\" # not a comment' is "
                 "not a name Azure allows"));
  auto underscore = run_aksc({"init", "--workspace", "ml_ws-1"}, dir.path());
  CHECK(underscore.exit_code == 0);
  CHECK(contains(underscore.out, "  name: \"ml_ws-1\"\n"));
  auto modeline = run_aksc({"init", "--schema", "../schemas/aksc-spec.schema.json"}, dir.path());
  CHECK(modeline.out.rfind("# yaml-language-server: $schema=../schemas/aksc-spec.schema.json\n",
                           0) == 0);
  auto plain = run_aksc({"init"}, dir.path());
  CHECK_FALSE(contains(plain.out, "# yaml-language-server:"));
}
