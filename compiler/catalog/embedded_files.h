#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace aksc {

/// A file of the source tree compiled into the binary (rule docs, schemas).
struct EmbeddedFile {
  std::string_view name;  ///< Path relative to the repository root, e.g. "schemas/x.json".
  std::string_view data;
};

/// Every embedded file, sorted by name. Defined in the generated embedded_files.cpp.
std::span<const EmbeddedFile> embedded_files();

/// The contents of the embedded file `name`, if there is one.
std::optional<std::string_view> embedded_file(std::string_view name);

}  // namespace aksc
