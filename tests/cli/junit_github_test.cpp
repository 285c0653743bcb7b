// --format junit (valid against ../shared/data/junit/jenkins-junit.xsd, checked with
// `xmllint --schema`) and --format github (workflow commands escaped as the Actions toolkit does).
#include <filesystem>
#include <regex>

#include <catch2/catch.hpp>

#include "integration_support.h"
#include "spec_text.h"

namespace fs = std::filesystem;
using aksc::test::contains;
using aksc::test::create_spec;
using aksc::test::run_aksc;
using aksc::test::run_process;
using aksc::test::TempDir;

namespace {

std::optional<fs::path> junit_xsd() {
  auto dir = aksc::test::shared_data_dir();
  if (!dir || !fs::exists(*dir / "junit" / "jenkins-junit.xsd")) return std::nullopt;
  return *dir / "junit" / "jenkins-junit.xsd";
}

bool have_xmllint() {
  return run_process({"sh", "-c", "command -v xmllint"}).exit_code == 0;
}

// Lints as JUnit and validates the report with xmllint against the Jenkins schema; returns it.
std::string lint_junit(const fs::path& dir, std::vector<std::string> args, int exit_code) {
  args.insert(args.begin(), {"lint", "--format", "junit"});
  auto result = run_aksc(args, dir);
  INFO(result.err);
  CHECK(result.exit_code == exit_code);
  TempDir scratch;
  fs::path report = scratch.write("report.xml", result.out);
  auto check =
      run_process({"xmllint", "--noout", "--schema", junit_xsd()->string(), report.string()});
  INFO("xmllint: " << check.err << "\nreport:\n" << result.out);
  CHECK(check.exit_code == 0);
  return result.out;
}

bool skip_without_xsd() {
  if (!junit_xsd()) {
    aksc::test::skip_test(
        "../shared/data/junit/jenkins-junit.xsd is absent: JUnit output not validated");
    return true;
  }
  if (!have_xmllint()) {
    aksc::test::skip_test("xmllint is not installed (scripts/setup.sh installs libxml2-utils)");
    return true;
  }
  return false;
}

int count(const std::string& text, const std::string& part) {
  int n = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1))
    ++n;
  return n;
}

}  // namespace

TEST_CASE("junit: the samples validate against the Jenkins JUnit schema") {
  if (skip_without_xsd()) return;
  std::string xml = lint_junit(aksc::test::source_dir() / "samples", {"."}, 1);
  // One testsuite per file, one testcase per spec, classname = file.
  CHECK(count(xml, "<testsuite ") == 8);
  CHECK(
      contains(xml, "<testsuite name=\"broken/several-findings.yaml\" tests=\"1\" failures=\"1\""));
  CHECK(contains(xml, "<testcase name=\"vision-prod\" classname=\"vision/prod-create.yaml\""));
  CHECK(contains(xml, "<failure type=\"AKS102\" message=\"compute name '"));
  CHECK(contains(xml, "broken/several-findings.yaml:5:7: error: compute name"));
}

TEST_CASE("junit: multi-document files, warnings, suppressions and escaping") {
  if (skip_without_xsd()) return;
  TempDir dir;
  // document 1: clean; document 2: no name (AKS101); document 3: a name with markup and a
  // control character (AKS103) and a warning (AKS005: unknown rule in a suppression).
  std::string unnamed = create_spec("first-one");
  unnamed.erase(unnamed.find("name: first-one\n"), 16);
  dir.write("multi.yaml", create_spec("first-one") + "---\n" + unnamed + "---\n" +
                              create_spec("\"bad<&>\\\"\\u0001name\"  # aksc-ignore AKS999: nope"));
  dir.write("broken.yaml", "apiVersion: aksc/v1\nkind: [unclosed\n");
  dir.write("aksc.yaml", aksc::test::kV1NoteOff);  // document 1 stays clean
  std::string xml = lint_junit(dir.path(), {"."}, 1);
  CHECK(contains(xml, "<testcase name=\"first-one\" classname=\"multi.yaml\" time=\"0\"/>"));
  CHECK(contains(xml, "<testcase name=\"document 2\" classname=\"multi.yaml\""));
  CHECK(contains(xml, "bad&lt;&amp;&gt;&quot;\\x01name"));  // the control shown, not dropped
  CHECK_FALSE(contains(xml, "\x01"));
  CHECK(contains(xml, "<system-out>"));  // the AKS005 warning
  CHECK(contains(xml, "[AKS005]"));
  CHECK(contains(xml, "<testcase name=\"(whole file)\" classname=\"broken.yaml\""));
  CHECK(contains(xml, "type=\"AKS001\""));

  SECTION("--fail-on decides what is a failure") {
    TempDir warn;
    warn.write("w.yaml", create_spec("vision-dev  # aksc-ignore AKS999: no such rule"));
    std::string passing = lint_junit(warn.path(), {"."}, 0);
    CHECK(contains(passing, "failures=\"0\""));
    std::string failing = lint_junit(warn.path(), {".", "--fail-on", "warning"}, 1);
    CHECK(contains(failing, "<failure type=\"AKS005\""));
  }
}

TEST_CASE("github: workflow commands with file, line, col and title") {
  auto result = run_aksc({"lint", "--format", "github", "broken/several-findings.yaml"},
                         aksc::test::source_dir() / "samples");
  CHECK(result.exit_code == 1);
  CHECK(contains(result.out,
                 "::error file=broken/several-findings.yaml,line=5,col=7,endLine=5,endColumn=42,"
                 "title=AKS102 name-length::compute name '9-very-long-compute-name-for-vision' "
                 "is 35 characters long; Azure ML allows 3 to 24 [AKS102]%0Ahelp: shorten it by "
                 "11 or more characters\n"));
  std::regex command(
      R"(^::(error|warning|notice) file=[^,:]+(,line=\d+,col=\d+(,endLine=\d+,endColumn=\d+)?)?,title=[^,:]+::[^\n\r]*$)");
  std::istringstream lines(result.out);
  int commands = 0;
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("::", 0) != 0) continue;
    ++commands;
    INFO(line);
    CHECK(std::regex_match(line, command));
  }
  CHECK(commands == 7);  // 6 errors (one of them ORG-TAG-001, a sample policy) and AKS816's note
  CHECK(contains(result.out, "6 errors, 0 warnings, 1 note in 1 spec (1 file)\n"));
  auto quiet = run_aksc({"lint", "--format", "github", "--quiet", "broken/several-findings.yaml"},
                        aksc::test::source_dir() / "samples");
  CHECK_FALSE(contains(quiet.out, "in 1 spec"));
}

TEST_CASE("github: properties and data are escaped, warnings and notes have their commands") {
  TempDir dir;
  dir.write("a,b:c%.yaml", create_spec("x") + "vm_size: Standard_D4_v2\n");
  dir.write("w.yaml", create_spec("vision-dev  # aksc-ignore AKS999: 50% sure\r"));
  auto result = run_aksc({"lint", "--format", "github", "."}, dir.path());
  CHECK(contains(result.out, "::error file=a%2Cb%3Ac%25.yaml,line=3,col=7,"));
  CHECK(contains(result.out, "%0Aa,b:c%25.yaml:12:1: note: "));  // related place, in the data
  CHECK(contains(result.out, "::warning file=w.yaml,line=3,"));
  CHECK_FALSE(contains(result.out, "\r"));
}
