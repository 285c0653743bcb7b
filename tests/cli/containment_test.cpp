// A pull request's spec or aksc.yaml names files; none of them may lead aksc to read the rest of
// the CI runner (docs/security.md, AKS007). Each case fails on aksc 0.1.0, which opened the
// path and quoted what it found.
#include <unistd.h>

#include <filesystem>

#include <catch2/catch.hpp>

#include "../support/process.h"
#include "integration_support.h"
#include "spec_text.h"

namespace fs = std::filesystem;
using aksc::test::contains;
using aksc::test::create_spec;
using aksc::test::run_aksc;
using aksc::test::run_process;
using aksc::test::TempDir;

namespace {

// A secret only the environment holds: what /proc/self/environ would print.
constexpr const char* kSecret = "AKSC_TEST_SECRET=s3cr3t-token-1f9b";

aksc::test::ProcessResult lint_with_secret(const std::vector<std::string>& args,
                                           const fs::path& cwd) {
  std::vector<std::string> argv = {AKSC_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_process(argv, cwd, {kSecret});
}

// An attach spec whose cluster facts come from `facts_from`.
std::string attach_spec(const std::string& facts_from, const std::string& extra = "") {
  return "apiVersion: aksc/v1\n"
         "kind: AksCompute\n"
         "name: scoring\n"
         "mode: attach\n"
         "workspace:\n"
         "  name: ml-ws\n"
         "  resource_group: ml-rg\n"
         "  subscription_id: 0b1f6471-1bf0-4dda-aec3-cb9272f09590\n"
         "  location: eastus\n"
         "cluster:\n"
         "  resource_id: /subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/"
         "ml-rg/providers/Microsoft.ContainerService/managedClusters/scoring\n"
         "  facts_from: " +
         facts_from + "\n" + extra;
}

// A valid az aks show document, which 0.1.0 read silently from anywhere.
const char* kClusterJson = R"({
  "location": "eastus",
  "kubernetesVersion": "1.18.4",
  "agentPoolProfiles": [{"name": "pool", "mode": "System", "vmSize": "Standard_D4s_v3",
                         "count": 3}],
  "networkProfile": {"loadBalancerSku": "standard"},
  "apiServerAccessProfile": {"enablePrivateCluster": false}
})";

std::string all_output(const aksc::test::ProcessResult& result) {
  return result.out + result.err;
}

}  // namespace

TEST_CASE("containment: inventory /proc/self/environ is refused, no variable is printed") {
  TempDir dir;
  dir.write("aksc.yaml", "inventory: /proc/self/environ\n");
  dir.write("spec.yaml", create_spec());
  auto result = lint_with_secret({"lint", "--format", "json", "."}, dir.path());
  CHECK_FALSE(contains(all_output(result), "s3cr3t"));
  CHECK_FALSE(contains(all_output(result), "PATH="));
  CHECK(contains(result.out, "\"rule\": \"AKS007\""));
  CHECK(contains(result.out,
                 "inventory '/proc/self/environ' is not read: it is an absolute path, outside "
                 "the project"));
  CHECK(result.exit_code == 1);
}

TEST_CASE("containment: inventory /etc/passwd is refused at its line and column") {
  TempDir dir;
  dir.write("aksc.yaml", "# the team's config\ninventory: /etc/passwd\n");
  dir.write("spec.yaml", create_spec());
  auto result = run_aksc({"lint", "."}, dir.path());
  CHECK_FALSE(contains(all_output(result), "root:"));
  CHECK(contains(result.out,
                 "aksc.yaml:2:12: error: inventory '/etc/passwd' is not read: it is an absolute "
                 "path, outside the project [AKS007]"));
  CHECK(contains(result.out, "help: name a file inside the project, relative to aksc.yaml"));
  CHECK(result.exit_code == 1);
}

TEST_CASE("containment: facts_from through '..', absolute or a symlink is refused unread") {
  TempDir outside;
  outside.write("cluster.json", kClusterJson);
  TempDir dir;
  dir.write("aksc.yaml", "rules: {AKS203: off}\n");
  fs::create_symlink("/etc/passwd", dir.path() / "passwd-link.json");
  fs::create_symlink(outside.path() / "cluster.json", dir.path() / "cluster-link.json");
  std::string climb = "../../../../../../../../etc/passwd";
  dir.write("a.yaml", attach_spec(climb));
  dir.write("b.yaml", attach_spec("/etc/passwd"));
  dir.write("c.yaml", attach_spec("passwd-link.json"));
  dir.write("d.yaml", attach_spec((outside.path() / "cluster.json").string()));
  dir.write("e.yaml", attach_spec("cluster-link.json"));
  auto result = run_aksc({"lint", "."}, dir.path());
  std::string output = all_output(result);
  CHECK_FALSE(contains(output, "root:"));
  CHECK_FALSE(contains(output, "last read"));
  CHECK(contains(output, "a.yaml:12:15: error: cluster.facts_from '" + climb +
                             "' is not read: it leads outside the project [AKS007]"));
  CHECK(contains(output,
                 "b.yaml:12:15: error: cluster.facts_from '/etc/passwd' is not read: it is an "
                 "absolute path, outside the project [AKS007]"));
  CHECK(contains(output,
                 "c.yaml:12:15: error: cluster.facts_from 'passwd-link.json' is not read: it "
                 "leads outside the project through a symbolic link [AKS007]"));
  CHECK(
      contains(output, "d.yaml:12:15: error: cluster.facts_from '" +
                           (outside.path() / "cluster.json").string() +
                           "' is not read: it is an absolute path, outside the project [AKS007]"));
  CHECK(contains(output,
                 "e.yaml:12:15: error: cluster.facts_from 'cluster-link.json' is not read: it "
                 "leads outside the project through a symbolic link [AKS007]"));
  // Unread, so the facts are missing, as AKS506 says; AKS501 never saw the outside file's 1.18.
  CHECK_FALSE(contains(output, "1.18.4"));
  CHECK(result.exit_code == 1);
}

