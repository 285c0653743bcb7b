// libFuzzer target: any bytes as a policy file (kind: Policy), read, checked and compiled, then
// every policy that compiles run on a v1 and a v2 spec. A policy file comes from whoever may
// change aksc.yaml's folder: aksc must neither crash, hang nor trip a sanitizer, whatever it
// holds (valijson included: a $ref loop or a bad pattern must be refused before it runs).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "diag/source_file.h"
#include "frontend/load.h"
#include "frontend/lower.h"
#include "policy/policy_eval.h"
#include "policy/policy_file.h"

namespace {

constexpr const char* kSpecs =
    "apiVersion: aksc/v1\n"
    "kind: KubernetesCompute\n"
    "name: vision-gpu\n"
    "mode: provision-and-attach\n"
    "workspace: {name: ws, resource_group: rg, subscription_id: "
    "0b1f6471-1bf0-4dda-aec3-cb9272f09590, location: eastus}\n"
    "purpose: production\n"
    "tags: {team: vision}\n"
    "vm_size: Standard_NC4as_T4_v3\n"
    "extension: {inference: {enabled: true, router_service_type: load-balancer, "
    "ssl: {cname: a.contoso.com, secret: tls}}}\n"
    "instance_types: [{name: gpu, requests: {cpu: 500m, memory: 1Gi}, "
    "limits: {cpu: '1', memory: 2Gi, nvidia.com/gpu: 1}}]\n"
    "---\n"
    "apiVersion: aksc/v1\n"
    "kind: AksCompute\n"
    "name: nlp-aks\n"
    "mode: attach\n"
    "workspace: {name: ws, resource_group: rg, subscription_id: "
    "0b1f6471-1bf0-4dda-aec3-cb9272f09590, location: westus2}\n"
    "cluster: {resource_group: rg, name: aks, facts: {location: westus2, node_pools: "
    "[{name: system, vm_size: Standard_D4s_v3, count: 3}]}}\n";

const std::vector<aksc::ir::Spec>& specs() {
  static const std::vector<aksc::ir::Spec> lowered = [] {
    std::vector<aksc::ir::Spec> result;
    aksc::SourceFile source("spec.yaml", kSpecs);
    aksc::FindingSink sink;
    std::vector<aksc::YamlDocument> documents = aksc::load_yaml(source, sink);
    for (std::size_t i = 0; i < documents.size(); ++i)
      result.push_back(
          aksc::check_and_lower_spec(documents[i], "spec.yaml", static_cast<int>(i), sink));
    return result;
  }();
  return lowered;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  aksc::SourceFile source("policy.yaml", std::string(reinterpret_cast<const char*>(data), size));
  aksc::FindingSink sink;
  aksc::PolicySet set;
  set.policies = aksc::parse_policy_file(source, sink);
  for (const aksc::ir::Spec& spec : specs())
    aksc::run_policies(spec, set, sink);
  return 0;
}
