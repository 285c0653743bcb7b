// AKS106 name-unique-in-region — rules/AKS106-name-unique-in-region.md
#include <optional>
#include <string>
#include <unordered_map>

#include <fmt/format.h>

#include "rules/project_keys.h"
#include "rules/project_rules.h"

namespace aksc::rules {
namespace {

// "Name needs to be unique across all existing computes within an Azure region." (article,
// Limitations, as of 2020-10-02)
constexpr std::string_view kWhy =
    "Azure ML compute names must be unique across all computes of an Azure region";

// The first two users of a name in a region whose workspaces differ: whoever asks, one of
// them is in another workspace (or there is none yet).
template <typename T>
struct FirstTwo {
  std::string_view first_workspace;
  const T* first = nullptr;
  const T* other = nullptr;  ///< The first whose workspace differs from `first`'s.

  void add(std::string_view workspace, const T* item) {
    if (!first) {
      first_workspace = workspace;
      first = item;
    } else if (!other && workspace != first_workspace) {
      other = item;
    }
  }
  const T* not_in(std::string_view workspace) const {
    if (!first) return nullptr;
    return workspace != first_workspace ? first : other;
  }
};

std::string region_text(const ir::Spec& spec, const ir::Field<std::string>& region) {
  if (&region == &spec.workspace.location) {
    return fmt::format("{} (the workspace's region)", region.value);
  }
  return spec.location.defaulted()
             ? fmt::format("{} (defaulted from workspace.location)", region.value)
             : region.value;
}

}  // namespace

void check_name_unique_in_region(const Project& project, const RuleContext& context,
                                 ProjectReporter& out) {
  // Regions compare by their catalog entry; one the catalog does not know is AKS004's case.
  // Name + region → the existing computes that use it, by workspace name.
  KeyStore inventory_keys;
  ViewKeyMap<2, FirstTwo<InventoryEntry>> existing;
  for (const InventoryEntry& entry : project.inventory) {
    if (!entry.name.usable() || !entry.location.usable() || !entry.workspace.usable()) continue;
    auto region = region_key(context.catalog, entry.location.value);
    if (!region) continue;
    existing[{inventory_keys.lower(entry.name.value), inventory_keys.keep(std::move(*region))}].add(
        inventory_keys.lower(entry.workspace.value), &entry);
  }
  FindingPlan plan(project);
  // Name + region → the specs that use it, by workspace identity.
  ViewKeyMap<2, FirstTwo<ir::Spec>> specs;
  for (const IndexedSpec& indexed : project.specs) {
    const ir::Spec* spec = indexed.spec;
    const ProjectKeys& keys = indexed.keys;
    if (keys.workspace.empty() || keys.workspace_name.empty() || keys.name.empty() ||
        keys.region.empty()) {
      continue;
    }
    ViewKey<2> key{keys.name, keys.region};

    auto inventory = existing.find(key);
    if (inventory != existing.end()) {
      if (const InventoryEntry* entry = inventory->second.not_in(keys.workspace_name)) {
        const ir::Field<std::string>* region = compute_region(*spec);
        plan.add(*spec, spec->name.range,
                 fmt::format("compute name '{}' is already used in region {} by the existing "
                             "compute '{}' of workspace '{}' ({}); {}",
                             spec->name.value, region_text(*spec, *region), entry->name.value,
                             entry->workspace.value, where(entry->file, entry->name.range), kWhy),
                 fmt::format("choose a name that no compute in {} uses, in any workspace",
                             region->value),
                 related_at(*entry, entry->name.range,
                            fmt::format("the existing compute '{}' of workspace '{}' in {}",
                                        entry->name.value, entry->workspace.value,
                                        entry->location.value)));
      }
    }
    FirstTwo<ir::Spec>& users = specs[key];
    if (const ir::Spec* first = users.not_in(keys.workspace)) {
      plan.clash(*spec, spec->name.range, *first, first->name.range, [&](bool on_later) {
        const ir::Field<std::string>* region = compute_region(*spec);
        const ir::Spec& self = on_later ? *spec : *first;
        const ir::Spec& other = on_later ? *first : *spec;
        return FindingPlan::ClashText{
            fmt::format("compute name '{}' is {} in region {} by the spec at {}, of workspace "
                        "{}; {}",
                        self.name.value, on_later ? "already used" : "used again",
                        region_text(self, *compute_region(self)),
                        where(other.file, other.name.range), describe_workspace(other), kWhy),
            fmt::format("choose a name that no compute in {} uses, in any workspace",
                        region->value),
            fmt::format("'{}' in workspace '{}', region {}", other.name.value,
                        other.workspace.name.value, compute_region(other)->value)};
      });
    }
    users.add(keys.workspace, spec);
  }
  plan.report(out);
}

}  // namespace aksc::rules
