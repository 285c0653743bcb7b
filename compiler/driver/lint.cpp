// The lint pipeline from end to end: the stages are in driver/lint_pipeline.h, one file's
// checks in driver/lint_file.h, severities and suppressions in driver/settle.h.
#include "driver/lint.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "diag/finding_sink.h"
#include "driver/huge_page_heap.h"
#include "driver/lint_pipeline.h"
#include "driver/parallel.h"
#include "driver/settle.h"

namespace aksc {
namespace fs = std::filesystem;
namespace {

// Whether the command line may name enough files for a huge-page heap to pay (see
// huge_page_heap.h), before they are counted: a folder may hold thousands.
bool may_hold_many_files(const std::vector<std::string>& paths) {
  if (paths.empty() || paths.size() >= kFilesWorthHugePages) return true;  // empty: "."
  return std::any_of(paths.begin(), paths.end(), [](const std::string& path) {
    std::error_code error;
    return fs::is_directory(path, error);
  });
}

// --verbose: which aksc.yaml files made the config of the reported specs.
void note_config_chains(const std::set<const Config*>& configs, LintResult& result) {
  std::set<std::string> notes;
  for (const Config* config : configs) {
    if (config->file.empty()) continue;
    std::string chain;
    for (const std::string& file : config->chain)
      chain += (chain.empty() ? "" : " + ") + file;
    notes.insert(fmt::format("{}: the config of the specs it governs is {}{}", config->file, chain,
                             config->chain.size() > 1 ? " (top first)" : ""));
  }
  result.notes.insert(result.notes.end(), notes.begin(), notes.end());
}

// Hands each reported file its project's inventory, shared by the files of a project.
void keep_inventories(const LintFiles& files, InventoryCache& inventories, LintResult& result) {
  std::map<const Config*, std::shared_ptr<const std::vector<InventoryEntry>>> by_project;
  for (const auto& file : files) {
    if (!file->reported) continue;
    const Config& project = file->config->project();
    auto [kept, first] = by_project.try_emplace(&project);
    if (first) {
      const std::vector<InventoryEntry>& entries = inventories.inventory_for(project);
      if (!entries.empty()) kept->second = std::make_shared<std::vector<InventoryEntry>>(entries);
    }
    if (kept->second) result.inventories[file->input.display] = kept->second;
  }
}

// The policies of the reported specs' projects, once each, for SARIF's rule list.
void keep_policies(const PolicySet& set, LintResult& result) {
  for (const Policy& policy : set.policies) {
    bool kept = std::any_of(result.policies.begin(), result.policies.end(), [&](const Policy& p) {
      return p.id == policy.id && p.file == policy.file;
    });
    if (!kept) result.policies.push_back(policy);
  }
}

}  // namespace

LintResult run_lint(const LintRequest& request) {
  LintResult result;
  if (may_hold_many_files(request.paths)) use_huge_page_heap();  // before the walk's lists
  FindingSink config_sink;
  ConfigResolver configs(request.config_path, config_sink, request.max_file_size);
  CatalogCache catalogs(config_sink, request.allowed_paths);
  PolicyCache policies(config_sink, request.max_file_size, request.allowed_paths);
  ProjectFences fences(request.allowed_paths);
  SharedState shared{configs, catalogs, policies, fences};
  unsigned jobs = request.jobs == 0 ? default_jobs() : request.jobs;

  // Whole-project rules see every spec of each project, even when only some files were named.
  LintFiles files = load_files(request, shared, jobs, result);
  InventoryCache inventories(config_sink, request.max_file_size, request.allowed_paths);
  if (!files.empty()) run_project_rules(files, catalogs, inventories, jobs);
  keep_inventories(files, inventories, result);
  std::set<const Config*> reported_configs;
  for (const auto& file : files)
    if (file->reported) reported_configs.insert(file->config);
  note_config_chains(reported_configs, result);
  hand_over(files, request.max_file_size, jobs, result);

  for (const auto& [name, source] : configs.sources())
    result.sources[name] = source;
  for (const auto& [name, source] : inventories.sources())
    result.sources[name] = source;
  for (const auto& [name, source] : policies.sources())
    result.sources[name] = source;
  // Findings in configs and inventories count when they govern a reported file.
  std::set<std::string> governing;
  for (const Config* config : reported_configs) {
    governing.insert(config->chain.begin(), config->chain.end());
    governing.insert(inventories.display_for(config->project()));
    keep_policies(policies.policies_for(*config), result);
  }
  for (const std::string& policy_file : policies.all_files())
    governing.insert(policy_file);
  settle_config_findings(config_sink.findings(), governing, request.config_path.has_value(),
                         result.findings);
  // Mostly in order already: files come in walk order, each file's findings settled in order,
  // and the configs' findings after them. What is out of order is sorted and merged in, with
  // the order among equals that sorting the whole would keep.
  auto in_order =
      std::is_sorted_until(result.findings.begin(), result.findings.end(), finding_less);
  std::stable_sort(in_order, result.findings.end(), finding_less);
  std::inplace_merge(result.findings.begin(), in_order, result.findings.end(), finding_less);
  result.data = catalogs.snapshots_used();
  return result;
}

FindingCounts count_findings(const std::vector<Finding>& findings) {
  FindingCounts counts;
  for (const Finding& finding : findings) {
    if (finding.suppressed_because) {
      ++counts.suppressed;
    } else if (finding.severity == Severity::kError) {
      ++counts.errors;
    } else if (finding.severity == Severity::kWarning) {
      ++counts.warnings;
    } else {
      ++counts.notes;
    }
  }
  return counts;
}

}  // namespace aksc
