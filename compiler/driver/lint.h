#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "diag/finding.h"
#include "diag/render.h"
#include "diag/source_file.h"
#include "driver/spec_list.h"
#include "frontend/inventory.h"
#include "frontend/read_source.h"
#include "ir/spec.h"
#include "policy/policy.h"

namespace aksc {

/// What to lint.
struct LintRequest {
  std::vector<std::string> paths;          ///< Files and folders; none = current folder.
  std::optional<std::string> config_path;  ///< --config
  unsigned jobs = 0;                       ///< Threads for loading and checking; 0 = all.
  std::uintmax_t max_file_size = kDefaultMaxFileSize;  ///< --max-file-size, for specs and facts.
  /// --specs-only: a named file that cannot hold a spec (not named *.yaml or *.yml, or without
  /// the text "aksc/", "AksCompute" or "KubernetesCompute" in any case) is skipped with a note.
  bool specs_only = false;
  /// --allow-path: canonical folders outside the project whose files specs and aksc.yaml may
  /// name (docs/security.md).
  std::vector<std::filesystem::path> allowed_paths;
};

/// Everything a lint run found, ready for a renderer.
struct LintResult {
  std::vector<Finding> findings;  ///< Sorted; severities final; suppressed ones marked.
  /// The text of every file with a finding, for excerpts.
  SourceMap sources;
  SpecList specs;                         ///< Every spec, in input order.
  std::vector<std::string> input_errors;  ///< Unusable inputs: exit code 2.
  std::vector<std::string> notes;         ///< What was skipped and why (--verbose).
  int files = 0;                          ///< Files read.
  int outside_links = 0;           ///< Symlinks the walk skipped: they lead outside its folder.
  std::vector<DataSnapshot> data;  ///< The Azure data tables the verdicts rest on.
  std::vector<Policy> policies;    ///< The policies of the reported specs' projects.
  /// The inventory of each reported spec file's project, when it has entries (keyed by the
  /// file as specs name it): aksc build reads what exists already from it.
  std::map<std::string, std::shared_ptr<const std::vector<InventoryEntry>>> inventories;
};

/// Runs the whole front end and every rule: collect inputs → load YAML → select spec documents
/// → schema → lower → rules → suppressions and severities. Never throws for bad input.
LintResult run_lint(const LintRequest& request);

/// Counts of unsuppressed findings by severity.
struct FindingCounts {
  int errors = 0;
  int warnings = 0;
  int notes = 0;
  int suppressed = 0;
};
FindingCounts count_findings(const std::vector<Finding>& findings);

}  // namespace aksc
