// kind: Policy end to end (SPEC-2 §D, docs/policies.md): each sample policy fires on a spec
// written to break it, at the deepest failing field, and stays silent on the samples; policy
// findings take part in severities, --fail-on, suppressions, SARIF, JUnit, GitHub, `aksc rules`
// and `aksc explain`; a pre-commit run reports them; a value too long for a pattern is named.
// The bad-policy cases (AKS008) are rule fixtures: tests/rules/AKS008/.
#include <string>

#include <fmt/format.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "../support/process.h"
#include "integration_support.h"

using aksc::test::contains;
using aksc::test::copy_samples;
using aksc::test::read_text;
using aksc::test::run_aksc;
using aksc::test::source_dir;
using aksc::test::TempDir;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// The project's policy findings in --format json, as "file:line:col ID message".
std::vector<std::string> policy_findings(const aksc::test::ProcessResult& run) {
  std::vector<std::string> found;
  const json report = json::parse(run.out);  // kept: the loop walks a part of it
  for (const json& finding : report["findings"]) {
    std::string rule = finding["rule"];
    if (rule.rfind("ORG-", 0) != 0) continue;
    found.push_back(fmt::format("{}:{}:{} {} {}", finding["file"].get<std::string>(),
                                finding["line"].get<int>(), finding["column"].get<int>(), rule,
                                finding["message"].get<std::string>()));
  }
  return found;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

// A project of the sample policies and one spec: `spec` is written as spec.yaml.
struct PolicyProject {
  TempDir dir;
  explicit PolicyProject(const std::string& spec) {
    fs::copy(source_dir() / "samples" / "policies", dir.path() / "policies",
             fs::copy_options::recursive);
    dir.write("aksc.yaml", "policies: [\"policies/*.yaml\"]\n");
    dir.write("spec.yaml", spec);
  }
  aksc::test::ProcessResult lint(std::vector<std::string> extra = {}) const {
    std::vector<std::string> args = {"lint", "--format", "json", "spec.yaml"};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_aksc(args, dir.path());
  }
};

std::string sample(const char* path) {
  return read_text(source_dir() / "samples" / path);
}

}  // namespace

TEST_CASE("each sample policy fires on a spec that breaks it, at the failing field") {
  const std::string v2 = sample("kubernetes/provision-gpu-internal.yaml");
  const std::string v1 = sample("nlp/private-provision.yaml");
  struct Case {
    std::string spec;
    std::string expected;
  };
  const Case cases[] = {
      {replaced(v1, "  location: westus2\n", "  location: westeurope\n"),
       "spec.yaml:12:13 ORG-REGION-001 workspaces and clusters must be in eastus, westus2 or "
       "westcentralus (workspace.location: failed to match against any enum values)"},
      {replaced(v1, "vm_size: Standard_D4s_v3", "vm_size: Standard_E4s_v3"),
       "spec.yaml:20:10 ORG-VM-001 nodes must use a D-series (v2 to v5) or an NCasT4_v3 size "
       "(vm_size: failed to match regex specified by 'pattern' constraint)"},
      {replaced(v1, "  type: internal ", "  type: public-ip"),
       "spec.yaml:26:9 ORG-NET-001 production clusters the platform provisions must use an "
       "internal load balancer (load_balancer.type: failed to match expected value set by "
       "'const' constraint)"},
      {replaced(v2, "    allow_insecure_connections: false\n",
                "    allow_insecure_connections: true\n"),
       "spec.yaml:40:33 ORG-TLS-001 production endpoints must serve HTTPS only, with a "
       "certificate for a contoso.com name (extension.inference.allow_insecure_connections: "
       "failed to match expected value set by 'const' constraint)"},
      {replaced(v2, "tags: {team: vision, gpu: t4}\n", ""),
       "spec.yaml:6:1 ORG-TAG-001 every compute needs a team tag naming the team that pays for "
       "it (the spec: missing required property 'tags')"},
      {replaced(v2, "  release_train: stable\n", "  release_train: preview\n"),
       "spec.yaml:34:18 ORG-EXT-001 the Azure ML extension must follow the stable release train "
       "(extension.release_train: failed to match expected value set by 'const' constraint)"},
  };
  for (const Case& each : cases) {
    INFO(each.expected);
    PolicyProject project(each.spec);
    CHECK(policy_findings(project.lint()) == std::vector<std::string>{each.expected});
  }
  PolicyProject clean(v2);
  CHECK(policy_findings(clean.lint()).empty());
}

