#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "driver/migrate.h"

namespace aksc {

/// The path of a migrated file below -o DIR: the file as shown, when it is relative and does
/// not climb out of the current folder; nothing otherwise.
std::optional<std::filesystem::path> migrate_relative_output(const std::string& file);

/// Writes the changed files of `result`: each atomically (a temporary file renamed over it),
/// in place or below `request.out_dir` through OutputFolder (never through a symlink below
/// it); a file that already holds the bytes is left alone. Stops at the first failure, noted in
/// `result.errors`.
void write_migrated_files(const MigrateRequest& request, MigrateResult& result);

}  // namespace aksc
