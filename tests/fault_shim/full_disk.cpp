// A full disk under the folder named by AKSC_FAULT_FULL_DIR. AKSC_FAULT_FULL_AT says where the
// error shows, as it does on real file systems:
//   write (default): the folder has AKSC_FAULT_FREE_BYTES bytes free (default 0); the write
//     that reaches the limit is cut short, the next one fails with ENOSPC;
//   fsync, close: writes succeed and that call fails with ENOSPC, as on file systems that
//     allocate blocks late (delayed allocation, NFS); close still releases the descriptor.
#include <limits.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "shim.h"

namespace {
using aksc::fault_shim::fd_under;
using aksc::fault_shim::log_fault;
using aksc::fault_shim::next;

std::atomic<std::size_t> used{0};  // bytes written under the full folder so far

bool full_at(const char* call) {
  const char* at = std::getenv("AKSC_FAULT_FULL_AT");
  return std::strcmp(at ? at : "write", call) == 0;
}

std::size_t free_bytes() {
  const char* value = std::getenv("AKSC_FAULT_FREE_BYTES");
  return value ? std::strtoull(value, nullptr, 10) : 0;
}

// Claims up to `wanted` of the bytes still free; 0 when the disk is full.
std::size_t claim(std::size_t wanted) {
  std::size_t before = used.load();
  std::size_t granted = 0;
  do {
    std::size_t limit = free_bytes();
    granted = before >= limit ? 0 : std::min(wanted, limit - before);
  } while (!used.compare_exchange_weak(before, before + granted));
  return granted;
}

}  // namespace

extern "C" ssize_t write(int fd, const void* data, std::size_t size) {
  auto real = next<ssize_t(int, const void*, std::size_t)>("write");
  char path[PATH_MAX];
  if (size == 0 || !full_at("write") || !fd_under(fd, "AKSC_FAULT_FULL_DIR", path, sizeof path)) {
    return real(fd, data, size);
  }
  std::size_t granted = claim(size);
  if (granted == 0) {
    log_fault("ENOSPC write", path);
    errno = ENOSPC;
    return -1;
  }
  if (granted < size) log_fault("short write", path);
  return real(fd, data, granted);
}

extern "C" int fsync(int fd) {
  char path[PATH_MAX];
  if (full_at("fsync") && fd_under(fd, "AKSC_FAULT_FULL_DIR", path, sizeof path)) {
    log_fault("ENOSPC fsync", path);
    errno = ENOSPC;
    return -1;
  }
  return next<int(int)>("fsync")(fd);
}

extern "C" int close(int fd) {
  char path[PATH_MAX];
  bool full = full_at("close") && fd_under(fd, "AKSC_FAULT_FULL_DIR", path, sizeof path);
  int result = next<int(int)>("close")(fd);
  if (!full) return result;
  log_fault("ENOSPC close", path);
  errno = ENOSPC;
  return -1;
}
