#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace aksc {

/// A folder below OUTDIR, open for openat/renameat, or the error that kept it shut.
class OutputFolder {
 public:
  /// Opens OUTDIR/`relative` (with `create`, making the folders that are missing). OUTDIR is
  /// followed if it is a symlink (the user named it); every folder below it is entered with
  /// openat(O_NOFOLLOW | O_DIRECTORY) from its parent's descriptor, so a symlink anywhere below
  /// OUTDIR fails the open instead of leading elsewhere.
  OutputFolder(const std::filesystem::path& out_dir, const std::filesystem::path& relative,
               bool create);
  OutputFolder(const OutputFolder&) = delete;
  OutputFolder& operator=(const OutputFolder&) = delete;
  ~OutputFolder();

  bool is_open() const { return fd_ >= 0; }
  int fd() const { return fd_; }
  int error() const { return error_; }  ///< errno of the failed step when not open.

 private:
  int fd_ = -1;
  int error_ = 0;
};

/// The first of OUTDIR/`relative`'s folders or its file (below OUTDIR) that is a symlink, as
/// "OUTDIR/part", or nothing. Parts that do not exist yet are no obstacle.
std::optional<std::filesystem::path> symlink_below(const std::filesystem::path& out_dir,
                                                   const std::filesystem::path& relative);

}  // namespace aksc
