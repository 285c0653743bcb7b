#pragma once

#include <filesystem>
#include <string>

#include "diag/source_file.h"

namespace aksc {

/// Reads a regular file whole. Throws InputError naming `display_path` when it cannot.
SourceFile read_source(const std::filesystem::path& path, const std::string& display_path);

}  // namespace aksc
