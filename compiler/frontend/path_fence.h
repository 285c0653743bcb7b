#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aksc {

/// Where the files that a spec or aksc.yaml names may be (docs/security.md): inside the
/// project, or inside a folder the command line admits with --allow-path. A pull request
/// writes those paths, so none of them may lead aksc to read the rest of the machine.
struct PathFence {
  std::filesystem::path root;                  ///< The project's folder, canonical.
  std::vector<std::filesystem::path> allowed;  ///< --allow-path folders, canonical.
};

/// A written path resolved against its fence: the file to open, or why it is refused.
struct FencedPath {
  std::filesystem::path path;  ///< Canonical (symlinks followed); set when admitted.
  std::string refusal;         ///< Set when refused: "it is an absolute path", ...
  bool admitted() const { return refusal.empty(); }
};

/// Resolves `written` (relative to `base`) following every symlink, and admits it only when
/// the result lies inside `fence.root` or an allowed folder. An absolute path is refused
/// unless it lies inside an allowed folder.
FencedPath fence_path(std::string_view written, const std::filesystem::path& base,
                      const PathFence& fence);

/// The help line for a refused path: where relative paths start and how to admit a folder.
std::string fence_help(std::string_view relative_to);

/// Whether `path` is `folder` or lies inside it (both absolute and normal).
bool path_within(const std::filesystem::path& path, const std::filesystem::path& folder);

/// Canonical forms of the --allow-path folders; nullopt and `error` set for one that is not
/// an existing folder.
std::optional<std::vector<std::filesystem::path>> canonical_folders(
    const std::vector<std::string>& folders, std::string& error);

}  // namespace aksc
