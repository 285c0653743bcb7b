// `aksc build` end to end: the artifact tree per mode and target, refusal of specs with errors,
// --check, byte-identical output, folder names that would leave OUTDIR, and unwritable output.
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "../support/process.h"
#include "integration_support.h"
#include "spec_text.h"

namespace fs = std::filesystem;
using aksc::test::create_spec;
using aksc::test::run_aksc;
using aksc::test::run_process;
using aksc::test::TempDir;

using aksc::test::contains;
using aksc::test::read_text;
using aksc::test::tree;

namespace {

const std::string kWorkspace =
    "workspace:\n"
    "  name: ml-ws\n"
    "  resource_group: ml-rg\n"
    "  subscription_id: 0b1f6471-1bf0-4dda-aec3-cb9272f09590\n"
    "  location: eastus\n";

std::string attach_spec(const std::string& name = "attached-aks") {
  return "apiVersion: aksc/v1\nkind: AksCompute\nname: " + name + "\nmode: attach\n" + kWorkspace +
         "purpose: dev-test\n"
         "cluster:\n"
         "  resource_group: aks-rg\n"
         "  name: existing-aks\n"
         "  facts: {kubernetes_version: \"1.35.0\", location: eastus}\n"
         "reattach: true\n";
}

std::string provision_spec(const std::string& name = "private-aks") {
  return "apiVersion: aksc/v1\nkind: AksCompute\nname: " + name + "\nmode: provision-and-attach\n" +
         kWorkspace +
         "purpose: dev-test\n"
         "kubernetes_version: \"1.35\"\n"
         "private_cluster: true\n";
}

std::string workspace_named(const std::string& yaml_name) {
  std::string spec = create_spec();
  std::string from = "  name: ml-ws\n";
  return spec.replace(spec.find(from), from.size(), "  name: " + yaml_name + "\n");
}

}  // namespace

TEST_CASE("build writes the three artifacts of each compute under OUTDIR/<workspace>/<name>") {
  TempDir dir;
  dir.write("specs/create.yaml", create_spec());
  dir.write("specs/attach.yaml", attach_spec());
  dir.write("specs/provision.yaml", provision_spec());
  auto result = run_aksc({"build", "specs", "-o", "out"}, dir.path());
  INFO(result.err);
  CHECK(result.exit_code == 0);
  // The attach spec reattaches without an inventory: build says whom deploy.sh detaches.
  CHECK(result.err ==
        "aksc: note: specs/attach.yaml: compute 'attached-aks': reattach detaches "
        "'attached-aks' (its own name): no inventory records which compute holds the AKS "
        "cluster; delete the azureml-fe resources on the cluster before the attach step\n");
  CHECK(contains(result.out, "wrote out/ml-ws/vision-dev/azuredeploy.json\n"));
  CHECK(contains(result.out, "built 3 computes into out: 9 files written, 0 unchanged\n"));
  for (const char* name : {"vision-dev", "attached-aks", "private-aks"}) {
    fs::path folder = dir.path() / "out" / "ml-ws" / name;
    CHECK(fs::is_regular_file(folder / "azuredeploy.json"));
    CHECK(fs::is_regular_file(folder / "azuredeploy.parameters.json"));
    CHECK(fs::is_regular_file(folder / "deploy.sh"));
    auto perms = fs::status(folder / "deploy.sh").permissions();
    CHECK((perms & fs::perms::owner_exec) != fs::perms::none);
  }
  auto provision = nlohmann::json::parse(
      read_text(dir.path() / "out" / "ml-ws" / "private-aks" / "azuredeploy.json"));
  CHECK(provision["resources"][0]["type"] == "Microsoft.ContainerService/managedClusters");
  CHECK(provision["resources"][1]["dependsOn"].size() == 1);
  std::string attach = read_text(dir.path() / "out" / "ml-ws" / "attached-aks" / "deploy.sh");
  CHECK(contains(attach, "# Step 1: detach compute 'attached-aks'"));
  CHECK(contains(attach, "cluster_id=$(az aks show"));
  CHECK(contains(attach, "\"resourceId\": '\"$cluster_id_json\"'"));
}

