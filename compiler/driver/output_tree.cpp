#include "driver/output_tree.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

namespace aksc {
namespace fs = std::filesystem;

namespace {

constexpr int kFolderFlags = O_RDONLY | O_DIRECTORY | O_CLOEXEC;

// Replaces the descriptor held in `fd` with `next`.
void step(int& fd, int next) {
  close(fd);
  fd = next;
}

}  // namespace

OutputFolder::OutputFolder(const fs::path& out_dir, const fs::path& relative, bool create) {
  int fd = open(out_dir.c_str(), kFolderFlags);
  if (fd < 0) {
    error_ = errno;
    return;
  }
  for (const fs::path& part : relative) {
    if (create && mkdirat(fd, part.c_str(), 0777) != 0 && errno != EEXIST) {
      error_ = errno;
      close(fd);
      return;
    }
    int next = openat(fd, part.c_str(), kFolderFlags | O_NOFOLLOW);
    if (next < 0) {
      error_ = errno;
      close(fd);
      return;
    }
    step(fd, next);
  }
  fd_ = fd;
}

OutputFolder::~OutputFolder() {
  if (fd_ >= 0) close(fd_);
}

std::optional<fs::path> symlink_below(const fs::path& out_dir, const fs::path& relative) {
  int fd = open(out_dir.c_str(), kFolderFlags);
  if (fd < 0) return std::nullopt;  // no OUTDIR yet: nothing below it
  fs::path reached = out_dir;
  std::optional<fs::path> found;
  for (const fs::path& part : relative) {
    reached /= part;
    struct stat info {};
    if (fstatat(fd, part.c_str(), &info, AT_SYMLINK_NOFOLLOW) != 0) break;  // missing
    if (S_ISLNK(info.st_mode)) {
      found = reached;
      break;
    }
    if (!S_ISDIR(info.st_mode)) break;  // the file itself, or a file where a folder goes
    int next = openat(fd, part.c_str(), kFolderFlags | O_NOFOLLOW);
    if (next < 0) break;  // the write reports it
    step(fd, next);
  }
  close(fd);
  return found;
}

}  // namespace aksc