TEST_CASE("containment: certificate and key paths outside the project are refused") {
  TempDir dir;
  dir.write("aksc.yaml", "rules: {AKS203: off}\n");
  dir.write("spec.yaml", create_spec() +
                             "ssl:\n"
                             "  status: enabled\n"
                             "  cname: scoring.contoso.com\n"
                             "  cert_file: /etc/ssl/certs/ca-certificates.crt\n"
                             "  key_file: ../../etc/shadow\n");
  auto result = run_aksc({"lint", "."}, dir.path());
  CHECK(contains(result.out,
                 "spec.yaml:16:14: error: ssl.cert_file '/etc/ssl/certs/ca-certificates.crt' is "
                 "not read: it is an absolute path, outside the project [AKS007]"));
  CHECK(contains(result.out,
                 "spec.yaml:17:13: error: ssl.key_file '../../etc/shadow' is not read: it leads "
                 "outside the project [AKS007]"));
  CHECK(result.exit_code == 1);
}

TEST_CASE("containment: data overrides outside the project are refused") {
  TempDir outside;
  outside.write("sizes.csv", "name,vcpus\nStandard_Evil_v1,64\n");
  TempDir dir;
  dir.write("aksc.yaml", "data:\n  vm_sizes: " + (outside.path() / "sizes.csv").string() +
                             "\n  service_tags: ../../../../proc/self/environ\n");
  dir.write("spec.yaml", create_spec());
  auto result = lint_with_secret({"lint", "."}, dir.path());
  CHECK_FALSE(contains(all_output(result), "s3cr3t"));
  CHECK(contains(result.out, "aksc.yaml:2:13: error: data override 'vm_sizes' ('" +
                                 (outside.path() / "sizes.csv").string() +
                                 "') is not read: it is an absolute path, outside the project "
                                 "[AKS007]"));
  CHECK(contains(result.out,
                 "aksc.yaml:3:17: error: data override 'service_tags' "
                 "('../../../../proc/self/environ') is not read: it leads outside the project "
                 "[AKS007]"));
  CHECK(result.exit_code == 1);
}

TEST_CASE("containment: --allow-path admits a trusted folder, and nothing else") {
  TempDir secrets;
  secrets.write("cluster.json", kClusterJson);
  TempDir dir;
  dir.write("aksc.yaml", "rules: {AKS203: off}\n");
  dir.write("spec.yaml", attach_spec((secrets.path() / "cluster.json").string()));
  auto refused = run_aksc({"lint", "."}, dir.path());
  CHECK(contains(refused.out, "[AKS007]"));
  auto admitted = run_aksc({"lint", "--allow-path", secrets.path().string(), "."}, dir.path());
  CHECK_FALSE(contains(admitted.out, "[AKS007]"));
  // The file was read: its Kubernetes version is judged (AKS501 names it).
  CHECK(contains(admitted.out, "1.18.4"));
  auto missing = run_aksc({"lint", "--allow-path", "/no/such/folder", "."}, dir.path());
  CHECK(missing.exit_code == 2);
  CHECK(contains(missing.err, "--allow-path '/no/such/folder' is not an existing folder"));
}

TEST_CASE("containment: paths inside the project, also through inside symlinks, are read") {
  TempDir dir;
  dir.write("aksc.yaml", "rules: {AKS203: off}\n");
  dir.write("clusters/real.json", kClusterJson);
  fs::create_symlink("real.json", dir.path() / "clusters" / "link.json");
  dir.write("team/spec.yaml", attach_spec("../clusters/link.json"));
  auto result = run_aksc({"lint", "."}, dir.path());
  CHECK_FALSE(contains(result.out, "[AKS007]"));
  CHECK(contains(result.out, "1.18.4"));
}

TEST_CASE("containment: without aksc.yaml the project is the current folder") {
  TempDir dir;
  dir.write("clusters/real.json", kClusterJson);
  dir.write("team/spec.yaml", attach_spec("../clusters/real.json"));
  auto inside = run_aksc({"lint", "team/spec.yaml"}, dir.path());
  CHECK_FALSE(contains(inside.out, "[AKS007]"));
  // Run from team/, the current folder is the project: '..' leaves it.
  auto from_team = run_aksc({"lint", "spec.yaml"}, dir.path() / "team");
  CHECK(contains(from_team.out,
                 "spec.yaml:12:15: error: cluster.facts_from '../clusters/real.json' is not "
                 "read: it leads outside the project [AKS007]"));
}

TEST_CASE("containment: a text file read as an inventory is quoted by its first line only") {
  TempDir dir;
  dir.write("aksc.yaml", "inventory: notes.txt\n");
  dir.write("notes.txt",
            "root:x:0:0:root:/root:/bin/bash-and-a-very-long-line-that-goes-on-and-on-and-on\n"
            "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n");
  dir.write("spec.yaml", create_spec());
  auto result = run_aksc({"lint", "--format", "json", "."}, dir.path());
  CHECK_FALSE(contains(result.out, "daemon"));
  CHECK_FALSE(contains(result.out, "and-on-and-on"));
  CHECK(contains(result.out, "root:x:0:0:root:/root:/bin/bash-and-a-very-long-line-that-go..."));
}
