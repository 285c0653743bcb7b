#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <vector>

#include "catalog/catalog.h"
#include "diag/finding_sink.h"
#include "frontend/config.h"

namespace aksc {

/// The catalog a project's rules use: the embedded tables, with the config's `data:` overrides
/// applied. A file that cannot be read or parsed is an AKS006 finding at its `data:` key, and
/// the embedded table stays in use; one outside the project or `allowed` is not read (AKS007).
/// Built once per config.
class CatalogCache {
 public:
  explicit CatalogCache(FindingSink& sink, std::vector<std::filesystem::path> allowed = {})
      : sink_(sink), allowed_(std::move(allowed)) {}
  const Catalog& catalog_for(const Config& config);
  /// The snapshots of every catalog handed out so far (embedded first), without repeats.
  std::vector<DataSnapshot> snapshots_used() const;

 private:
  FindingSink& sink_;
  std::vector<std::filesystem::path> allowed_;
  std::map<const Config*, std::unique_ptr<Catalog>> catalogs_;
  bool embedded_used_ = false;
};

}  // namespace aksc
