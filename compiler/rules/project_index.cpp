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
  std::vector<IndexedSpec> indexed;
  indexed.reserve(specs.size());
  for (const ir::Spec* spec : specs)
    indexed.push_back({spec, make_project_keys(*spec, catalog)});
  *this = ProjectIndex(std::move(indexed));
}

ProjectIndex::ProjectIndex(std::vector<IndexedSpec> indexed) : specs_(std::move(indexed)) {
  auto before = [](const IndexedSpec& a, const IndexedSpec& b) {
    return std::tie(a.spec->file, a.spec->document) < std::tie(b.spec->file, b.spec->document);
  };
  // A walk lists files in this order already, mostly.
  if (!std::is_sorted(specs_.begin(), specs_.end(), before))
    std::stable_sort(specs_.begin(), specs_.end(), before);
}

}  // namespace aksc
