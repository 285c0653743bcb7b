#include "driver/existing_computes.h"

#include "diag/text_util.h"
#include "rules/project_keys.h"

namespace aksc {

intent::Existing existing_computes(const ir::Spec& spec,
                                   const std::vector<InventoryEntry>& inventory) {
  intent::Existing existing;
  auto workspace = rules::workspace_name_key(spec);
  if (!workspace) return existing;
  auto name = rules::compute_name_key(spec);
  auto cluster = rules::attached_cluster_key(spec);
  for (const InventoryEntry& entry : inventory) {
    if (!entry.workspace.usable() || !entry.name.usable()) continue;
    if (to_lower(entry.workspace.value) != *workspace) continue;
    if (name && to_lower(entry.name.value) == *name) existing.compute_listed = true;
    if (!cluster || !entry.resource_id.usable()) continue;
    if (rules::managed_cluster_key(entry.resource_id.value) == cluster) {
      existing.cluster_holders.push_back(entry.name.value);
    }
  }
  return existing;
}

}  // namespace aksc
