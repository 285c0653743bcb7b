#include "frontend/path_fence.h"

#include <fmt/format.h>

namespace aksc {
namespace fs = std::filesystem;

bool path_within(const fs::path& path, const fs::path& folder) {
  auto inner = path.begin();
  for (auto outer = folder.begin(); outer != folder.end(); ++outer, ++inner) {
    if (outer->empty()) continue;  // the empty last element of "/a/b/"
    if (inner == path.end() || *inner != *outer) return false;
  }
  return true;
}

namespace {

bool admitted_by(const fs::path& resolved, const PathFence& fence, bool root_too) {
  if (root_too && !fence.root.empty() && path_within(resolved, fence.root)) return true;
  for (const fs::path& folder : fence.allowed) {
    if (path_within(resolved, folder)) return true;
  }
  return false;
}

}  // namespace

FencedPath fence_path(std::string_view written, const fs::path& base, const PathFence& fence) {
  fs::path path{std::string(written)};
  std::error_code error;
  // weakly_canonical keeps a relative path relative when no part of it exists yet.
  fs::path joined = fs::absolute(path.is_absolute() ? path : base / path, error);
  // weakly_canonical follows every symlink of the part that exists; a missing file keeps its
  // name, so the caller still reports it as missing.
  fs::path resolved = fs::weakly_canonical(joined, error);
  if (error) resolved = joined.lexically_normal();
  FencedPath result;
  if (path.is_absolute()) {
    if (admitted_by(resolved, fence, false)) {
      result.path = resolved;
    } else {
      result.refusal = "it is an absolute path, outside the project";
    }
    return result;
  }
  if (admitted_by(resolved, fence, true)) {
    result.path = resolved;
    return result;
  }
  fs::path lexical = joined.lexically_normal();
  bool lexically_inside = !fence.root.empty() && path_within(lexical, fence.root);
  result.refusal = lexically_inside ? "it leads outside the project through a symbolic link"
                                    : "it leads outside the project";
  return result;
}

std::string fence_help(std::string_view relative_to) {
  return fmt::format(
      "name a file inside the project, relative to {}; a folder outside it (a CI secrets "
      "mount) can be admitted with --allow-path DIR on the command line",
      relative_to);
}

std::optional<std::vector<fs::path>> canonical_folders(const std::vector<std::string>& folders,
                                                       std::string& error) {
  std::vector<fs::path> result;
  for (const std::string& folder : folders) {
    std::error_code failure;
    fs::path canonical = fs::canonical(folder, failure);
    if (failure || !fs::is_directory(canonical, failure)) {
      error = fmt::format("--allow-path '{}' is not an existing folder", folder);
      return std::nullopt;
    }
    result.push_back(canonical);
  }
  return result;
}

}  // namespace aksc