TEST_CASE("the sample policies are silent on the clean samples and fire on the broken ones") {
  TempDir dir;
  copy_samples(dir.path() / "samples");
  auto run = run_aksc({"lint", "--format", "json", "samples"}, dir.path());
  for (const std::string& finding : policy_findings(run)) {
    INFO(finding);
    CHECK(finding.rfind("samples/broken/", 0) == 0);
  }
  CHECK(policy_findings(run).size() == 4);
  // A policy file in the walked tree is left to the policies: no AKS001/AKS002 from the walk.
  auto verbose = run_aksc({"lint", "--verbose", "samples"}, dir.path());
  CHECK(contains(verbose.err,
                 "samples/policies/tags.yaml: a policy file of samples/aksc.yaml "
                 "(policies:), checked as policies"));
}

TEST_CASE("policy findings take severities, --fail-on and suppressions like any finding") {
  std::string untagged = replaced(sample("kubernetes/provision-gpu-internal.yaml"),
                                  "tags: {team: vision, gpu: t4}\n", "");
  std::string preview = replaced(sample("kubernetes/provision-gpu-internal.yaml"),
                                 "  release_train: stable\n", "  release_train: preview\n");
  SECTION("the policy's severity, --fail-on, and aksc.yaml's override") {
    PolicyProject project(preview);
    auto run = project.lint();
    CHECK(run.exit_code == 0);  // ORG-EXT-001 is a warning
    CHECK(contains(run.out, "\"severity\": \"warning\""));
    CHECK(project.lint({"--fail-on", "warning"}).exit_code == 1);
    project.dir.write("aksc.yaml",
                      "policies: [\"policies/*.yaml\"]\nrules:\n  ORG-EXT-001: error\n");
    CHECK(project.lint().exit_code == 1);
    project.dir.write("aksc.yaml", "policies: [\"policies/*.yaml\"]\nrules:\n  ORG-EXT-001: off\n");
    CHECK(policy_findings(project.lint()).empty());
  }
  SECTION("inline and central suppressions with reasons") {
    PolicyProject project("# aksc-ignore-file ORG-TAG-001: the platform's own test cluster\n" +
                          untagged);
    auto run = project.lint();
    CHECK(run.exit_code == 0);
    CHECK(policy_findings(run).empty());
    CHECK(contains(run.out, "\"reason\": \"the platform's own test cluster\""));
    PolicyProject central(untagged);
    central.dir.write("aksc.yaml",
                      "policies: [\"policies/*.yaml\"]\nignore:\n  - paths: [\"spec.yaml\"]\n"
                      "    rules: [ORG-TAG-001]\n    reason: \"billed centrally\"\n");
    auto ignored = central.lint();
    CHECK(ignored.exit_code == 0);
    CHECK(contains(ignored.out, "\"reason\": \"billed centrally\""));
  }
  SECTION("naming a policy the project does not have is AKS005") {
    PolicyProject project("# aksc-ignore-file ORG-TAGS-001: a typo\n" + untagged);
    project.dir.write("aksc.yaml",
                      "policies: [\"policies/*.yaml\"]\nrules:\n  ORG-NETWORK-001: error\n");
    auto run = run_aksc({"lint", "spec.yaml"}, project.dir.path());
    CHECK(run.exit_code == 1);
    CHECK(contains(run.out,
                   "spec.yaml:1:1: warning: suppression names 'ORG-TAGS-001', which is "
                   "no policy of this project [AKS005]"));
    CHECK(contains(run.out,
                   "aksc.yaml:3:3: warning: 'ORG-NETWORK-001' is no policy of this "
                   "project (policies: of aksc.yaml) [AKS005]"));
    CHECK(contains(run.out, "[ORG-TAG-001]"));  // the suppression with a typo suppresses nothing
  }
}

