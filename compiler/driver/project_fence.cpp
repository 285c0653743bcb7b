#include "driver/project_fence.h"

namespace aksc {
namespace fs = std::filesystem;

ProjectFences::ProjectFences(std::vector<fs::path> allowed) : allowed_(std::move(allowed)) {
  std::error_code error;
  current_ = fs::canonical(fs::current_path(error), error);
  if (error) current_.clear();
}

PathFence ProjectFences::for_spec(const fs::path& canonical_spec, const Config& config) const {
  fs::path folder = canonical_spec.parent_path();
  if (!config.file.empty() && path_within(folder, config.directory)) {
    return {config.directory, allowed_};
  }
  if (!current_.empty() && current_.has_relative_path() && path_within(folder, current_)) {
    return {current_, allowed_};
  }
  return {folder, allowed_};
}

}  // namespace aksc
