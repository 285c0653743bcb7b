#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "diag/source_file.h"

namespace aksc {

/// The largest file aksc reads unless told otherwise (--max-file-size): a spec is a few KB and
/// an inventory of thousands of computes a few MB, so a bigger file is a mistake or an attack.
constexpr std::uintmax_t kDefaultMaxFileSize = 16 * 1024 * 1024;

/// What is known of a file before it is read.
enum class FileKind {
  kUnknown,        ///< Named by a user or a spec: checked with stat before it is opened.
  kListedRegular,  ///< Listed as a regular file by a folder walk: opened without a stat first.
};

/// Reads a regular file whole. Throws InputError naming `display_path` when it cannot: missing,
/// unreadable, a folder, a FIFO, socket or device (never opened for reading, so never waited
/// on; one swapped in after a walk listed a regular file is opened without waiting and refused),
/// or larger than `max_bytes`.
SourceFile read_source(const std::filesystem::path& path, const std::string& display_path,
                       std::uintmax_t max_bytes = kDefaultMaxFileSize,
                       FileKind kind = FileKind::kUnknown);

/// "16 MiB", "512 KiB", "100 bytes": a size for messages.
std::string describe_size(std::uintmax_t bytes);

}  // namespace aksc