TEST_CASE("policy findings in SARIF, JUnit and GitHub output") {
  PolicyProject project(replaced(sample("kubernetes/provision-gpu-internal.yaml"),
                                 "tags: {team: vision, gpu: t4}\n", ""));
  auto sarif = run_aksc({"lint", "--format", "sarif", "spec.yaml"}, project.dir.path());
  json run = json::parse(sarif.out)["runs"][0];
  json rule;
  for (const json& each : run["tool"]["driver"]["rules"])
    if (each["id"] == "ORG-TAG-001") rule = each;
  REQUIRE(rule.is_object());
  CHECK(rule["shortDescription"]["text"] == "Every compute names its owning team in a team tag");
  CHECK(rule["helpUri"] == "https://wiki.contoso.com/finance/chargeback");
  CHECK(rule["defaultConfiguration"]["level"] == "error");
  CHECK(rule["properties"]["documentation"] == "policies/tags.yaml");
  CHECK(contains(rule["help"]["text"], "'aksc explain ORG-TAG-001' prints it."));
  bool reported = false;
  for (const json& result : run["results"])
    reported = reported || (result["ruleId"] == "ORG-TAG-001" &&
                            run["tool"]["driver"]["rules"][result["ruleIndex"].get<int>()]["id"] ==
                                "ORG-TAG-001");
  CHECK(reported);
  auto junit = run_aksc({"lint", "--format", "junit", "spec.yaml"}, project.dir.path());
  CHECK(contains(junit.out, "[ORG-TAG-001]"));
  auto github = run_aksc({"lint", "--format", "github", "spec.yaml"}, project.dir.path());
  CHECK(contains(github.out, "::error file=spec.yaml,line=6,col=1,"));
  CHECK(contains(github.out, "title=ORG-TAG-001::every compute needs a team tag"));
}

TEST_CASE("aksc rules lists the project's policies with their file, aksc explain prints one") {
  TempDir dir;
  copy_samples(dir.path() / "samples");
  auto rules = run_aksc({"rules"}, dir.path() / "samples" / "vision");
  CHECK(rules.exit_code == 0);
  CHECK(contains(rules.out, "AKS101  error"));
  CHECK(contains(rules.out, "\npolicies of ../aksc.yaml:\n"));
  CHECK(contains(rules.out,
                 "ORG-NET-001     error    ../policies/internal-network.yaml:7  Production "
                 "clusters the platform provisions use an internal load balancer\n"));
  auto explain = run_aksc({"explain", "ORG-TLS-001"}, dir.path() / "samples");
  CHECK(explain.exit_code == 0);
  CHECK(contains(explain.out,
                 "# ORG-TLS-001: Production KubernetesCompute endpoints serve HTTPS "
                 "only, on a company name\n"));
  CHECK(contains(explain.out, "A policy of this project (aksc.yaml), in policies/tls.yaml:5."));
  CHECK(contains(explain.out, "- applies to: kinds KubernetesCompute; modes all\n"));
  CHECK(contains(explain.out, "- source: https://wiki.contoso.com/ml-platform/tls\n"));
  CHECK(contains(explain.out, "```yaml\napiVersion: aksc/v1\nkind: Policy\nid: ORG-TLS-001\n"));
  auto unknown = run_aksc({"explain", "ORG-TLS-01"}, dir.path() / "samples");
  CHECK(unknown.exit_code == 2);
  CHECK(contains(unknown.err, "no rule 'ORG-TLS-01' (did you mean 'ORG-TLS-001'?)"));
  auto with_config = run_aksc({"rules", "--config", "samples/aksc.yaml"}, dir.path());
  CHECK(contains(with_config.out, "ORG-TAG-001     error    samples/policies/tags.yaml:5 "));
  // A broken policy file: listed on stderr with its place, exit 1.
  dir.write("samples/policies/broken.yaml", "apiVersion: aksc/v1\nkind: Policy\nid: AKS999\n");
  auto broken = run_aksc({"rules"}, dir.path() / "samples");
  CHECK(broken.exit_code == 1);
  CHECK(contains(broken.err,
                 "policies/broken.yaml:1:1: error: missing required field 'message' "
                 "[AKS008]"));
}

TEST_CASE("aksc schema policy prints the policy schema for editors") {
  auto run = run_aksc({"schema", "policy"});
  CHECK(run.exit_code == 0);
  json schema = json::parse(run.out);
  CHECK(schema["title"] == "aksc organisation policy (kind: Policy)");
  CHECK(schema["properties"]["id"]["pattern"] == "^(?!AKS)[A-Z][A-Z0-9]*-[A-Z0-9-]+$");
  CHECK(run_aksc({"schema", "policies"}).exit_code == 2);
}

