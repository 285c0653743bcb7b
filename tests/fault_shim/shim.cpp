#include "shim.h"

#include <fcntl.h>
#include <limits.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace aksc::fault_shim {

void log_fault(const char* what, const char* path) {
  const char* log = std::getenv("AKSC_FAULT_LOG");
  if (!log) return;
  // libc's open and write: this library's own would see the log file as one more file.
  int fd = next<int(const char*, int, ...)>("open")(log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC,
                                                    0644);
  if (fd < 0) return;
  char line[PATH_MAX + 64];
  int length = std::snprintf(line, sizeof line, "%s %s\n", what, path);
  if (length > 0) {
    std::size_t size = std::min(static_cast<std::size_t>(length), sizeof line - 1);
    next<ssize_t(int, const void*, std::size_t)>("write")(fd, line, size);
  }
  next<int(int)>("close")(fd);
}

bool fd_under(int fd, const char* variable, char* path, std::size_t size) {
  const char* value = std::getenv(variable);
  if (!value || size == 0) return false;
  char folder[PATH_MAX];
  if (!realpath(value, folder)) return false;
  char link[64];
  std::snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  ssize_t length = readlink(link, path, size - 1);
  if (length < 0) return false;
  path[length] = '\0';
  std::size_t folder_length = std::strlen(folder);
  return std::strncmp(path, folder, folder_length) == 0 && path[folder_length] == '/';
}

}  // namespace aksc::fault_shim
