// Output for people: colour only when asked or on a terminal (--color, NO_COLOR, TERM), and
// --quiet for the findings without the summary line.
#include <catch2/catch.hpp>

#include "integration_support.h"
#include "spec_text.h"

using aksc::test::contains;
using aksc::test::create_spec;
using aksc::test::run_process;
using aksc::test::TempDir;

namespace {

aksc::test::ProcessResult lint(const TempDir& dir, std::vector<std::string> args,
                               const std::vector<std::string>& env = {}) {
  args.insert(args.begin(), {AKSC_BINARY, "lint"});
  return run_process(args, dir.path(), env);
}

}  // namespace

TEST_CASE("text: colour with --color always, never through a pipe or with --color never") {
  TempDir dir;
  dir.write("bad.yaml", create_spec("x"));
  auto piped = lint(dir, {"bad.yaml"}, {"TERM=xterm-256color"});
  CHECK_FALSE(contains(piped.out, "\x1b["));  // auto: stdout is a pipe here
  auto always = lint(dir, {"bad.yaml", "--color", "always"}, {"TERM=dumb", "NO_COLOR=1"});
  CHECK(contains(always.out, "\x1b[1mbad.yaml:3:7:\x1b[0m \x1b[1;31merror:\x1b[0m"));
  CHECK(contains(always.out, "\x1b[1;32m^\x1b[0m"));
  auto never = lint(dir, {"bad.yaml", "--color", "never"});
  CHECK_FALSE(contains(never.out, "\x1b["));
  CHECK(never.out == piped.out);
  auto bad = lint(dir, {"bad.yaml", "--color", "sometimes"});
  CHECK(bad.exit_code == 2);
  CHECK(contains(bad.err, "--color must be never, always or auto"));
}

TEST_CASE("text: --color auto on a terminal honours NO_COLOR and TERM=dumb") {
  if (aksc::test::run_process({"sh", "-c", "command -v script"}).exit_code != 0) {
    aksc::test::skip_test("script(1) is not installed: no pseudo-terminal to test --color auto");
    return;
  }
  TempDir dir;
  dir.write("bad.yaml", create_spec("x"));
  // script(1) runs aksc with a pseudo-terminal as stdout.
  std::string command = std::string(AKSC_BINARY) + " lint bad.yaml";
  auto tty = [&](const std::vector<std::string>& env) {
    return run_process({"script", "-qec", command, "/dev/null"}, dir.path(), env).out;
  };
  CHECK(contains(tty({"TERM=xterm", "NO_COLOR="}), "\x1b[1;31merror:"));
  CHECK_FALSE(contains(tty({"TERM=xterm", "NO_COLOR=1"}), "\x1b["));
  CHECK_FALSE(contains(tty({"TERM=dumb", "NO_COLOR="}), "\x1b["));
}

TEST_CASE("text: --quiet prints the findings without the summary line") {
  TempDir dir;
  dir.write("bad.yaml", create_spec("x"));
  dir.write("ok.yaml", create_spec("vision-ok"));
  dir.write("other.yaml", "kind: ConfigMap\n");
  dir.write("aksc.yaml", aksc::test::kV1NoteOff);
  auto quiet = lint(dir, {".", "--quiet", "--verbose"});
  CHECK(quiet.exit_code == 1);
  CHECK(contains(quiet.out, "bad.yaml:3:7: error: compute name 'x'"));
  CHECK(contains(quiet.out, "  help: "));
  CHECK_FALSE(contains(quiet.out, "in 2 specs"));
  CHECK(quiet.err.empty());  // --quiet wins over --verbose
  auto clean = lint(dir, {"ok.yaml", "-q"});
  CHECK(clean.exit_code == 0);
  CHECK(clean.out.empty());
}
