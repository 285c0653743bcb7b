#pragma once

#include <map>
#include <memory>
#include <set>
#include <vector>

#include "diag/finding_sink.h"
#include "diag/source_file.h"
#include "driver/collect_inputs.h"
#include "frontend/config.h"
#include "frontend/inventory.h"
#include "frontend/path_fence.h"
#include "frontend/read_source.h"

namespace aksc {

/// A named file of the run and the config that governs it.
struct ScopedFile {
  const InputFile* input;
  const Config* config;
};

/// The spec files that the whole-project rules must also see, beyond the run's own: the YAML
/// files under the folder holding each file's aksc.yaml. For files without one: under their
/// common folder when that is the current folder or inside it and is not `/`; otherwise in
/// each file's own folder, not its subfolders. Folders the run walked whole (`walked_folders`)
/// are not walked again.
std::vector<InputFile> project_only_files(const std::vector<ScopedFile>& named,
                                          const std::set<FolderId>& walked_folders);

/// Reads each config's inventory once (SPEC §2), relative to the config's folder. Problems are
/// located findings in the inventory file (or, for a missing file, at the config's
/// `inventory:` key, as AKS006; for a path outside the project or `allowed`, as AKS007).
class InventoryCache {
 public:
  explicit InventoryCache(FindingSink& sink, std::uintmax_t max_file_size = kDefaultMaxFileSize,
                          std::vector<std::filesystem::path> allowed = {})
      : sink_(sink), max_file_size_(max_file_size), allowed_(std::move(allowed)) {}
  const std::vector<InventoryEntry>& inventory_for(const Config& config);
  /// The inventory file of `config` as shown in findings; empty when it has none.
  std::string display_for(const Config& config) const;
  const std::map<std::string, std::shared_ptr<const SourceFile>>& sources() const {
    return sources_;
  }

 private:
  FindingSink& sink_;
  std::uintmax_t max_file_size_;
  std::vector<std::filesystem::path> allowed_;
  std::map<const Config*, std::vector<InventoryEntry>> inventories_;
  std::map<std::string, std::shared_ptr<const SourceFile>> sources_;
};

}  // namespace aksc
