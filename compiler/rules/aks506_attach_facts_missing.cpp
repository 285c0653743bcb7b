// AKS506 attach-facts-missing — rules/AKS506-attach-facts-missing.md
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "rules/attach_rules.h"

namespace aksc::rules {
namespace {

bool has_some(const std::vector<ir::NodePool>& pools, bool (*test)(const ir::NodePool&)) {
  for (const ir::NodePool& pool : pools) {
    if (test(pool)) return true;
  }
  return false;
}

bool written_null(const ir::ClusterFacts& facts, std::string_view profile) {
  for (const std::string& name : facts.null_profiles) {
    if (name == profile || name == "properties") return true;
  }
  return false;
}

// Whether a profile written as null in the facts file is why one of the `missing` facts is.
bool explains(const std::string& profile, const std::vector<std::string>& missing) {
  auto has = [&](std::string_view fact) {
    for (const std::string& name : missing) {
      if (name.rfind(fact, 0) == 0) return true;
    }
    return false;
  };
  if (profile == "properties") return !missing.empty();
  if (profile == "networkProfile") return has("load_balancer_sku") || has("outbound_type");
  if (profile == "agentPoolProfiles") return has("node_pools");
  return false;  // apiServerAccessProfile: null means no ranges and not private, nothing missing
}

bool any_inline_fact(const ir::ClusterFacts& facts) {
  return facts.location.origin != ir::Origin::kAbsent ||
         facts.kubernetes_version.origin != ir::Origin::kAbsent ||
         facts.load_balancer_sku.origin != ir::Origin::kAbsent ||
         facts.private_cluster.origin != ir::Origin::kAbsent ||
         facts.authorized_ip_ranges.origin != ir::Origin::kAbsent ||
         facts.outbound_type.origin != ir::Origin::kAbsent ||
         facts.node_pools.origin != ir::Origin::kAbsent ||
         facts.identity_type.origin != ir::Origin::kAbsent ||
         facts.local_accounts_disabled.origin != ir::Origin::kAbsent;
}

// The rules of each kind that read the node pools: for AksCompute the vCPU floor of the spec's
// purpose (both when the purpose is unusable) and the accelerator rules; for KubernetesCompute
// router HA's three nodes (AKS806), the instance types' fit (AKS812) and the production
// capacity (AKS815). What each needs: every pool's VM size, its node count, and its mode.
struct PoolRules {
  std::vector<std::string> vm_size;
  std::vector<std::string> count;
  std::vector<std::string> mode;
};

PoolRules pool_rules(const ir::Spec& spec) {
  if (spec.kind == ir::Kind::kKubernetesCompute) {
    return {{"AKS812", "AKS815"}, {"AKS806", "AKS815"}, {}};
  }
  PoolRules rules;
  if (!spec.purpose.usable() || spec.purpose.value == ir::Purpose::kProduction)
    rules.count.push_back("AKS201");
  if (!spec.purpose.usable() || spec.purpose.value == ir::Purpose::kDevTest)
    rules.count.push_back("AKS202");
  rules.vm_size = rules.count;
  rules.vm_size.insert(rules.vm_size.end(), {"AKS401", "AKS402"});
  rules.mode = {"AKS402"};
  return rules;
}

}  // namespace

// The facts each rule over an existing cluster needs, and the rules that could not run.
void check_attach_facts_missing(const ir::Spec& spec, const RuleContext& /*context*/,
                                RuleReporter& out) {
  if (!spec.mode.usable() || spec.mode.value != ir::Mode::kAttach) return;
  const ir::ClusterFacts& facts = spec.cluster->facts;
  std::vector<std::string> missing;  // fact names, in IR order
  std::set<std::string> rules;

  if (!facts.kubernetes_version.usable()) {
    missing.push_back("kubernetes_version");
    rules.insert("AKS501");
  }
  if (!facts.location.usable()) {
    missing.push_back("location");
    rules.insert("AKS502");
  }
  const PoolRules by_pools = pool_rules(spec);
  const auto& pools = facts.node_pools;
  if (!pools.usable() || pools.value.empty()) {
    missing.push_back("node_pools");
    rules.insert(by_pools.vm_size.begin(), by_pools.vm_size.end());
    rules.insert(by_pools.count.begin(), by_pools.count.end());
  } else {
    if (has_some(pools.value, [](const ir::NodePool& p) { return !p.vm_size.usable(); })) {
      missing.push_back("node_pools[].vm_size");
      rules.insert(by_pools.vm_size.begin(), by_pools.vm_size.end());
    }
    if (has_some(pools.value, [](const ir::NodePool& p) { return !p.count.usable(); })) {
      missing.push_back("node_pools[].count");
      rules.insert(by_pools.count.begin(), by_pools.count.end());
    }
    if (pools.value.size() > 1 && !by_pools.mode.empty() &&
        has_some(pools.value, [](const ir::NodePool& p) { return !p.mode.usable(); })) {
      missing.push_back("node_pools[].mode");
      rules.insert(by_pools.mode.begin(), by_pools.mode.end());
    }
  }
  const auto& ranges = facts.authorized_ip_ranges;
  bool no_ranges = ranges.usable() && ranges.value.empty();  // then AKS303/AKS313 cannot fire
  if (!ranges.usable()) {
    missing.push_back("authorized_ip_ranges");
    rules.insert({"AKS303", "AKS304", "AKS313", "AKS314"});
  }
  if (!facts.load_balancer_sku.usable() && !no_ranges) {
    missing.push_back("load_balancer_sku");
    rules.insert("AKS303");
  }
  if (!facts.private_cluster.usable() && !no_ranges) {
    missing.push_back("private_cluster");
    rules.insert("AKS313");
  }
  // A facts file whose networkProfile is null: every real cluster has one, so its facts are
  // missing even where no authorized range needs them.
  if (written_null(facts, "networkProfile")) {
    if (!facts.load_balancer_sku.usable() && no_ranges) {
      missing.push_back("load_balancer_sku");
      rules.insert({"AKS303", "AKS307"});
    }
    if (!facts.outbound_type.usable()) {
      missing.push_back("outbound_type");
      rules.insert("AKS307");
    }
  }
  if (spec.kind == ir::Kind::kKubernetesCompute) {
    if (!facts.identity_type.usable()) {
      missing.push_back("identity_type");
      rules.insert("AKS808");
    }
    if (!facts.local_accounts_disabled.usable()) {
      missing.push_back("local_accounts_disabled");
      rules.insert("AKS809");
    }
  }
  if (rules.empty()) return;

  std::string rule_list;
  for (const std::string& rule : rules)
    rule_list += (rule_list.empty() ? "" : ", ") + rule;
  std::string fact_list;
  for (const std::string& fact : missing)
    fact_list += (fact_list.empty() ? "" : ", ") + fact;
  std::string nulls;  // the null profiles that explain a missing fact
  for (const std::string& profile : facts.null_profiles) {
    if (explains(profile, missing)) nulls += (nulls.empty() ? "" : ", ") + profile;
  }
  if (!nulls.empty()) fact_list += fmt::format(" ({} written as null in the facts file)", nulls);
  bool from_file = spec.cluster->facts_from.written();
  bool none = !from_file && !any_inline_fact(facts);
  SourceRange where = from_file                     ? spec.cluster->facts_from.range
                      : !none                       ? facts.range
                      : spec.cluster->range.known() ? spec.cluster->range
                                                    : spec.mode.range;
  std::string message =
      none ? fmt::format(
                 "no facts about the existing cluster (no cluster.facts_from, no "
                 "cluster.facts), so {} rules could not check it: {}",
                 rules.size(), rule_list)
           : fmt::format("the cluster facts lack {}, so {} rule{} could not check the cluster: {}",
                         fact_list, rules.size(), rules.size() == 1 ? "" : "s", rule_list);
  out.report(where, std::move(message),
             "save the cluster with az aks show -g <group> -n <name> -o json > <file> and set "
             "cluster.facts_from: <file>, or write the missing facts under cluster.facts");
}

}  // namespace aksc::rules
