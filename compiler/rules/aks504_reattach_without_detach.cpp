// AKS504 reattach-without-detach — rules/AKS504-reattach-without-detach.md
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "diag/text_util.h"
#include "rules/project_keys.h"
#include "rules/project_rules.h"

namespace aksc::rules {
namespace {

// "If you want to re-attach an AKS cluster, for example to change TLS or other cluster
// configuration setting, you must first remove the existing attachment by using
// AksCompute.detach()." (article, Attach an existing AKS cluster)

// The first two existing attachments of a cluster in a workspace under different names.
using Attached = FirstTwoDistinct<&InventoryEntry::name>;

}  // namespace

void check_reattach_without_detach(const Project& project, const RuleContext& /*context*/,
                                   ProjectReporter& out) {
  KeyStore inventory_keys;
  ViewKeyMap<2, const InventoryEntry*> by_name;  // workspace name, compute name
  ViewKeyMap<2, Attached> by_cluster;            // workspace name, cluster
  for (const InventoryEntry& entry : project.inventory) {
    if (!entry.workspace.usable() || !entry.name.usable()) continue;
    std::string_view workspace = inventory_keys.lower(entry.workspace.value);
    by_name.try_emplace({workspace, inventory_keys.lower(entry.name.value)}, &entry);
    if (!entry.resource_id.usable()) continue;
    if (auto cluster = managed_cluster_key(entry.resource_id.value)) {
      by_cluster[{workspace, inventory_keys.keep(std::move(*cluster))}].add(&entry);
    }
  }
  FindingPlan plan(project);
  for (const IndexedSpec& indexed : project.specs) {
    const ir::Spec* spec = indexed.spec;
    // A Kubernetes cluster may be attached "multiple times" (how-to-attach-kubernetes-to-
    // workspace.md): a KubernetesCompute detaches nothing first.
    if (spec->kind != ir::Kind::kAksCompute) continue;
    if (!spec->mode.usable() || spec->mode.value != ir::Mode::kAttach) continue;
    if (spec->reattach.usable() && spec->reattach.value) continue;
    const ProjectKeys& keys = indexed.keys;
    if (keys.workspace_name.empty() || keys.name.empty() || keys.cluster.empty()) continue;

    // The compute itself exists: attached to this cluster it is this spec's desired state;
    // attached to another cluster, that attachment holds the name until it is detached.
    const InventoryEntry* same_name = nullptr;
    auto named = by_name.find({keys.workspace_name, keys.name});
    if (named != by_name.end() && named->second->resource_id.usable()) {
      auto existing = managed_cluster_key(named->second->resource_id.value);
      if (existing && *existing == keys.cluster) continue;  // desired state, no change
      if (existing) same_name = named->second;
    }
    const InventoryEntry* other_name = nullptr;
    auto attached = by_cluster.find({keys.workspace_name, keys.cluster});
    if (attached != by_cluster.end()) other_name = attached->second.other_than(spec->name.value);
    if (!other_name && !same_name) continue;
    // Only for a finding: the cluster's display text is a formatted resource ID.
    ClusterRef cluster = *attached_cluster(*spec);
    std::string reattach = spec->reattach.written() ? "'reattach' is false" : "'reattach' is unset";

    if (other_name) {
      plan.add(*spec, cluster.range,
               fmt::format("AKS cluster {} is already attached to workspace '{}' as '{}' ({}); "
                           "attaching it again as '{}' while {} breaks that attachment",
                           cluster.display, spec->workspace.name.value, other_name->name.value,
                           where(other_name->file, other_name->resource_id.range), spec->name.value,
                           reattach),
               fmt::format("set 'reattach: true' so that the emitted steps detach '{}' first, "
                           "or name this compute '{}' to keep the existing attachment",
                           other_name->name.value, other_name->name.value),
               related_at(*other_name, other_name->resource_id.range,
                          fmt::format("the existing attachment '{}' of this cluster",
                                      other_name->name.value)));
    }
    if (same_name) {
      plan.add(
          *spec, cluster.range,
          fmt::format("compute '{}' already exists in workspace '{}', attached to AKS "
                      "cluster {} ({}); a compute name is unique within its workspace, so "
                      "attaching {} under this name while {} needs that attachment "
                      "detached first",
                      spec->name.value, spec->workspace.name.value, same_name->resource_id.value,
                      where(same_name->file, same_name->resource_id.range), cluster.display,
                      reattach),
          "set 'reattach: true' so that the emitted steps detach the existing compute "
          "first, or choose another compute name",
          related_at(*same_name, same_name->resource_id.range,
                     fmt::format("'{}' is attached to another cluster", same_name->name.value)));
    }
  }
  plan.report(out);
}

}  // namespace aksc::rules
