#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "backends/artifacts.h"
#include "driver/lint.h"

namespace aksc {

/// What to build (SPEC §4, §5).
struct BuildRequest {
  std::vector<std::string> paths;          ///< Files and folders; none = current folder.
  std::optional<std::string> config_path;  ///< --config
  std::filesystem::path out_dir;           ///< -o OUTDIR
  Target target = Target::kAll;
  bool check = false;  ///< Compare with OUTDIR instead of writing.
  unsigned jobs = 0;   ///< Threads for loading and checking; 0 = all.
  std::uintmax_t max_file_size = kDefaultMaxFileSize;  ///< --max-file-size
  std::vector<std::filesystem::path> allowed_paths;    ///< --allow-path, canonical
};

/// One file the specs compile to.
struct PlannedFile {
  std::filesystem::path path;  ///< OUTDIR/<workspace>/<name>/<file>, OUTDIR as given.
  std::string content;
  bool executable = false;
  std::filesystem::path relative;  ///< <workspace>/<name>/<file>: below OUTDIR.
};

/// What the specs compile to, before anything touches the disk.
struct BuildPlan {
  std::vector<PlannedFile> files;     ///< In spec walk order, then artifact order.
  std::vector<std::string> built;     ///< "<workspace>/<name>" of each compute built.
  std::vector<std::string> refusals;  ///< Why a spec (or everything) builds nothing.
  std::vector<std::string> notes;     ///< What the inventory changed in a spec's steps.
};

/// Plans the artifacts of every spec without errors. A spec with errors, one whose
/// deployment cannot be resolved, whose names cannot be folder names, or that shares its
/// folder with another spec, builds nothing and gets a refusal; an error outside any spec
/// (aksc.yaml, an inventory, a file that is not YAML) refuses everything. Touches no file.
BuildPlan plan_build(const LintResult& lint, const BuildRequest& request);

/// Everything a build run did.
struct BuildResult {
  LintResult lint;
  BuildPlan plan;
  std::vector<std::string> written;    ///< Files replaced or created.
  std::vector<std::string> unchanged;  ///< Files that already held these bytes (not touched).
  std::vector<std::string> stale;      ///< --check: "missing: PATH" or "differs: PATH".
  std::vector<std::string> errors;     ///< The output could not be written: exit code 2.
};

/// Lints, plans, then writes the plan atomically file by file (or, with `check`, compares it
/// with OUTDIR and writes nothing). Stops at the first file it cannot write. Never writes or
/// reads through a symlink below OUTDIR: a plan that meets one is refused whole, before the
/// first write.
BuildResult run_build(const BuildRequest& request);

}  // namespace aksc