TEST_CASE("build --target arm or az writes only that back-end's files") {
  TempDir dir;
  dir.write("a.yaml", create_spec());
  CHECK(run_aksc({"build", "a.yaml", "-o", "arm", "--target", "arm"}, dir.path()).exit_code == 0);
  CHECK(run_aksc({"build", "a.yaml", "-o", "az", "--target", "az"}, dir.path()).exit_code == 0);
  auto arm = tree(dir.path() / "arm");
  auto az = tree(dir.path() / "az");
  CHECK(arm.size() == 2);
  CHECK(arm.count("ml-ws/vision-dev/azuredeploy.json") == 1);
  CHECK(arm.count("ml-ws/vision-dev/azuredeploy.parameters.json") == 1);
  CHECK(az.size() == 1);
  CHECK(az.count("ml-ws/vision-dev/deploy.sh") == 1);
}

TEST_CASE("build refuses specs with errors, writes nothing for them and says which") {
  TempDir dir;
  dir.write("specs/good.yaml", create_spec());
  dir.write("specs/bad.yaml", create_spec("x"));  // AKS102: too short
  auto result = run_aksc({"build", "specs", "-o", "out"}, dir.path());
  CHECK(result.exit_code == 1);
  CHECK(contains(result.err,
                 "aksc: error: specs/bad.yaml: compute 'x' has 1 error, so nothing is built for "
                 "it ('aksc lint specs/bad.yaml' shows them)\n"));
  CHECK_FALSE(fs::exists(dir.path() / "out" / "ml-ws" / "x"));
  CHECK(fs::exists(dir.path() / "out" / "ml-ws" / "vision-dev" / "deploy.sh"));
}

TEST_CASE("build refuses only the document with errors of a multi-document file") {
  TempDir dir;
  // "2" is too short (AKS102) and starts with a digit (AKS104).
  dir.write("two.yaml", create_spec("first-aks") + "---\n" + create_spec("\"2\""));
  auto result = run_aksc({"build", "two.yaml", "-o", "out"}, dir.path());
  CHECK(result.exit_code == 1);
  CHECK(contains(result.err, "two.yaml: compute '2' has 2 errors"));
  CHECK(fs::exists(dir.path() / "out" / "ml-ws" / "first-aks" / "deploy.sh"));
  CHECK_FALSE(fs::exists(dir.path() / "out" / "ml-ws" / "2nd"));
}

TEST_CASE("build --check exits 0 when current, 1 listing what differs or is missing") {
  TempDir dir;
  dir.write("a.yaml", create_spec());
  dir.write("b.yaml", attach_spec());
  REQUIRE(run_aksc({"build", ".", "-o", "out"}, dir.path()).exit_code == 0);
  auto before = tree(dir.path() / "out");

  auto current = run_aksc({"build", ".", "-o", "out", "--check"}, dir.path());
  CHECK(current.exit_code == 0);
  CHECK(current.out == "6 of 6 files in out are up to date\n");

  std::ofstream(dir.path() / "out/ml-ws/vision-dev/deploy.sh", std::ios::app) << "# edited\n";
  fs::remove(dir.path() / "out/ml-ws/attached-aks/azuredeploy.json");
  auto stale = run_aksc({"build", ".", "-o", "out", "--check"}, dir.path());
  CHECK(stale.exit_code == 1);
  CHECK(stale.out ==
        "missing: out/ml-ws/attached-aks/azuredeploy.json\n"
        "differs: out/ml-ws/vision-dev/deploy.sh\n"
        "4 of 6 files in out are up to date\n");
  CHECK_FALSE(fs::exists(dir.path() / "out/ml-ws/attached-aks/azuredeploy.json"));  // wrote nothing

  auto missing = run_aksc({"build", ".", "-o", "nowhere", "--check"}, dir.path());
  CHECK(missing.exit_code == 1);
  CHECK_FALSE(fs::exists(dir.path() / "nowhere"));
}

TEST_CASE("build output is byte-identical across runs and folders, a rebuild touches nothing") {
  TempDir dir;
  dir.write("specs/a.yaml", create_spec());
  dir.write("specs/b.yaml", attach_spec());
  dir.write("specs/c.yaml", provision_spec());
  REQUIRE(run_aksc({"build", "specs", "-o", "one"}, dir.path()).exit_code == 0);
  REQUIRE(run_aksc({"build", "specs", "-o", "two"}, dir.path()).exit_code == 0);
  CHECK(tree(dir.path() / "one") == tree(dir.path() / "two"));
  // From another current folder, with absolute paths: the same bytes.
  auto absolute =
      run_aksc({"build", (dir.path() / "specs").string(), "-o", (dir.path() / "three").string()},
               fs::temp_directory_path());
  REQUIRE(absolute.exit_code == 0);
  CHECK(tree(dir.path() / "one") == tree(dir.path() / "three"));
  auto again = run_aksc({"build", "specs", "-o", "one"}, dir.path());
  CHECK(again.out == "built 3 computes into one: 0 files written, 9 unchanged\n");
}

