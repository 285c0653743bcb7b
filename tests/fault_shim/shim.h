#pragma once
// What the interposers of the fault-injection library share. The library is test-only: loaded
// into aksc with LD_PRELOAD by tests/cli/fault_shim.h, never installed, never linked into aksc.

#include <dlfcn.h>

#include <cstddef>

namespace aksc::fault_shim {

/// The definition of `name` that this library hides: libc's (or, in a sanitizer build, the
/// one after the sanitizer's interceptor, which is this library's, then libc's).
template <typename Function>
Function* next(const char* name) {
  return reinterpret_cast<Function*>(dlsym(RTLD_NEXT, name));
}

/// Appends "<what> <path>\n" to the file named by AKSC_FAULT_LOG, when set: the tests check
/// it to know that a fault was injected rather than assume it.
void log_fault(const char* what, const char* path);

/// Whether the open file `fd` is inside the folder named by the environment variable
/// `variable`; its path is copied into `path` (of `size` bytes) for the log.
bool fd_under(int fd, const char* variable, char* path, std::size_t size);

}  // namespace aksc::fault_shim
