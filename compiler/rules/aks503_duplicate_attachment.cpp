// AKS503 duplicate-attachment — rules/AKS503-duplicate-attachment.md
#include <string>
#include <unordered_set>

#include <fmt/format.h>

#include "rules/project_keys.h"
#include "rules/project_rules.h"

namespace aksc::rules {
namespace {

std::string how(const ir::Spec& spec) {
  return spec.mode.value == ir::Mode::kProvisionAndAttach ? "creates and attaches" : "attaches";
}

}  // namespace

// "Do not create multiple, simultaneous attachments to the same AKS cluster from your
// workspace. For example, attaching one AKS cluster to a workspace using two different names.
// Each new attachment will break the previous existing attachment(s)." (article, Attach)
void check_duplicate_attachment(const Project& project, const RuleContext& /*context*/,
                                ProjectReporter& out) {
  FindingPlan plan(project);
  // Workspace identity + cluster → the first spec that attaches it.
  ViewKeyMap<2, const IndexedSpec*> first_attachment;
  // Workspace identity + cluster + compute name, for each name after the first one's.
  std::unordered_set<ViewKey<3>, ViewKeyHash> other_names;
  for (const IndexedSpec& indexed : project.specs) {
    const ir::Spec* spec = indexed.spec;
    const ProjectKeys& keys = indexed.keys;
    if (keys.workspace.empty() || keys.name.empty() || keys.cluster.empty()) continue;
    auto [seen, first_seen] =
        first_attachment.try_emplace({keys.workspace, keys.cluster}, &indexed);
    if (first_seen) continue;
    const ir::Spec& first = *seen->second->spec;
    // The same name again is one compute described twice: AKS105 reports it.
    if (keys.name == seen->second->keys.name) continue;
    if (!other_names.insert({keys.workspace, keys.cluster, keys.name}).second) continue;
    // Only for a clash: the cluster's display text is a formatted resource ID.
    ClusterRef cluster = *attached_cluster(*spec);
    ClusterRef first_cluster = *attached_cluster(first);
    plan.clash(*spec, cluster.range, first, first_cluster.range, [&](bool on_later) {
      const ir::Spec& self = on_later ? *spec : first;
      const ir::Spec& other = on_later ? first : *spec;
      const ClusterRef& self_cluster = on_later ? cluster : first_cluster;
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
