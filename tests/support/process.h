#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace aksc::test {

/// What a finished process printed and returned.
struct ProcessResult {
  int exit_code = -1;  ///< -1 when killed by a signal.
  std::string out;
  std::string err;
};

/// Runs `argv` in `cwd` with stdin from /dev/null and captures stdout and stderr.
ProcessResult run_process(const std::vector<std::string>& argv,
                          const std::filesystem::path& cwd = std::filesystem::current_path(),
                          const std::vector<std::string>& extra_env = {});

/// Runs the built aksc binary with `args` in `cwd`.
ProcessResult run_aksc(const std::vector<std::string>& args,
                       const std::filesystem::path& cwd = std::filesystem::current_path());

/// The repository root (for samples/, tests/rules/, schemas/).
std::filesystem::path source_dir();

/// A fresh empty folder, removed with its contents at the end of the scope.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  /// Writes `content` to `relative` (creating folders) and returns the full path.
  std::filesystem::path write(const std::string& relative, const std::string& content) const;

 private:
  std::filesystem::path path_;
};

}  // namespace aksc::test