TEST_CASE("names that would leave OUTDIR or hide in it are refused, nothing written outside") {
  for (const char* name : {"\"../../escaped\"", "\"..\"", "\".\"", "\"a/b\"", "\"/etc\"",
                           "\".git\"", "\"back\\\\slash\"", "\"tab\\there\"", "\"nul\\0byte\""}) {
    INFO("workspace name " << name);
    TempDir dir;
    dir.write("specs/evil.yaml", workspace_named(name));
    // AKS107 refuses these names first; with it off, build itself still does.
    dir.write("aksc.yaml", "rules:\n  AKS107: 'off'\n");
    auto result = run_aksc({"build", "specs", "-o", "a/b/out"}, dir.path());
    CHECK(result.exit_code == 1);
    CHECK(contains(result.err,
                   "aksc: error: specs/evil.yaml: compute 'vision-dev' cannot be "
                   "built"));
    std::map<std::string, std::string> everything = tree(dir.path());
    CHECK(everything.size() == 2);  // only the spec and aksc.yaml
  }
}

TEST_CASE("a spec whose name clashes in the workspace is refused, the first one is built") {
  TempDir dir;
  dir.write("a.yaml", create_spec());
  dir.write("b.yaml", create_spec("VISION-dev"));  // Azure names ignore case
  auto result = run_aksc({"build", ".", "-o", "out"}, dir.path());
  CHECK(result.exit_code == 1);
  // AKS105 (name unique in the workspace) reports the second spec, so build refuses it; build's
  // own guard against two specs writing one folder is the backstop
  // (tests/unit/build_plan_test.cpp).
  CHECK(contains(result.err, "aksc: error: b.yaml: compute 'VISION-dev' has 1 error"));
  auto written = tree(dir.path() / "out");
  CHECK(written.size() == 3);
  CHECK(written.count("ml-ws/vision-dev/deploy.sh") == 1);
}

TEST_CASE("deploy.sh runs no spec value as shell: a fake az receives each value verbatim") {
  TempDir dir;
  std::string spec = workspace_named("\"ws'; touch pwned1; echo '$(touch pwned2)`touch pwned3`\"");
  // AKS107 refuses such a workspace name; with it off, deploy.sh must still quote it.
  dir.write("aksc.yaml", "rules:\n  AKS107: 'off'\n");
  spec += "load_balancer:\n  subnet: \"lb\\nsubnet; touch pwned4 #*\"\n";
  dir.write("specs/nasty.yaml", spec);
  REQUIRE(run_aksc({"build", "specs", "-o", "out"}, dir.path()).exit_code == 0);
  fs::path fake = dir.write("bin/az", aksc::test::kFakeAz);
  fs::permissions(fake, fs::perms::owner_all);
  fs::path script;
  for (const auto& entry : fs::recursive_directory_iterator(dir.path() / "out")) {
    if (entry.path().filename() == "deploy.sh") script = entry.path();
  }
  REQUIRE_FALSE(script.empty());
  auto run = run_process({"bash", script.string()}, dir.path(),
                         {"PATH=" + (dir.path() / "bin").string() + ":/usr/bin:/bin",
                          "AZ_LOG=" + (dir.path() / "az.log").string(),
                          "AZ_BODY=" + (dir.path() / "body.json").string()});
  INFO(run.err);
  CHECK(run.exit_code == 0);
  // The workspace name reaches az percent-encoded in the compute's URL, the subnet in the body.
  std::string log = read_text(dir.path() / "az.log");
  CHECK(contains(log,
                 "/workspaces/ws%27%3B%20touch%20pwned1%3B%20echo%20%27%24%28touch%20"
                 "pwned2%29%60touch%20pwned3%60/computes/"));
  auto body = nlohmann::json::parse(read_text(dir.path() / "body.json"));
  CHECK(body["properties"]["properties"]["loadBalancerSubnet"] == "lb\nsubnet; touch pwned4 #*");
  for (const char* pwned : {"pwned1", "pwned2", "pwned3", "pwned4"}) {
    CHECK_FALSE(fs::exists(dir.path() / pwned));
    CHECK_FALSE(fs::exists(script.parent_path() / pwned));
  }
}

