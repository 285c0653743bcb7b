#pragma once

#include <vector>

#include "backends/intent.h"
#include "frontend/inventory.h"
#include "ir/spec.h"

namespace aksc {

/// What the inventory of a spec's project (SPEC §2) records that changes its deployment steps:
/// whether the spec's compute exists (by workspace and compute name), and which computes of
/// its workspace hold the AKS cluster it attaches (by the cluster's resource ID). Names compare
/// case-insensitively, as Azure compares them.
intent::Existing existing_computes(const ir::Spec& spec,
                                   const std::vector<InventoryEntry>& inventory);

}  // namespace aksc
