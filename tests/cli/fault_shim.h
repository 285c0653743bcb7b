#pragma once
// Runs aksc with the fault-injection library of tests/fault_shim/ preloaded (LD_PRELOAD), which
// fakes a full disk or a file deleted mid-run as its AKSC_FAULT_* variables say.

#include <filesystem>
#include <string>
#include <vector>

#include "../support/process.h"

namespace aksc::test {

/// Runs aksc (aksc_preloadable: a static binary ignores LD_PRELOAD) with `args` in `cwd`, the
/// library preloaded and `settings` ("AKSC_FAULT_...=value") in its environment.
inline ProcessResult run_aksc_with_faults(const std::vector<std::string>& args,
                                          const std::filesystem::path& cwd,
                                          std::vector<std::string> settings) {
  settings.push_back(std::string("LD_PRELOAD=") + AKSC_FAULT_SHIM);
  std::vector<std::string> argv{AKSC_PRELOADABLE_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_process(argv, cwd, settings);
}

}  // namespace aksc::test
