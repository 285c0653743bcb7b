#pragma once

#include <map>
#include <memory>

#include "catalog/catalog.h"
#include "diag/finding_sink.h"
#include "frontend/config.h"

namespace aksc {

/// The catalog a project's rules use: the embedded tables, with the config's `data:` overrides
/// applied. A file that cannot be read or parsed is an AKS006 finding at its `data:` key, and
/// the embedded table stays in use. Built once per config.
class CatalogCache {
 public:
  explicit CatalogCache(FindingSink& sink) : sink_(sink) {}
  const Catalog& catalog_for(const Config& config);
  /// The snapshots of every catalog handed out so far (embedded first), without repeats.
  std::vector<DataSnapshot> snapshots_used() const;

 private:
  FindingSink& sink_;
  std::map<const Config*, std::unique_ptr<Catalog>> catalogs_;
  bool embedded_used_ = false;
};

}  // namespace aksc
