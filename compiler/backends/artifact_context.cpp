#include "backends/artifact_context.h"

namespace aksc {

bool is_absolute_path(std::string_view written) {
  return std::filesystem::path(written).is_absolute();
}

std::string path_from_artifacts(const ArtifactContext& context, std::string_view written) {
  std::filesystem::path path(written);
  if (path.is_absolute()) return path.lexically_normal().generic_string();
  return (context.spec_dir_from_artifacts / path).lexically_normal().generic_string();
}

}  // namespace aksc
