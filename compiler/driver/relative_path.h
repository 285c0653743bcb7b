#pragma once

#include <filesystem>
#include <string>

namespace aksc {

/// `canonical_file` relative to `directory`, '/'-separated, as lexically_relative gives it (the
/// path aksc.yaml's `ignore: paths:` globs are matched against).
std::string relative_to(const std::string& canonical_file, const std::filesystem::path& directory);

}  // namespace aksc
