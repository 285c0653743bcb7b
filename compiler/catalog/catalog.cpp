#include "catalog/catalog.h"

#include <algorithm>

#include "diag/text_util.h"

namespace aksc {

const VmSize* Catalog::find_vm_size(std::string_view name) const {
  auto found = std::lower_bound(
      vm_sizes_.begin(), vm_sizes_.end(), name,
      [](const VmSize& size, std::string_view key) { return iless(size.name, key); });
  return found != vm_sizes_.end() && iequals(found->name, name) ? &*found : nullptr;
}

std::vector<std::string> Catalog::vm_size_names() const {
  std::vector<std::string> names;
  names.reserve(vm_sizes_.size());
  for (const VmSize& size : vm_sizes_)
    names.emplace_back(size.name);
  std::sort(names.begin(), names.end());
  return names;
}

const Region* Catalog::find_region(std::string_view name) const {
  auto found = regions_.find(to_lower(name));
  return found == regions_.end() ? nullptr : &found->second;
}

std::vector<std::string> Catalog::region_names() const {
  std::vector<std::string> names;
  for (const auto& [key, region] : regions_)
    names.push_back(region.name);
  return names;
}

std::optional<std::string> Catalog::paired_region(std::string_view region) const {
  auto found = pairs_.find(to_lower(region));
  if (found == pairs_.end()) return std::nullopt;
  return found->second;
}

const std::vector<std::string>* Catalog::control_plane_prefixes(std::string_view region) const {
  auto found = prefixes_.find(to_lower(region));
  return found == prefixes_.end() ? nullptr : &found->second;
}

const DataSnapshot* Catalog::snapshot(std::string_view table) const {
  for (const DataSnapshot& snapshot : snapshots_) {
    if (snapshot.table == table) return &snapshot;
  }
  return nullptr;
}

void Catalog::set_snapshot(DataSnapshot snapshot) {
  for (DataSnapshot& existing : snapshots_) {
    if (existing.table == snapshot.table) {
      existing = std::move(snapshot);
      return;
    }
  }
  snapshots_.push_back(std::move(snapshot));
}

}  // namespace aksc
