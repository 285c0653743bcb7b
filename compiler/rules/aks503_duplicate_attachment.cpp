// AKS503 duplicate-attachment — rules/AKS503-duplicate-attachment.md
#include <set>
#include <string>
#include <unordered_map>

#include <fmt/format.h>

#include "rules/project_keys.h"
#include "rules/project_rules.h"

namespace aksc::rules {
namespace {

// "Do not create multiple, simultaneous attachments to the same AKS cluster from your
// workspace. For example, attaching one AKS cluster to a workspace using two different names.
// Each new attachment will break the previous existing attachment(s)." (article, Attach)
struct Attachments {
  const ir::Spec* first = nullptr;
  ClusterRef first_cluster;
  std::set<std::string> names;  ///< Compute names seen, lower case.
};

std::string how(const ir::Spec& spec) {
  return spec.mode.value == ir::Mode::kProvisionAndAttach ? "creates and attaches" : "attaches";
}

}  // namespace

void check_duplicate_attachment(const Project& project, const RuleContext& /*context*/,
                                ProjectReporter& out) {
  FindingPlan plan(project);
  // Workspace identity + cluster → the specs that attach it.
  std::unordered_map<std::string, Attachments> attachments;
  for (const ir::Spec* spec : ordered_specs(project)) {
    auto workspace = workspace_key(*spec);
    auto name = compute_name_key(*spec);
    auto cluster = attached_cluster(*spec);
    if (!workspace || !name || !cluster) continue;
    Attachments& seen = attachments[*workspace + cluster->key];
    if (!seen.first) {
      seen.first = spec;
      seen.first_cluster = *cluster;
      seen.names.insert(*name);
      continue;
    }
    // The same name again is one compute described twice: AKS105 reports it.
    if (!seen.names.insert(*name).second) continue;
    const ir::Spec& first = *seen.first;
    const ClusterRef& first_cluster = seen.first_cluster;
    plan.clash(*spec, cluster->range, first, first_cluster.range, [&](bool on_later) {
      const ir::Spec& self = on_later ? *spec : first;
      const ir::Spec& other = on_later ? first : *spec;
      const ClusterRef& self_cluster = on_later ? *cluster : first_cluster;
      return FindingPlan::ClashText{
          fmt::format("AKS cluster {} is attached to workspace '{}' twice: as '{}' here and as "
                      "'{}' by the spec at {}; each new attachment of a cluster breaks the "
                      "previous ones",
                      self_cluster.display, self.workspace.name.value, self.name.value,
                      other.name.value, where(other.file, other.name.range)),
          "attach each AKS cluster to a workspace under one compute name only: remove one of "
          "the two specs, or point one at another cluster",
          fmt::format("'{}' {} the same cluster", other.name.value, how(other))};
    });
  }
  plan.report(out);
}

}  // namespace aksc::rules
