#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace aksc {

/// Where the artifacts of one spec are written, as far as their contents need to know.
struct ArtifactContext {
  /// The spec's folder seen from the artifact folder (e.g. `../../../vision`), so that files
  /// the spec names relative to itself (certificates) can be named relative to the artifacts.
  /// Relative paths keep the artifacts the same on every machine and in every checkout.
  std::filesystem::path spec_dir_from_artifacts;
};

/// A path written in the spec (relative to the spec's folder, or absolute) as seen from the
/// artifact folder, '/'-separated and lexically normal.
std::string path_from_artifacts(const ArtifactContext& context, std::string_view written);

/// True when `written` is an absolute path, which the artifacts keep as it is.
bool is_absolute_path(std::string_view written);

}  // namespace aksc
