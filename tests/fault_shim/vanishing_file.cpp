// A file that vanishes between being listed and being read: opening a file whose name (last
// path component) is AKSC_FAULT_VANISH unlinks it first, so the open fails as it would had
// someone deleted the file in that instant. Deterministic, unlike racing a real deletion.
#include <fcntl.h>
#include <unistd.h>

#include <cstdarg>
#include <cstdlib>
#include <cstring>

#include "shim.h"

namespace {
using aksc::fault_shim::log_fault;
using aksc::fault_shim::next;

// `path` is relative to the folder open at `folder` (AT_FDCWD: the current folder).
void vanish_if_named(int folder, const char* path) {
  const char* name = std::getenv("AKSC_FAULT_VANISH");
  if (!name || !path) return;
  const char* slash = std::strrchr(path, '/');
  if (std::strcmp(slash ? slash + 1 : path, name) != 0) return;
  if (unlinkat(folder, path, 0) == 0) log_fault("vanished", path);
}

// The mode argument is there only when the flags create a file.
mode_t mode_of(int flags, va_list arguments) {
  return (flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE ? va_arg(arguments, mode_t) : 0;
}

}  // namespace

extern "C" int open(const char* path, int flags, ...) {
  va_list arguments;
  va_start(arguments, flags);
  mode_t mode = mode_of(flags, arguments);
  va_end(arguments);
  vanish_if_named(AT_FDCWD, path);
  return next<int(const char*, int, ...)>("open")(path, flags, mode);
}

extern "C" int open64(const char* path, int flags, ...) {
  va_list arguments;
  va_start(arguments, flags);
  mode_t mode = mode_of(flags, arguments);
  va_end(arguments);
  vanish_if_named(AT_FDCWD, path);
  return next<int(const char*, int, ...)>("open64")(path, flags, mode);
}

extern "C" int openat(int folder, const char* path, int flags, ...) {
  va_list arguments;
  va_start(arguments, flags);
  mode_t mode = mode_of(flags, arguments);
  va_end(arguments);
  vanish_if_named(folder, path);
  return next<int(int, const char*, int, ...)>("openat")(folder, path, flags, mode);
}

extern "C" int openat64(int folder, const char* path, int flags, ...) {
  va_list arguments;
  va_start(arguments, flags);
  mode_t mode = mode_of(flags, arguments);
  va_end(arguments);
  vanish_if_named(folder, path);
  return next<int(int, const char*, int, ...)>("openat64")(folder, path, flags, mode);
}
