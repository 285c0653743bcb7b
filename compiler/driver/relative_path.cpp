#include "driver/relative_path.h"

#include <string_view>

namespace aksc {
namespace {

// Whether a path's text is plainly normal: absolute, no empty, "." or ".." element, no trailing
// '/'. A canonical path is; a configured folder usually is.
bool plainly_normal(std::string_view path) {
  if (path.size() < 2 || path.front() != '/' || path.back() == '/') return false;
  for (std::string_view element : {"//", "/./", "/../"}) {
    if (path.find(element) != std::string_view::npos) return false;
  }
  return !path.ends_with("/.") && !path.ends_with("/..");
}

}  // namespace

std::string relative_to(const std::string& canonical_file, const std::filesystem::path& directory) {
  // A file inside a plainly normal folder is the rest of its path, which lexically_relative
  // would work out element by element (for each file with findings).
  const std::string& folder = directory.native();
  if (plainly_normal(folder) && plainly_normal(canonical_file) &&
      canonical_file.size() > folder.size() + 1 && canonical_file.starts_with(folder) &&
      canonical_file[folder.size()] == '/') {
    return canonical_file.substr(folder.size() + 1);
  }
  return std::filesystem::path(canonical_file).lexically_relative(directory).generic_string();
}

}  // namespace aksc
