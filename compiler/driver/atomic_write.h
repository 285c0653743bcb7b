#pragma once

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace aksc {

/// A file could not be written; what() names the file and the system's reason.
struct WriteError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Nothing was written because the file was there and was to be kept (Existing::kKeep).
struct FileExists : WriteError {
  using WriteError::WriteError;
};

/// What a write does with a file that is already there.
enum class Existing {
  kReplace,  ///< Replaces it whole.
  kKeep,     ///< Leaves it as it is and throws FileExists.
};

/// Writes `content` to `path` all or nothing: a new temporary file in the same folder (created
/// with O_EXCL and O_NOFOLLOW), flushed to disk, then renamed over `path` (kReplace) or linked
/// to `path`, which fails when anything is there (kKeep). An interrupted or failed write leaves
/// the old file whole and no temporary behind. Mode 0666 (0777 when `executable`) less the
/// umask. Throws WriteError.
void write_file_atomically(const std::filesystem::path& path, std::string_view content,
                           bool executable, Existing existing = Existing::kReplace);

/// The same for the file `name` of the folder open as `folder`: the temporary file is created
/// and renamed relative to that descriptor (openat, renameat), so the write cannot be sent
/// elsewhere by a symlink on the folder's path; a symlink at `name` is replaced, never
/// followed. `shown` names the file in errors.
void write_file_atomically_at(int folder, const std::string& name, const std::string& shown,
                              std::string_view content, bool executable,
                              Existing existing = Existing::kReplace);

/// The bytes of the regular file `name` of the folder open as `folder`, or nothing when there
/// is none; a symlink there is not followed (nothing).
std::optional<std::string> read_existing_file_at(int folder, const std::string& name);

}  // namespace aksc
