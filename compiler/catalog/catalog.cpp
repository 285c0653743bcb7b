#include "catalog/catalog.h"

#include <algorithm>

#include "diag/text_util.h"

namespace aksc {
namespace {

// The row of `rows` (sorted case-insensitively by `key`) whose key is `name` in any case.
template <typename Row, typename Key>
const Row* find_row(std::span<const Row> rows, std::string_view name, Key key) {
  auto found = std::lower_bound(rows.begin(), rows.end(), name, [&](const Row& row, auto wanted) {
    return iless(key(row), wanted);
  });
  return found != rows.end() && iequals(key(*found), name) ? &*found : nullptr;
}

}  // namespace

const VmSize* Catalog::find_vm_size(std::string_view name) const {
  return find_row(vm_sizes_, name, [](const VmSize& size) { return size.name; });
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
  return find_row(regions_, name, [](const Region& region) { return region.name; });
}

std::vector<std::string> Catalog::region_names() const {
  std::vector<std::string> names;
  names.reserve(regions_.size());
  for (const Region& region : regions_)
    names.emplace_back(region.name);
  return names;
}

std::optional<std::string> Catalog::paired_region(std::string_view region) const {
  const RegionPair* pair = find_row(pairs_, region, [](const RegionPair& p) { return p.region; });
  if (!pair) return std::nullopt;
  return std::string(pair->paired_region);
}

std::optional<std::span<const std::string_view>> Catalog::control_plane_prefixes(
    std::string_view region) const {
  const ServiceTag* tag = find_row(tags_, region, [](const ServiceTag& t) { return t.region; });
  if (!tag) return std::nullopt;
  return tag->prefixes;
}

const DataSnapshot* Catalog::snapshot(std::string_view table) const {
  for (const DataSnapshot& snapshot : snapshots_) {
    if (snapshot.table == table) return &snapshot;
  }
  return nullptr;
}

void Catalog::set_snapshot(DataSnapshot snapshot) {
  for (DataSnapshot& existing : snapshots_) {
    if (existing.table == snapshot.table && existing.extends_shipped == snapshot.extends_shipped &&
        (!snapshot.extends_shipped || existing.origin == snapshot.origin)) {
      existing = std::move(snapshot);
      return;
    }
  }
  snapshots_.push_back(std::move(snapshot));
}

}  // namespace aksc
