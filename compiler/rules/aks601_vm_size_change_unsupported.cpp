// AKS601 vm-size-change-unsupported — rules/AKS601-vm-size-change-unsupported.md
#include <string>

#include <fmt/format.h>

#include "diag/text_util.h"
#include "rules/project_keys.h"
#include "rules/project_rules.h"

namespace aksc::rules {

// "You can only change the node count, not the VM size of the cluster." (article, Limitations)
void check_vm_size_change(const Project& project, const RuleContext& /*context*/,
                          ProjectReporter& out) {
  InventoryIndex existing(project.inventory);
  FindingPlan plan(project);
  for (const IndexedSpec& indexed : project.specs) {
    const ir::Spec* spec = indexed.spec;
    if (!spec->mode.usable() || spec->mode.value == ir::Mode::kAttach) continue;
    if (!spec->vm_size.usable()) continue;
    const InventoryEntry* found = existing.find(indexed.keys);
    if (!found) continue;
    const InventoryEntry& entry = *found;
    if (!entry.vm_size.usable() || trim(entry.vm_size.value).empty()) continue;
    if (iequals(entry.vm_size.value, spec->vm_size.value)) continue;
    plan.add(*spec, spec->vm_size.range,
             fmt::format("vm_size {} {} from {}, the VM size of the existing compute '{}' in "
                         "workspace '{}' ({}); Azure ML can change only the node count of a "
                         "cluster, not its VM size",
                         spec->vm_size.value,
                         spec->vm_size.defaulted() ? "(defaulted) differs" : "differs",
                         entry.vm_size.value, entry.name.value, entry.workspace.value,
                         where(entry.file, entry.vm_size.range)),
             fmt::format("keep 'vm_size: {}'; for another VM size, create a new compute under "
                         "another name and move the deployments to it",
                         entry.vm_size.value),
             related_at(entry, entry.vm_size.range,
                        fmt::format("the existing compute '{}' has VM size {}", entry.name.value,
                                    entry.vm_size.value)));
  }
  plan.report(out);
}

}  // namespace aksc::rules