TEST_CASE("a pre-commit run reports the policies on the specs it names, and a broken policy") {
  PolicyProject project(replaced(sample("kubernetes/provision-gpu-internal.yaml"),
                                 "tags: {team: vision, gpu: t4}\n", ""));
  auto changed = run_aksc({"lint", "--specs-only", "spec.yaml"}, project.dir.path());
  CHECK(changed.exit_code == 1);
  CHECK(contains(changed.out, "[ORG-TAG-001]"));
  project.dir.write("policies/tags.yaml", "apiVersion: aksc/v1\nkind: Policy\nid: ORG-TAG-001\n");
  auto policy_only = run_aksc({"lint", "--specs-only", "policies/tags.yaml"}, project.dir.path());
  CHECK(policy_only.exit_code == 1);
  CHECK(contains(policy_only.out,
                 "policies/tags.yaml:1:1: error: missing required field 'title' "
                 "[AKS008]"));
}

TEST_CASE("a policy file over --max-file-size is AKS008, the other policies still run") {
  PolicyProject project(replaced(sample("kubernetes/provision-gpu-internal.yaml"),
                                 "tags: {team: vision, gpu: t4}\n", ""));
  project.dir.write("policies/big.yaml", "# " + std::string(200'000, 'x') + "\n");
  auto run = run_aksc({"lint", "--max-file-size", "100000", "spec.yaml"}, project.dir.path());
  CHECK(run.exit_code == 1);
  CHECK(contains(run.out, "policies/big.yaml:1:1: error: the policy file cannot be read: "));
  CHECK(contains(run.out, "[ORG-TAG-001]"));
}

TEST_CASE("a value too long for a policy's patterns is a finding, never a pass or a crash") {
  PolicyProject project(replaced(sample("kubernetes/provision-gpu-internal.yaml"),
                                 "tags: {team: vision, gpu: t4}",
                                 "tags: {team: " + std::string(300'000, 'v') + "}"));
  auto run = project.lint();
  CHECK(run.exit_code == 1);
  // Every policy with a pattern says so, at the tags, where the value is; no other policy does.
  const char* unchecked =
      " cannot be checked: tags.team is 300000 bytes long, and policy "
      "patterns are matched against values of up to 1024";
  CHECK(policy_findings(run) ==
        std::vector<std::string>{std::string("spec.yaml:17:7 ORG-TAG-001 ORG-TAG-001") + unchecked,
                                 std::string("spec.yaml:17:7 ORG-TLS-001 ORG-TLS-001") + unchecked,
                                 std::string("spec.yaml:17:7 ORG-VM-001 ORG-VM-001") + unchecked});
}

TEST_CASE("show --resolved prints what policies see, as YAML or JSON, the same data") {
  TempDir dir;
  copy_samples(dir.path() / "samples");
  fs::path samples = dir.path() / "samples";
  auto as_json =
      run_aksc({"show", "--resolved", "--format", "json", "nlp/attach-existing.yaml"}, samples);
  REQUIRE(as_json.exit_code == 0);
  json resolved = json::parse(as_json.out);
  CHECK(resolved["cluster"]["facts"]["location"] == "westcentralus");  // from facts_from
  CHECK(resolved["cluster"]["facts"]["node_pools"][0]["vm_size"] == "Standard_D4s_v3");
  CHECK(resolved["purpose"] == "production");
  auto defaults = json::parse(
      run_aksc({"show", "--resolved", "-f", "json", "kubernetes/attach-tls-secret.yaml"}, samples)
          .out);
  CHECK(defaults["extension"]["name"] == "azureml");  // defaulted
  CHECK(defaults["extension"]["install_volcano"] == true);
  auto as_yaml = run_aksc({"show", "--resolved", "nlp/attach-existing.yaml"}, samples);
  REQUIRE(as_yaml.exit_code == 0);
  CHECK(as_yaml.out.rfind(
            "# nlp/attach-existing.yaml:3:1\naccelerator: none\napiVersion: aksc/v1\n", 0) == 0);
  // The YAML reads back as the JSON: python3 is on every machine the tests run on.
  dir.write("resolved.yaml", as_yaml.out);
  auto back = aksc::test::run_process(
      {"python3", "-c",
       "import json,sys,yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))",
       (dir.path() / "resolved.yaml").string()});
  REQUIRE(back.exit_code == 0);
  CHECK(json::parse(back.out) == resolved);
  auto several = run_aksc({"show", "--resolved", "-f", "json", "vision"}, samples);
  CHECK(json::parse(several.out).size() == 2);
  CHECK(run_aksc({"show", "--resolved", "--facts", "vision"}, samples).exit_code == 2);
  CHECK(run_aksc({"show", "--resolved", "-f", "toml", "vision"}, samples).exit_code == 2);
  CHECK(run_aksc({"show", "vision"}, samples).exit_code == 2);
}

TEST_CASE("a policies: glob never lists or reads a folder outside the project") {
  TempDir outside;
  outside.write("secret-name.yaml", "apiVersion: aksc/v1\nkind: Policy\n");
  PolicyProject project(sample("kubernetes/provision-gpu-internal.yaml"));
  fs::create_directory_symlink(outside.path(), project.dir.path() / "linked");
  project.dir.write("aksc.yaml", "policies:\n  - \"/" + outside.path().relative_path().string() +
                                     "/*.yaml\"\n  - \"../" + outside.path().filename().string() +
                                     "/*.yaml\"\n  - \"linked/*.yaml\"\n");
  auto run = run_aksc({"lint", "spec.yaml"}, project.dir.path());
  CHECK(run.exit_code == 1);
  CHECK_FALSE(contains(run.out, "secret-name"));
  CHECK(contains(run.out, "aksc.yaml:2:5: error: policies: '/"));
  CHECK(contains(run.out, "is not read: it is an absolute path, outside the project [AKS007]"));
  CHECK(contains(run.out, "aksc.yaml:3:5: error: policies: '../"));
  CHECK(contains(run.out,
                 "aksc.yaml:4:5: error: policies: 'linked/*.yaml' is not read: it leads "
                 "outside the project through a symbolic link [AKS007]"));
}

TEST_CASE("a nested aksc.yaml adds policies for its folder, the top's still apply there") {
  TempDir dir;
  fs::copy(source_dir() / "samples" / "policies", dir.path() / "policies",
           fs::copy_options::recursive);
  dir.write("aksc.yaml", "policies: [\"policies/tags.yaml\"]\n");
  dir.write("team/aksc.yaml", "policies: [\"team-policies/*.yaml\"]\n");
  dir.write("team/team-policies/description.yaml",
            "apiVersion: aksc/v1\nkind: Policy\nid: TEAM-DOC-001\ntitle: A description\n"
            "severity: warning\nrequire: {required: [description]}\n"
            "message: \"say what the compute serves\"\n");
  std::string spec = replaced(sample("vision/dev-create.yaml"),
                              "description: \"model trials for the vision team\"\n", "");
  dir.write("top.yaml", spec);
  dir.write("team/spec.yaml", replaced(spec, "tags: {team: vision, env: dev}\n", ""));
  auto run = run_aksc({"lint", "--format", "json", "."}, dir.path());
  std::vector<std::string> found;
  const json report = json::parse(run.out);
  for (const json& finding : report["findings"]) {
    std::string rule = finding["rule"];
    if (rule.find('-') != std::string::npos)
      found.push_back(finding["file"].get<std::string>() + " " + rule);
  }
  CHECK(found ==
        std::vector<std::string>{"team/spec.yaml ORG-TAG-001", "team/spec.yaml TEAM-DOC-001"});
}

TEST_CASE("a policy file no aksc.yaml names, linted on its own, says so") {
  TempDir dir;
  fs::copy(source_dir() / "samples" / "policies" / "tags.yaml", dir.path() / "tags.yaml");
  auto run = run_aksc({"lint", "tags.yaml"}, dir.path());
  CHECK(run.exit_code == 2);
  CHECK(contains(run.err,
                 "tags.yaml: holds organisation policies (kind: Policy) but no aksc.yaml "
                 "above it names the file in policies:, so they are not checked"));
  auto verbose = run_aksc({"lint", "--verbose", "."}, dir.path());
  CHECK(contains(verbose.err,
                 "tags.yaml:3: document 1 is an organisation policy (kind: Policy), "
                 "read through aksc.yaml's policies:, skipped"));
}
