// aksc show --facts: the facts each spec resolved, after the facts_from merge, with where each
// came from; deterministic; usage errors.
#include <string>

#include <catch2/catch.hpp>

#include "../support/process.h"
#include "integration_support.h"
#include "spec_text.h"

using aksc::test::contains;
using aksc::test::create_spec;
using aksc::test::run_aksc;
using aksc::test::TempDir;

namespace {

const char* kAttachSpec =
    "apiVersion: aksc/v1\n"
    "kind: AksCompute\n"
    "name: nlp-attach\n"
    "mode: attach\n"
    "workspace:\n"
    "  name: nlp-ws\n"
    "  resource_group: nlp-rg\n"
    "  subscription_id: 0b1f6471-1bf0-4dda-aec3-cb9272f09590\n"
    "  location: westus2\n"
    "purpose: production\n"
    "cluster:\n"
    "  resource_group: nlp-rg\n"
    "  name: nlp-aks\n"
    "  facts_from: clusters/nlp-aks.json\n"
    "  facts:\n"
    "    location: westus2\n"
    "accelerator: none\n";

// The ARM resource as GET returns it: authorizedIPRanges with a capital IP, the version that
// runs beside the alias asked for, and a null networkProfile.
const char* kArmCluster = R"({
  "type": "Microsoft.ContainerService/ManagedClusters",
  "location": "eastus",
  "properties": {
    "kubernetesVersion": "1.17",
    "currentKubernetesVersion": "1.17.9",
    "agentPoolProfiles": [
      {"name": "system", "mode": "System", "vmSize": "Standard_D4s_v3", "count": 3},
      {"name": "gpu", "mode": "User", "vmSize": "Standard_NC6s_v3", "count": -1}
    ],
    "networkProfile": null,
    "apiServerAccessProfile": {"authorizedIPRanges": ["20.42.0.0/24", "203.0.113.0/24"],
                               "enablePrivateCluster": false}
  }
})";

}  // namespace

TEST_CASE("show --facts prints what each spec resolved, and where each fact came from") {
  TempDir dir;
  dir.write("specs/attach.yaml", kAttachSpec);
  dir.write("specs/clusters/nlp-aks.json", kArmCluster);
  dir.write("specs/create.yaml", create_spec());
  auto result = run_aksc({"show", "--facts", "specs"}, dir.path());
  CHECK(result.err.empty());
  CHECK(result.exit_code == 0);
  CHECK(result.out ==
        "specs/attach.yaml:1:1: nlp-attach\n"
        "  facts_from: clusters/nlp-aks.json\n"
        "  location: westus2 (cluster.facts, line 16)\n"
        "  kubernetes_version: 1.17.9 (from clusters/nlp-aks.json, field "
        "currentKubernetesVersion)\n"
        "  load_balancer_sku: unknown\n"
        "  private_cluster: false (from clusters/nlp-aks.json)\n"
        "  authorized_ip_ranges: [20.42.0.0/24, 203.0.113.0/24] (from clusters/nlp-aks.json)\n"
        "  outbound_type: unknown\n"
        "  node_pools: 2 (from clusters/nlp-aks.json)\n"
        "    - name system, mode system, vm_size Standard_D4s_v3, count 3\n"
        "    - name gpu, mode user, vm_size Standard_NC6s_v3, count unusable\n"
        "  note: networkProfile is null in the facts file\n"
        "\n"
        "specs/create.yaml:1:1: vision-dev\n"
        "  no existing cluster: only mode: attach has cluster facts\n");
  auto again = run_aksc({"show", "--facts", "specs"}, dir.path());
  CHECK(again.out == result.out);
}

TEST_CASE("show --facts prints the identity and local accounts of a KubernetesCompute's cluster") {
  TempDir dir;
  std::string spec = kAttachSpec;
  spec.replace(spec.find("kind: AksCompute"), 16, "kind: KubernetesCompute");
  spec.erase(spec.find("accelerator: none\n"), 18);  // AksCompute's only
  dir.write("specs/attach.yaml", spec);
  dir.write("specs/clusters/nlp-aks.json", kArmCluster);
  auto result = run_aksc({"show", "--facts", "specs"}, dir.path());
  CHECK(result.exit_code == 0);
  // kArmCluster names no identity and no disableLocalAccounts: unknown, and false by default.
  CHECK(contains(result.out,
                 "  outbound_type: unknown\n"
                 "  identity_type: unknown\n"
                 "  local_accounts_disabled: false (default: absent from "
                 "clusters/nlp-aks.json)\n"
                 "  node_pools: 2"));
}

TEST_CASE("show needs --facts, and an unreadable path is exit 2") {
  TempDir dir;
  auto bare = run_aksc({"show"}, dir.path());
  CHECK(bare.exit_code == 2);
  CHECK(bare.err.find("--facts") != std::string::npos);
  auto missing = run_aksc({"show", "--facts", "no-such.yaml"}, dir.path());
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("no-such.yaml") != std::string::npos);
}
