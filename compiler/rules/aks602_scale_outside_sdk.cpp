// AKS602 scale-outside-sdk — rules/AKS602-scale-outside-sdk.md
#include <string>

#include <fmt/format.h>

#include "rules/project_keys.h"
#include "rules/project_rules.h"

namespace aksc::rules {

// "The Azure Machine Learning SDK does not provide support scaling an AKS cluster. To scale the
// nodes in the cluster, use the UI for your AKS cluster in the Azure Machine Learning studio."
// (article, Limitations)
void check_scale_outside_sdk(const Project& project, const RuleContext& /*context*/,
                             ProjectReporter& out) {
  InventoryIndex existing(project.inventory);
  FindingPlan plan(project);
  for (const IndexedSpec& indexed : project.specs) {
    const ir::Spec* spec = indexed.spec;
    if (!spec->mode.usable() || spec->mode.value == ir::Mode::kAttach) continue;
    if (!spec->agent_count.usable()) continue;
    const InventoryEntry* found = existing.find(indexed.keys);
    if (!found) continue;
    const InventoryEntry& entry = *found;
    if (!entry.agent_count.usable() || entry.agent_count.value == spec->agent_count.value) {
      continue;
    }
    plan.add(
        *spec, spec->agent_count.range,
        fmt::format("agent_count {}{} differs from the {} nodes of the existing compute '{}' "
                    "in workspace '{}' ({}); the Azure ML SDK does not scale an AKS "
                    "cluster, so the node count changes only when you scale it yourself",
                    spec->agent_count.value, spec->agent_count.defaulted() ? " (defaulted)" : "",
                    entry.agent_count.value, entry.name.value, entry.workspace.value,
                    where(entry.file, entry.agent_count.range)),
        fmt::format("scale the cluster to {} nodes in the Azure ML studio UI for the AKS "
                    "cluster (or with 'az aks nodepool scale --node-count {}') and then "
                    "update the inventory, or write 'agent_count: {}' to keep it as it is",
                    spec->agent_count.value, spec->agent_count.value, entry.agent_count.value),
        related_at(entry, entry.agent_count.range,
                   fmt::format("the existing compute '{}' has {} nodes", entry.name.value,
                               entry.agent_count.value)));
  }
  plan.report(out);
}

}  // namespace aksc::rules
