#include "catalog/embedded_files.h"

#include <algorithm>

namespace aksc {

std::optional<std::string_view> embedded_file(std::string_view name) {
  auto files = embedded_files();
  auto found = std::lower_bound(
      files.begin(), files.end(), name,
      [](const EmbeddedFile& file, std::string_view key) { return file.name < key; });
  if (found == files.end() || found->name != name) return std::nullopt;
  return found->data;
}

}  // namespace aksc
