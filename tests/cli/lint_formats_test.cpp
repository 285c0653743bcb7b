// The output formats of `aksc lint` come from one table (cli/lint_formats.cpp): the binary
// accepts and tells apart every format of it, and the docs name every one, in its order. The
// bash completion is held to it in install_test.cpp.
#include <set>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "cli/lint_formats.h"
#include "integration_support.h"
#include "spec_text.h"

using aksc::cli::lint_formats;
using aksc::cli::LintFormat;
using aksc::test::contains;
using aksc::test::read_text;
using aksc::test::run_aksc;
using aksc::test::source_dir;
using aksc::test::TempDir;

namespace {

// The names of the formats, joined by `separator`: "text|json|...".
std::string joined_names(const std::string& separator) {
  std::string joined;
  for (const LintFormat& format : lint_formats())
    joined += (joined.empty() ? "" : separator) + std::string(format.name);
  return joined;
}

}  // namespace

TEST_CASE("lint formats: each one of the table runs and prints its own output") {
  REQUIRE(lint_formats().size() >= 5);
  CHECK(lint_formats()[0].name == "text");  // the default, as --help says
  TempDir dir;
  dir.write("spec.yaml", aksc::test::create_spec("x"));  // too short a name: a finding
  std::set<std::string> outputs;
  for (const LintFormat& format : lint_formats()) {
    INFO(format.name);
    auto result = run_aksc({"lint", "--format", std::string(format.name), "spec.yaml"}, dir.path());
    CHECK(result.exit_code == 1);
    CHECK(result.err.empty());
    CHECK(outputs.insert(result.out).second);  // no two formats print the same
  }
  CHECK(run_aksc({"lint", "spec.yaml"}, dir.path()).out ==
        run_aksc({"lint", "--format", "text", "spec.yaml"}, dir.path()).out);
}

TEST_CASE("lint formats: an unknown one is refused with the list of the table") {
  auto result = run_aksc({"lint", "--format", "yaml"});
  CHECK(result.exit_code == 2);
  std::vector<std::string> names;
  for (const LintFormat& format : lint_formats())
    names.emplace_back(format.name);
  std::string last = names.back();
  names.pop_back();
  std::string list;
  for (const std::string& name : names)
    list += name + ", ";
  list = list.substr(0, list.size() - 2) + " or " + last;
  CHECK(contains(result.err, "aksc: error: --format must be " + list + ", not 'yaml'\n"));
}

TEST_CASE("lint formats: the README, docs/spec.md and the man page name every one") {
  std::string readme = read_text(source_dir() / "README.md");
  CHECK(contains(readme, "[--format " + joined_names("|") + "]"));
  std::string spec = read_text(source_dir() / "docs" / "spec.md");
  CHECK(contains(spec, "[--format " + joined_names("|") + "]"));
  std::string man = read_text(source_dir() / "docs" / "aksc.1");
  CHECK(contains(man, "\\-\\-format\n.IR " + joined_names(" | ") + " ]\n"));
  auto formats = readme.substr(readme.find("Output formats (`--format`):"));
  for (const LintFormat& format : lint_formats()) {
    std::string name(format.name);
    INFO(name);
    CHECK(contains(formats, "\n- `" + name + "`"));
    CHECK((contains(man, "\n.B " + name + "\n") || contains(man, "\n.BR " + name + " :\n")));
  }
}
