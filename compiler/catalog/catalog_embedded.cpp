#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "catalog/embedded_tables.h"
#include "diag/text_util.h"

namespace aksc {

// The VM sizes are used where they are compiled in; the small tables go into the maps that
// overrides also fill.
const Catalog& Catalog::embedded() {
  static const Catalog catalog = [] {
    const EmbeddedTables& tables = embedded_tables();
    Catalog result;
    result.vm_sizes_ = tables.vm_sizes;
    for (const EmbeddedRegion& region : tables.regions) {
      result.regions_.emplace(to_lower(region.name),
                              Region{std::string(region.name), std::string(region.display_name),
                                     std::string(region.region_type)});
    }
    for (const EmbeddedPair& pair : tables.region_pairs)
      result.pairs_.emplace(pair.region, pair.paired_region);
    for (const EmbeddedPrefixes& tag : tables.service_tags) {
      result.prefixes_.emplace(tag.region,
                               std::vector<std::string>(tag.prefixes.begin(), tag.prefixes.end()));
    }
    result.policy_ = {std::string(tables.max_kubernetes_version), tables.production_min_vcpus,
                      tables.dev_test_min_vcpus, tables.aks_node_min_vcpus};
    for (const EmbeddedSnapshot& snapshot : tables.snapshots) {
      result.snapshots_.push_back({std::string(snapshot.table), std::string(snapshot.source),
                                   std::string(snapshot.date), std::string(snapshot.retrieved),
                                   "embedded"});
    }
    return result;
  }();
  return catalog;
}

}  // namespace aksc
