#pragma once

#include <filesystem>
#include <vector>

#include "frontend/config.h"
#include "frontend/path_fence.h"

namespace aksc {

/// The fences of a run: each project's folder, and the --allow-path folders for all.
class ProjectFences {
 public:
  explicit ProjectFences(std::vector<std::filesystem::path> allowed);

  /// For the paths a spec names: the folder of its aksc.yaml when the spec lies inside it;
  /// without one (or with a --config elsewhere), the current folder when the spec lies inside
  /// it, else the spec's own folder: the same bounds as the project's own files (SPEC §2).
  PathFence for_spec(const std::filesystem::path& canonical_spec, const Config& config) const;

 private:
  std::vector<std::filesystem::path> allowed_;
  std::filesystem::path current_;  ///< Canonical current folder; empty when unknown.
};

}  // namespace aksc
