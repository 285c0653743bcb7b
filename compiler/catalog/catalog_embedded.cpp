#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "catalog/embedded_tables.h"

namespace aksc {

// The tables are used where they are compiled in; only the policy and the snapshots are copied.
const Catalog& Catalog::embedded() {
  static const Catalog catalog = [] {
    const EmbeddedTables& tables = embedded_tables();
    Catalog result;
    result.vm_sizes_ = tables.vm_sizes;
    result.regions_ = tables.regions;
    result.pairs_ = tables.region_pairs;
    result.tags_ = tables.service_tags;
    result.releases_ = tables.kubernetes_releases;
    result.releases_as_of_ = tables.kubernetes_as_of;
    result.policy_ = {std::string(tables.max_kubernetes_version), tables.production_min_vcpus,
                      tables.dev_test_min_vcpus, tables.aks_node_min_vcpus};
    result.v1_support_ = {std::string(tables.cli_v1_end_of_support),
                          std::string(tables.sdk_v1_end_of_support)};
    for (const EmbeddedSnapshot& snapshot : tables.snapshots) {
      result.snapshots_.push_back({std::string(snapshot.table), std::string(snapshot.source),
                                   std::string(snapshot.date), std::string(snapshot.retrieved),
                                   "embedded"});
    }
    return result;
  }();
  return catalog;
}

std::vector<std::string> Catalog::attach_policy_profile_names() {
  std::vector<std::string> names;
  for (const EmbeddedPolicyProfile& profile : embedded_tables().attach_policy_profiles)
    names.emplace_back(profile.name);
  return names;
}

bool Catalog::load_attach_policy_profile(std::string_view name) {
  for (const EmbeddedPolicyProfile& profile : embedded_tables().attach_policy_profiles) {
    if (profile.name != name) continue;
    load_attach_policy(profile.text);
    set_snapshot({"attach-policy", std::string(profile.snapshot.source),
                  std::string(profile.snapshot.date), std::string(profile.snapshot.retrieved),
                  "profile " + std::string(name)});
    return true;
  }
  return false;
}

}  // namespace aksc
