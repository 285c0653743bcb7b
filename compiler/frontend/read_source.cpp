#include "frontend/read_source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "frontend/input_error.h"

namespace aksc {

namespace {

// Closes the descriptor on every path out of read_source.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

std::string system_error() {
  return std::strerror(errno);
}

// Rejects anything but a regular file no larger than `max_bytes`.
void check_kind_and_size(const struct stat& info, const std::string& display_path,
                         std::uintmax_t max_bytes) {
  if (S_ISDIR(info.st_mode)) throw InputError(display_path, "is a folder, not a file");
  if (!S_ISREG(info.st_mode)) throw InputError(display_path, "is not a regular file");
  auto size = static_cast<std::uintmax_t>(info.st_size);
  if (size > max_bytes) {
    throw InputError(display_path,
                     fmt::format("is {}, larger than the {} limit of --max-file-size, so it is not "
                                 "read; raise the limit if this file is meant to be checked",
                                 describe_size(size), describe_size(max_bytes)));
  }
}

}  // namespace

std::string describe_size(std::uintmax_t bytes) {
  constexpr std::uintmax_t kKiB = 1024, kMiB = kKiB * 1024, kGiB = kMiB * 1024;
  if (bytes >= kGiB && bytes % kGiB == 0) return fmt::format("{} GiB", bytes / kGiB);
  if (bytes >= kMiB) return fmt::format("{:.{}f} MiB", double(bytes) / kMiB, bytes % kMiB ? 1 : 0);
  if (bytes >= kKiB) return fmt::format("{:.{}f} KiB", double(bytes) / kKiB, bytes % kKiB ? 1 : 0);
  return fmt::format("{} bytes", bytes);
}

SourceFile read_source(const std::filesystem::path& path, const std::string& display_path,
                       std::uintmax_t max_bytes, FileKind kind) {
  // stat before open: a FIFO, socket or device named by a user is refused without being opened.
  // A file a walk has just listed as regular skips it: the listing answered the same question.
  struct stat info {};
  if (kind == FileKind::kUnknown) {
    if (::stat(path.c_str(), &info) != 0)
      throw InputError(display_path, "cannot read: " + system_error());
    check_kind_and_size(info, display_path, max_bytes);
  }
  // O_NONBLOCK: should the path have been swapped for a FIFO since, open does not wait for a
  // writer, and fstat below refuses it.
  FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK));
  if (fd.get() < 0) throw InputError(display_path, "cannot read: " + system_error());
  if (::fstat(fd.get(), &info) != 0)
    throw InputError(display_path, "cannot read: " + system_error());
  check_kind_and_size(info, display_path, max_bytes);
  // Room for one byte more than fstat's size: a read that comes back short of the room at exactly
  // that size has met the end of the file, which saves the read that would return 0. A file that
  // has grown, or that says it is empty and is not (/proc), fills the spare byte and is read on.
  const auto expected = static_cast<std::size_t>(info.st_size);
  std::string text(expected + 1, '\0');
  std::size_t filled = 0;
  char spill[4096];  // catches growth since fstat without over-allocating every file
  for (;;) {
    bool in_text = filled < text.size();
    char* into = in_text ? text.data() + filled : spill;
    std::size_t room = in_text ? text.size() - filled : sizeof spill;
    ssize_t got = ::read(fd.get(), into, room);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) throw InputError(display_path, "read failed: " + system_error());
    if (got == 0) break;
    if (!in_text) text.append(spill, static_cast<std::size_t>(got));
    filled += static_cast<std::size_t>(got);
    if (filled > max_bytes) {
      throw InputError(display_path, fmt::format("grew beyond the {} limit while being read",
                                                 describe_size(max_bytes)));
    }
    if (in_text && static_cast<std::size_t>(got) < room && filled == expected) break;
  }
  text.resize(filled);
  return SourceFile(display_path, std::move(text));
}

}  // namespace aksc
