#include "driver/atomic_write.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>

namespace aksc {
namespace {

mode_t current_umask() {
  mode_t mask = umask(0);
  umask(mask);
  return mask;
}

WriteError error_for(const std::filesystem::path& path, int error) {
  return WriteError("cannot write " + path.string() + ": " + std::strerror(error));
}

// Writes all of `content` to `fd`, retrying short writes and interrupted calls.
bool write_all(int fd, std::string_view content) {
  while (!content.empty()) {
    ssize_t n = write(fd, content.data(), content.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    content.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

// Creates a new temporary file for `name` in `folder`, mode 0600 as mkstemp makes it; -1 with
// errno set when it cannot.
int create_temporary(int folder, const std::string& name, std::string& temporary) {
  static constexpr char kLetters[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  thread_local std::mt19937_64 random{std::random_device{}()};
  for (int attempt = 0; attempt < 100; ++attempt) {
    std::string suffix(6, 'X');
    for (char& c : suffix)
      c = kLetters[random() % (sizeof kLetters - 1)];
    temporary = "." + name + ".tmp-" + suffix;
    int fd = openat(folder, temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                    0600);
    if (fd >= 0 || errno != EEXIST) return fd;
  }
  return -1;
}

// Gives the finished temporary its name unless something has that name: link(2) fails then,
// with nothing replaced. A file system without hard links gets a check, then a rename, which a
// file made in between would lose to. False with errno set when it fails.
bool link_new(int folder, const std::string& temporary, const std::string& name) {
  if (linkat(folder, temporary.c_str(), folder, name.c_str(), 0) == 0) return true;
  if (errno != EPERM && errno != ENOTSUP && errno != EXDEV) return false;
  struct stat info {};
  if (fstatat(folder, name.c_str(), &info, AT_SYMLINK_NOFOLLOW) == 0) {
    errno = EEXIST;
    return false;
  }
  return renameat(folder, temporary.c_str(), folder, name.c_str()) == 0;
}

}  // namespace

void write_file_atomically_at(int folder, const std::string& name, const std::string& shown,
                              std::string_view content, bool executable, Existing existing) {
  std::string temporary;
  int fd = create_temporary(folder, name, temporary);
  if (fd < 0) throw error_for(shown, errno);
  mode_t mode = (executable ? 0777 : 0666) & ~current_umask();
  bool ok = fchmod(fd, mode) == 0 && write_all(fd, content) && fsync(fd) == 0;
  int error = errno;
  if (close(fd) != 0 && ok) {
    ok = false;
    error = errno;
  }
  if (ok) {
    ok = existing == Existing::kReplace
             ? renameat(folder, temporary.c_str(), folder, name.c_str()) == 0
             : link_new(folder, temporary, name);
    if (!ok) error = errno;
  }
  // After a link the temporary is a second name of the file; after a failure it is all that
  // is left of the write.
  if (!ok || existing == Existing::kKeep) unlinkat(folder, temporary.c_str(), 0);
  if (ok) return;
  if (error == EEXIST && existing == Existing::kKeep) {
    throw FileExists(error_for(shown, error).what());
  }
  throw error_for(shown, error);
}

void write_file_atomically(const std::filesystem::path& path, std::string_view content,
                           bool executable, Existing existing) {
  std::filesystem::path folder_path = path.parent_path().empty() ? "." : path.parent_path();
  int folder = open(folder_path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (folder < 0) throw error_for(path, errno);
  try {
    write_file_atomically_at(folder, path.filename().string(), path.string(), content, executable,
                             existing);
  } catch (...) {
    close(folder);
    throw;
  }
  close(folder);
}

std::optional<std::string> read_existing_file_at(int folder, const std::string& name) {
  int fd = openat(folder, name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat info {};
  std::optional<std::string> text;
  if (fstat(fd, &info) == 0 && S_ISREG(info.st_mode)) {
    text.emplace();
    char buffer[1 << 16];
    for (;;) {
      ssize_t n = read(fd, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) text.reset();
      if (n <= 0) break;
      text->append(buffer, static_cast<std::size_t>(n));
    }
  }
  close(fd);
  return text;
}

}  // namespace aksc
