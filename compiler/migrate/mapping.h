#pragma once

#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "frontend/inventory.h"
#include "ir/spec.h"
#include "migrate/note.h"

// The mapping of SPEC-2 §C, AksCompute → KubernetesCompute, as a pure function on the IR: what
// the migrated spec says and why, without touching any text (migrate/rewrite does that).
namespace aksc::migrate {

/// A field of `ssl` that moves to extension.inference.ssl, by the pointer it has in the input.
struct MovedField {
  std::string key;      ///< "cname", "cert_file" or "key_file"
  std::string pointer;  ///< "/ssl/cname", ...
};

/// What a migrated spec writes under `extension:`.
struct ExtensionPlan {
  bool internal_load_balancer = false;
  bool router_ha_off = false;
  bool allow_insecure_connections = false;
  std::vector<MovedField> ssl;       ///< Empty: no ssl block.
  std::string leaf_domain_label;     ///< Set: a commented choice replaces the certificate.
  std::string leaf_domain_location;  ///< The region of the v1 cloudapp.azure.com name.
  bool install_nvidia_device_plugin = false;
};

/// The decisions for one AksCompute spec.
struct MigrationPlan {
  std::optional<Refusal> refusal;  ///< Set: the spec's intent cannot be carried to v2.
  bool mode_to_provision_and_attach = false;
  /// Entries of the input with no v2 home, removed (a mapping left empty goes too).
  std::vector<std::string> removed;
  ExtensionPlan extension;
  std::vector<MigrationNote> notes;
};

/// Maps `spec` (kind AksCompute, without errors) to its KubernetesCompute equivalent. The
/// catalog tells GPU sizes; `inventory` (may be null) the computes that exist already. Notes
/// point at the input's fields; their new places are filled in once the output is written
/// (MigrationNote::new_pointer).
MigrationPlan plan_migration(const ir::Spec& spec, const Catalog& catalog,
                             const std::vector<InventoryEntry>* inventory);

}  // namespace aksc::migrate
