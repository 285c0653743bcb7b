// AKS503 duplicate-attachment — rules/AKS503-duplicate-attachment.md
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "rules/project_keys.h"
#include "rules/project_rules.h"

namespace aksc::rules {
namespace {

// A Kubernetes cluster "can also attach it to multiple workspaces" and to one workspace
// "multiple times" (how-to-attach-kubernetes-to-workspace.md), so only AksCompute specs take
// part, on either side.
bool is_v1_attachment(const ir::Spec& spec) {
  return spec.kind == ir::Kind::kAksCompute;
}

std::string how(const ir::Spec& spec) {
  return spec.mode.value == ir::Mode::kProvisionAndAttach ? "creates and attaches" : "attaches";
}

// Specs that attach one cluster under two names of one workspace, or to two workspaces.
void check_specs(const Project& project, FindingPlan& plan) {
  // Cluster → the first spec that attaches it.
  std::unordered_map<std::string_view, const IndexedSpec*> first_attachment;
  // Workspace identity + cluster + compute name, for each attachment after the first one.
  std::unordered_set<ViewKey<3>, ViewKeyHash> other_attachments;
  for (const IndexedSpec& indexed : project.specs) {
    const ir::Spec* spec = indexed.spec;
    if (!is_v1_attachment(*spec)) continue;
    const ProjectKeys& keys = indexed.keys;
    if (keys.workspace.empty() || keys.name.empty() || keys.cluster.empty()) continue;
    auto [seen, first_seen] = first_attachment.try_emplace(keys.cluster, &indexed);
    if (first_seen) continue;
    const ir::Spec& first = *seen->second->spec;
    const bool same_workspace = keys.workspace == seen->second->keys.workspace;
    // The same name again in one workspace is one compute described twice: AKS105 reports it.
    if (same_workspace && keys.name == seen->second->keys.name) continue;
    if (!other_attachments.insert({keys.workspace, keys.cluster, keys.name}).second) continue;
    // Only for a clash: the cluster's display text is a formatted resource ID.
    ClusterRef cluster = *attached_cluster(*spec);
    ClusterRef first_cluster = *attached_cluster(first);
    plan.clash(*spec, cluster.range, first, first_cluster.range, [&](bool on_later) {
      const ir::Spec& self = on_later ? *spec : first;
      const ir::Spec& other = on_later ? first : *spec;
      const ClusterRef& self_cluster = on_later ? cluster : first_cluster;
      std::string related = fmt::format("'{}' {} the same cluster", other.name.value, how(other));
      if (same_workspace) {
        return FindingPlan::ClashText{
            fmt::format("AKS cluster {} is attached to workspace '{}' twice: as '{}' here and "
                        "as '{}' by the spec at {}; each new attachment of a cluster breaks the "
                        "previous ones",
                        self_cluster.display, self.workspace.name.value, self.name.value,
                        other.name.value, where(other.file, other.name.range)),
            "attach each AKS cluster to a workspace under one compute name only: remove one of "
            "the two specs, or point one at another cluster",
            std::move(related)};
      }
      return FindingPlan::ClashText{
          fmt::format("AKS cluster {} is attached to two workspaces: to {} as '{}' here and to "
                      "{} as '{}' by the spec at {}; a cluster is attached to one workspace "
                      "only, and each new attachment breaks the previous ones",
                      self_cluster.display, describe_workspace(self), self.name.value,
                      describe_workspace(other), other.name.value,
                      where(other.file, other.name.range)),
          "attach each AKS cluster to one workspace only: remove one of the two specs, or point "
          "one at another cluster",
          std::move(related) + fmt::format(" in workspace '{}'", other.workspace.name.value)};
    });
  }
}

// The first two existing attachments of a cluster in different workspaces.
using Holders = FirstTwoDistinct<&InventoryEntry::workspace>;

// Specs that attach a cluster the inventory has attached to another workspace. An existing
// attachment in the spec's own workspace is AKS504's case.
void check_inventory(const Project& project, FindingPlan& plan) {
  KeyStore inventory_keys;
  std::unordered_map<std::string_view, Holders> by_cluster;
  for (const InventoryEntry& entry : project.inventory) {
    if (!entry.workspace.usable() || !entry.name.usable() || !entry.resource_id.usable()) continue;
    if (auto cluster = managed_cluster_key(entry.resource_id.value)) {
      by_cluster[inventory_keys.keep(std::move(*cluster))].add(&entry);
    }
  }
  if (by_cluster.empty()) return;
  for (const IndexedSpec& indexed : project.specs) {
    if (!is_v1_attachment(*indexed.spec)) continue;
    const ProjectKeys& keys = indexed.keys;
    if (keys.workspace_name.empty() || keys.name.empty() || keys.cluster.empty()) continue;
    auto attached = by_cluster.find(keys.cluster);
    if (attached == by_cluster.end()) continue;
    const InventoryEntry* entry = attached->second.other_than(keys.workspace_name);
    if (!entry) continue;
    const ir::Spec& spec = *indexed.spec;
    ClusterRef cluster = *attached_cluster(spec);
    plan.add(spec, cluster.range,
             fmt::format("AKS cluster {} is already attached to workspace '{}' as '{}' ({}); a "
                         "cluster is attached to one workspace only, so attaching it to "
                         "workspace '{}' as '{}' breaks that attachment",
                         cluster.display, entry->workspace.value, entry->name.value,
                         where(entry->file, entry->resource_id.range), spec.workspace.name.value,
                         spec.name.value),
             fmt::format("detach '{}' from workspace '{}' first (and update the inventory), or "
                         "attach another cluster",
                         entry->name.value, entry->workspace.value),
             related_at(*entry, entry->resource_id.range,
                        fmt::format("the attachment '{}' of this cluster in workspace '{}'",
                                    entry->name.value, entry->workspace.value)));
  }
}

}  // namespace

// "Do not create multiple, simultaneous attachments to the same AKS cluster. For example,
// attaching one AKS cluster to a workspace using two different names, or attaching one AKS
// cluster to different workspace." (v1 article, Attach an existing AKS cluster)
void check_duplicate_attachment(const Project& project, const RuleContext& /*context*/,
                                ProjectReporter& out) {
  FindingPlan plan(project);
  check_specs(project, plan);
  check_inventory(project, plan);
  plan.report(out);
}

}  // namespace aksc::rules