TEST_CASE("build without -o, or with an unknown target, is a usage error (exit 2)") {
  TempDir dir;
  dir.write("a.yaml", create_spec());
  auto no_out = run_aksc({"build", "a.yaml"}, dir.path());
  CHECK(no_out.exit_code == 2);
  CHECK(contains(no_out.err, "build needs an output folder: -o OUTDIR"));
  auto bad_target = run_aksc({"build", "a.yaml", "-o", "out", "--target", "bicep"}, dir.path());
  CHECK(bad_target.exit_code == 2);
  CHECK(contains(bad_target.err, "--target must be arm, az, cli or all, not 'bicep'"));
  CHECK_FALSE(fs::exists(dir.path() / "out"));
}

TEST_CASE("an OUTDIR that is a file is an error (exit 2)") {
  TempDir dir;
  dir.write("a.yaml", create_spec());
  dir.write("out", "not a folder");
  auto result = run_aksc({"build", "a.yaml", "-o", "out"}, dir.path());
  CHECK(result.exit_code == 2);
  CHECK(contains(result.err, "aksc: error: out: is not a folder\n"));
}

TEST_CASE("a read-only OUTDIR is an error (exit 2) and the old artifacts stay whole") {
  TempDir dir;
  dir.write("a.yaml", create_spec());
  REQUIRE(run_aksc({"build", "a.yaml", "-o", "out"}, dir.path()).exit_code == 0);
  auto old_files = tree(dir.path() / "out");
  fs::path folder = dir.path() / "out" / "ml-ws" / "vision-dev";
  chmod(folder.c_str(), 0555);
  chmod((dir.path() / "out").c_str(), 0555);
  if (geteuid() == 0) {
    WARN("running as root, which writes anywhere: read-only OUTDIR case not exercised");
    return;
  }
  dir.write("a.yaml", create_spec() + "description: changed\n");
  auto changed = run_aksc({"build", "a.yaml", "-o", "out"}, dir.path());
  CHECK(changed.exit_code == 2);
  CHECK(contains(changed.err,
                 "aksc: error: cannot write out/ml-ws/vision-dev/azuredeploy.json: "
                 "Permission denied\n"));
  CHECK(tree(dir.path() / "out") == old_files);  // no half-written file, no temporary left

  dir.write("b.yaml", attach_spec());
  auto fresh = run_aksc({"build", "b.yaml", "-o", "out"}, dir.path());
  CHECK(fresh.exit_code == 2);
  CHECK(contains(fresh.err, "aksc: error: cannot create folder out/ml-ws/attached-aks: "));
}

TEST_CASE("build of the clean samples succeeds, build of all samples refuses samples/broken") {
  TempDir dir;
  auto clean = run_aksc({"build", (aksc::test::source_dir() / "samples/kubernetes").string(),
                         (aksc::test::source_dir() / "samples/vision").string(),
                         (aksc::test::source_dir() / "samples/nlp").string(), "-o",
                         (dir.path() / "out").string()});
  CHECK(clean.exit_code == 0);
  // A folder per compute: the two KubernetesCompute samples and the four AksCompute ones.
  for (const char* compute :
       {"vision-ws/vision-scoring", "vision-ws/vision-gpu", "vision-ws/vision-prod",
        "vision-ws/vision-dev", "nlp-ws/nlp-aks", "nlp-ws/nlp-private"}) {
    INFO(compute);
    CHECK(fs::is_regular_file(dir.path() / "out" / compute / "deploy.sh"));
  }
  auto all =
      run_aksc({"build", "samples", "-o", (dir.path() / "all").string()}, aksc::test::source_dir());
  CHECK(all.exit_code == 1);
  CHECK(contains(all.err,
                 "samples/broken/several-findings.yaml: compute "
                 "'9-very-long-compute-name-for-vision' has 6 errors"));
  CHECK(tree(dir.path() / "all") == tree(dir.path() / "out"));
}
