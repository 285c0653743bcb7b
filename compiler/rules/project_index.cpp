#include "rules/project_index.h"

#include <algorithm>
#include <tuple>

#include "rules/project_keys.h"

namespace aksc {

ProjectKeys make_project_keys(const ir::Spec& spec, const Catalog& catalog) {
  ProjectKeys keys;
  keys.workspace = rules::workspace_key(spec).value_or("");
  keys.workspace_name = rules::workspace_name_key(spec).value_or("");
  keys.name = rules::compute_name_key(spec).value_or("");
  if (const ir::Field<std::string>* region = rules::compute_region(spec))
    keys.region = rules::region_key(catalog, region->value).value_or("");
  keys.cluster = rules::attached_cluster_key(spec).value_or("");
  return keys;
}

ProjectIndex::ProjectIndex(std::vector<const ir::Spec*> specs, const Catalog& catalog) {
  auto before = [](const ir::Spec* a, const ir::Spec* b) {
    return std::tie(a->file, a->document) < std::tie(b->file, b->document);
  };
  // A walk lists files in this order already, mostly.
  if (!std::is_sorted(specs.begin(), specs.end(), before))
    std::stable_sort(specs.begin(), specs.end(), before);
  specs_.reserve(specs.size());
  for (const ir::Spec* spec : specs)
    specs_.push_back({spec, make_project_keys(*spec, catalog)});
}

}  // namespace aksc
