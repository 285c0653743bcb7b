#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "ir/spec.h"

namespace aksc {

/// What the whole-project rules hash a spec by, in lower case (rules/project_keys.h makes each
/// part). Empty: the spec lacks what makes that key.
struct ProjectKeys {
  std::string workspace;       ///< Subscription, resource group and workspace name.
  std::string workspace_name;  ///< The workspace name alone, as inventories record it.
  std::string name;            ///< The compute name.
  std::string region;          ///< The compute's region as the catalog names it.
  std::string cluster;         ///< The AKS cluster attached or created and attached.
};

/// The keys of `spec`, with its region as `catalog` names it.
ProjectKeys make_project_keys(const ir::Spec& spec, const Catalog& catalog);

/// A spec of a project with its keys.
struct IndexedSpec {
  const ir::Spec* spec = nullptr;
  ProjectKeys keys;
};

/// Every spec of a project with its keys, ordered by file and document, so that "the first" of
/// two clashing specs does not depend on the order the command line named the files in. The
/// driver builds it once per project for the whole-project rules, which iterate over it.
class ProjectIndex {
 public:
  ProjectIndex() = default;
  /// Indexes `specs` (which must outlive the index); `catalog` names their regions.
  ProjectIndex(std::vector<const ir::Spec*> specs, const Catalog& catalog);
  /// Orders specs whose keys are made already: the driver makes them on its threads.
  explicit ProjectIndex(std::vector<IndexedSpec> indexed);

  std::vector<IndexedSpec>::const_iterator begin() const { return specs_.begin(); }
  std::vector<IndexedSpec>::const_iterator end() const { return specs_.end(); }
  std::size_t size() const { return specs_.size(); }

 private:
  std::vector<IndexedSpec> specs_;
};

}  // namespace aksc
