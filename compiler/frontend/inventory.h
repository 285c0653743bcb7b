#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "diag/finding_sink.h"
#include "diag/source_file.h"
#include "ir/field.h"

namespace aksc {

/// A compute that already exists (SPEC §2 inventory), with where it is written.
struct InventoryEntry {
  std::string file;   ///< The inventory file, as shown to the user.
  SourceRange range;  ///< The entry.
  ir::Field<std::string> workspace;
  ir::Field<std::string> name;
  ir::Field<std::string> location;
  ir::Field<std::string> resource_id;
  ir::Field<std::string> vm_size;
  ir::Field<std::int64_t> agent_count;
};

/// Parses an inventory (a JSON array; read with the YAML loader, which keeps line:col) and
/// validates it against schemas/aksc-inventory.schema.json. Problems are located findings in
/// the inventory file (AKS001–AKS003); invalid entries are left out.
std::vector<InventoryEntry> parse_inventory(const SourceFile& source, FindingSink& sink);

}  // namespace aksc
