#include "driver/catalog_for_config.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "diag/spellcheck.h"
#include "frontend/input_error.h"
#include "frontend/path_fence.h"
#include "frontend/read_source.h"

namespace aksc {
namespace {

struct Override {
  const char* key;    // aksc.yaml data: key
  const char* table;  // snapshot name
  bool extends;       // adds rows to the shipped table rather than replacing it
  void (*load)(Catalog&, std::string_view);
};

// Overrides add to the shipped VM sizes (an extra CSV); the other tables are replaced whole.
constexpr Override kOverrides[] = {
    {"vm_sizes", "vm-sizes", true,
     [](Catalog& c, std::string_view t) { c.load_vm_sizes(t, false); }},
    {"regions", "regions", false, [](Catalog& c, std::string_view t) { c.load_regions(t, false); }},
    {"region_pairs", "region-pairs", false,
     [](Catalog& c, std::string_view t) { c.load_region_pairs(t, false); }},
    {"service_tags", "service-tags", false,
     [](Catalog& c, std::string_view t) { c.load_service_tags(t); }},
    {"attach_policy", "attach-policy", false,
     [](Catalog& c, std::string_view t) { c.load_attach_policy(t); }},
    {"kubernetes_versions", "aks-kubernetes-versions", false,
     [](Catalog& c, std::string_view t) { c.load_kubernetes_releases(t); }},
    {"azureml_v1_support", "azureml-v1-support", false,
     [](Catalog& c, std::string_view t) { c.load_v1_support(t); }},
};

// `data: {attach_policy: seed-2020}` names a profile compiled in rather than a file; a file of
// that name is written with its folder ("./seed-2020").
bool load_named_profile(Catalog& catalog, const Override& override, const std::string& value) {
  return std::string_view(override.key) == "attach_policy" &&
         catalog.load_attach_policy_profile(value);
}

// The help for an override file that cannot be read: attach_policy may name a profile instead.
std::string profile_help(const Override& override) {
  std::string help = "fix the path (relative to aksc.yaml) or remove the override";
  if (std::string_view(override.key) != "attach_policy") return help;
  std::vector<std::string> names = Catalog::attach_policy_profile_names();
  std::string list;
  for (const std::string& name : names)
    list += (list.empty() ? "" : ", ") + name;
  return help + fmt::format(", or name a profile shipped with aksc: {}", list);
}

}  // namespace

std::vector<DataSnapshot> CatalogCache::snapshots_used() const {
  std::vector<DataSnapshot> snapshots;
  auto add = [&](const Catalog& catalog) {
    for (const DataSnapshot& snapshot : catalog.snapshots()) {
      bool seen = std::any_of(snapshots.begin(), snapshots.end(), [&](const DataSnapshot& s) {
        return s.table == snapshot.table && s.origin == snapshot.origin;
      });
      if (!seen) snapshots.push_back(snapshot);
    }
  };
  if (embedded_used_ || catalogs_.empty()) add(Catalog::embedded());
  for (const auto& [config, catalog] : catalogs_)
    add(*catalog);
  return snapshots;
}

const Catalog& CatalogCache::catalog_for(const Config& resolved) {
  const Config& config = resolved.data_source();  // nested configs share their parent's
  if (config.data.empty()) {
    embedded_used_ = true;
    return Catalog::embedded();
  }
  auto found = catalogs_.find(&config);
  if (found != catalogs_.end()) return *found->second;
  auto catalog = std::make_unique<Catalog>(Catalog::embedded());
  for (const auto& [key, override_entry] : config.data) {
    const ir::Field<std::string>& path = override_entry.path;
    if (!path.written()) continue;
    const Override* override = nullptr;
    for (const Override& candidate : kOverrides) {
      if (key == candidate.key) override = &candidate;
    }
    if (!override) continue;  // the config schema reports unknown keys
    if (load_named_profile(*catalog, *override, path.value)) continue;
    FencedPath file =
        fence_path(path.value, override_entry.directory, {override_entry.directory, allowed_});
    if (!file.admitted()) {
      sink_.report(
          "AKS007", override_entry.file, path.range,
          fmt::format("data override '{}' ('{}') is not read: {}", key, path.value, file.refusal),
          fence_help("aksc.yaml"));
      continue;
    }
    try {
      SourceFile source = read_source(file.path, path.value);
      Catalog changed = *catalog;  // all or nothing: a bad file leaves the catalog as it was
      override->load(changed, source.text());
      *catalog = std::move(changed);
      DataSnapshot snapshot;
      snapshot.table = override->table;
      snapshot.source = path.value;
      snapshot.origin = path.value;
      snapshot.extends_shipped = override->extends;
      catalog->set_snapshot(std::move(snapshot));
    } catch (const InputError& error) {
      sink_.report("AKS006", override_entry.file, path.range,
                   fmt::format("data override '{}' cannot be used: {}", key, error.what()),
                   profile_help(*override));
    } catch (const std::exception& error) {
      sink_.report(
          "AKS006", override_entry.file, path.range,
          fmt::format("data override '{}' ({}) cannot be used: {}", key, path.value, error.what()),
          "the shipped table is used instead; see docs/data.md for the formats");
    }
  }
  return *catalogs_.emplace(&config, std::move(catalog)).first->second;
}

}  // namespace aksc
