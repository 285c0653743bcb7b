// plan_build: which specs build, which are refused and why, and where their files go.
#include <catch2/catch.hpp>

#include "driver/build.h"
#include "lowered_spec.h"

using aksc::BuildPlan;
using aksc::BuildRequest;
using aksc::Finding;
using aksc::LintResult;
using aksc::Severity;

namespace {

std::string spec_text(const std::string& name, const std::string& workspace = "ml-ws") {
  return "apiVersion: aksc/v1\nkind: AksCompute\nname: " + name +
         "\nmode: create\nworkspace:\n  name: " + workspace +
         "\n  resource_group: ml-rg\n  subscription_id: 0b1f6471-1bf0-4dda-aec3-cb9272f09590\n"
         "  location: eastus\n";
}

Finding finding_at(const std::string& file, int line, Severity severity = Severity::kError) {
  Finding finding;
  finding.rule = "AKS102";
  finding.severity = severity;
  finding.location.file = file;
  finding.location.range.begin = {line, 1};
  return finding;
}

BuildRequest request() {
  BuildRequest request;
  request.out_dir = "out";
  return request;
}

}  // namespace

TEST_CASE("plan_build: each clean spec gives its folder's files in a fixed order", "[build]") {
  LintResult lint;
  lint.specs.push_back(aksc::test::lowered_spec(spec_text("first-aks"), "a.yaml"));
  BuildPlan plan = aksc::plan_build(lint, request());
  CHECK(plan.refusals.empty());
  CHECK(plan.built == std::vector<std::string>{"ml-ws/first-aks"});
  REQUIRE(plan.files.size() == 3);
  CHECK(plan.files[0].path == "out/ml-ws/first-aks/azuredeploy.json");
  CHECK(plan.files[1].path == "out/ml-ws/first-aks/azuredeploy.parameters.json");
  CHECK(plan.files[2].path == "out/ml-ws/first-aks/deploy.sh");
  CHECK(plan.files[2].executable);
}

TEST_CASE("plan_build: an error refuses the document it is in, not its neighbours", "[build]") {
  LintResult lint;
  lint.specs.push_back(aksc::test::lowered_spec(spec_text("first-aks"), "two.yaml"));
  lint.specs.push_back(aksc::test::lowered_spec(spec_text("second-aks"), "two.yaml"));
  lint.specs[1].document = 1;
  lint.specs[1].range.begin = {12, 1};
  lint.findings.push_back(finding_at("two.yaml", 14));
  lint.findings.push_back(finding_at("two.yaml", 3, Severity::kWarning));  // warnings do not block
  Finding suppressed = finding_at("two.yaml", 4);
  suppressed.suppressed_because = "known";
  lint.findings.push_back(suppressed);
  BuildPlan plan = aksc::plan_build(lint, request());
  CHECK(plan.built == std::vector<std::string>{"ml-ws/first-aks"});
  CHECK(plan.refusals == std::vector<std::string>{
                             "two.yaml: compute 'second-aks' has 1 error, so nothing is built for "
                             "it ('aksc lint two.yaml' shows them)"});
}

TEST_CASE("plan_build: an error outside every spec refuses everything", "[build]") {
  LintResult lint;
  lint.specs.push_back(aksc::test::lowered_spec(spec_text("first-aks"), "a.yaml"));
  lint.findings.push_back(finding_at("aksc.yaml", 2));
  BuildPlan plan = aksc::plan_build(lint, request());
  CHECK(plan.files.empty());
  CHECK(plan.refusals ==
        std::vector<std::string>{"aksc.yaml has 1 error, so nothing is built until they are fixed "
                                 "('aksc lint' shows them)"});
}

TEST_CASE("plan_build: specs that would share a folder are all refused", "[build]") {
  LintResult lint;
  lint.specs.push_back(aksc::test::lowered_spec(spec_text("same-aks"), "a.yaml"));
  lint.specs.push_back(aksc::test::lowered_spec(spec_text("SAME-aks", "ML-WS"), "b.yaml"));
  lint.specs.push_back(aksc::test::lowered_spec(spec_text("other-aks"), "c.yaml"));
  BuildPlan plan = aksc::plan_build(lint, request());
  CHECK(plan.built == std::vector<std::string>{"ml-ws/other-aks"});
  CHECK(plan.refusals ==
        std::vector<std::string>{
            "a.yaml: compute 'same-aks' cannot be built: 2 specs would write the same folder "
            "ml-ws/same-aks (a.yaml, b.yaml)",
            "b.yaml: compute 'SAME-aks' cannot be built: 2 specs would write the same folder "
            "ML-WS/SAME-aks (a.yaml, b.yaml)"});
}

TEST_CASE("plan_build: a name that cannot be a folder is refused with the reason", "[build]") {
  LintResult lint;
  lint.specs.push_back(aksc::test::lowered_spec(spec_text("ok-aks", "\"../up\""), "a.yaml"));
  BuildPlan plan = aksc::plan_build(lint, request());
  CHECK(plan.files.empty());
  CHECK(plan.refusals ==
        std::vector<std::string>{"a.yaml: compute 'ok-aks' cannot be built: workspace name '../up' "
                                 "cannot be a folder name: it starts with '.'"});
}
