#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "driver/catalog_for_config.h"
#include "driver/config_resolver.h"
#include "driver/lint.h"
#include "driver/lint_file.h"
#include "driver/policy_cache.h"
#include "driver/project_fence.h"
#include "driver/project_scope.h"

namespace aksc {

// The stages of a lint run over all its files, in the order run_lint calls them, and the
// threads each uses. Each file is linted on its own (driver/lint_file.h) and merged in input
// order, so the output is the same on any number of threads.

using LintFiles = std::vector<std::unique_ptr<FileState>>;

/// The configs, catalogs and fences files share. Used on one thread: configs and catalogs are
/// read once and shared.
struct SharedState {
  ConfigResolver& configs;
  CatalogCache& catalogs;
  PolicyCache& policies;
  const ProjectFences& fences;
};

/// Walks the request's paths and lints each file on `jobs` threads as soon as the walk finds
/// it; then loads, not reported on, the files the whole-project rules must see beyond those
/// (project_only_files). Records the walk's errors and notes, and what each named file
/// contributes, in `result`; returns every file that could be used, the named ones first.
LintFiles load_files(const LintRequest& request, SharedState& shared, unsigned jobs,
                     LintResult& result);

/// Runs the whole-project rules of every project (one per config) over all its specs, each
/// project's rules side by side on `jobs` threads when it is large enough to pay for them.
/// Their findings go to the files they point into.
void run_project_rules(LintFiles& files, CatalogCache& catalogs, InventoryCache& inventories,
                       unsigned jobs);

/// Settles each reported file's findings (driver/settle.h) on `jobs` threads and moves them,
/// the text of each file a finding points into and every spec into `result`, letting go of
/// each file as soon as it is done. Leaves `files` empty.
void hand_over(LintFiles& files, std::uintmax_t max_file_size, unsigned jobs, LintResult& result);

}  // namespace aksc
