#include "driver/lint.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "diag/finding_sink.h"
#include "diag/text_util.h"
#include "driver/catalog_for_config.h"
#include "driver/collect_inputs.h"
#include "driver/config_resolver.h"
#include "driver/glob.h"
#include "driver/project_scope.h"
#include "driver/suppressions.h"
#include "frontend/cluster_facts.h"
#include "frontend/input_error.h"
#include "frontend/load.h"
#include "frontend/lower.h"
#include "frontend/read_source.h"
#include "frontend/schema.h"
#include "frontend/ssl_files.h"
#include "rules/rule.h"
#include "rules/rule_doc.h"

namespace aksc {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kApiVersion = "aksc/v1";
constexpr std::string_view kKind = "AksCompute";

enum class DocumentKind { kSpec, kNearMiss, kOther };

std::string string_at(const nlohmann::json& root, const char* key) {
  return root.contains(key) && root[key].is_string() ? root[key].get<std::string>() : "";
}

// A spec has exactly apiVersion aksc/v1 and kind AksCompute (SPEC §1). A document that is
// plainly meant as one (apiVersion aksc/..., or kind AksCompute in any case) is a near miss:
// reported rather than silently skipped.
DocumentKind classify(const YamlDocument& doc) {
  if (!doc.root.is_object()) return DocumentKind::kOther;
  std::string api_version = string_at(doc.root, "apiVersion");
  std::string kind = string_at(doc.root, "kind");
  if (api_version == kApiVersion && kind == kKind) return DocumentKind::kSpec;
  if (api_version.rfind("aksc/", 0) == 0 || iequals(kind, kKind)) return DocumentKind::kNearMiss;
  return DocumentKind::kOther;
}

void report_near_miss(const YamlDocument& doc, const std::string& file, FindingSink& sink) {
  std::string api_version = string_at(doc.root, "apiVersion");
  std::string kind = string_at(doc.root, "kind");
  if (api_version != kApiVersion) {
    std::string pointer = doc.root.contains("apiVersion") ? "/apiVersion" : "";
    sink.report("AKS002", file, doc.locate(pointer),
                api_version.empty()
                    ? "this looks like an aksc spec but has no apiVersion, so it is not checked"
                    : fmt::format("apiVersion '{}' is not supported, so this document is not "
                                  "checked",
                                  api_version),
                "write 'apiVersion: aksc/v1'");
  } else {
    std::string pointer = doc.root.contains("kind") ? "/kind" : "";
    sink.report("AKS002", file, doc.locate(pointer),
                fmt::format("kind '{}' is not AksCompute, so this document is not checked", kind),
                "write 'kind: AksCompute'");
  }
}

// One file of the run: its source, config, suppressions and the findings not yet settled.
struct FileState {
  InputFile input;
  std::shared_ptr<const SourceFile> source;
  const Config* config = nullptr;
  std::vector<InlineSuppression> suppressions;
  FindingSink sink;
  std::vector<ir::Spec> specs;
  bool reported = true;  ///< False for files read only for the project rules.
};

struct DocumentCounts {
  std::size_t documents = 0;
  int specs = 0;  ///< Specs, or documents meant as specs.
};

// Loads a file's spec documents: YAML, schema, lowering.
DocumentCounts load_specs(FileState& file, std::vector<std::string>& notes) {
  const Schema& schema = Schema::embedded("aksc-spec.schema.json");
  file.suppressions = scan_suppressions(*file.source, file.sink);
  std::vector<YamlDocument> documents = load_yaml(*file.source, file.sink);
  int spec_count = 0;
  for (std::size_t i = 0; i < documents.size(); ++i) {
    YamlDocument& doc = documents[i];
    DocumentKind kind = classify(doc);
    if (kind == DocumentKind::kOther) {
      notes.push_back(
          fmt::format("{}:{}: document {} is not an aksc spec (apiVersion: aksc/v1, "
                      "kind: AksCompute), skipped",
                      file.input.display, doc.range.begin.line, i + 1));
      continue;
    }
    ++spec_count;
    if (kind == DocumentKind::kNearMiss) {
      report_near_miss(doc, file.input.display, file.sink);
      continue;
    }
    canonicalize_enums(doc, schema);
    std::set<std::string> invalid =
        validate_document(doc, schema, file.input.display, "AKS002", file.sink);
    file.specs.push_back(lower_spec(doc, invalid, file.input.display, static_cast<int>(i)));
    load_cluster_facts(file.specs.back(), file.input.path.parent_path(), file.sink);
    check_ssl_files(file.specs.back(), file.input.path.parent_path());
  }
  return {documents.size(), spec_count};
}

void run_spec_rules(FileState& file, const RuleContext& context) {
  for (const ir::Spec& spec : file.specs) {
    for (const RuleEntry& rule : rule_registry()) {
      if (!rule.check) continue;
      RuleReporter reporter(rule.id, spec, file.sink);
      rule.check(spec, context, reporter);
    }
  }
}

std::string relative_to(const fs::path& file, const fs::path& directory) {
  std::error_code error;
  fs::path absolute = fs::weakly_canonical(fs::absolute(file, error), error);
  return fs::relative(absolute, directory, error).generic_string();
}

const IgnoreEntry* find_config_ignore(const Config& config, const std::string& relative_path,
                                      const Finding& finding) {
  for (const IgnoreEntry& entry : config.ignores) {
    bool rule_matches =
        std::find(entry.rules.begin(), entry.rules.end(), finding.rule) != entry.rules.end();
    bool path_matches = std::any_of(entry.paths.begin(), entry.paths.end(), [&](const auto& glob) {
      return glob_match(glob, relative_path);
    });
    if (rule_matches && path_matches) return &entry;
  }
  return nullptr;
}

Severity default_severity(const std::string& rule) {
  const RuleDoc* doc = find_rule_doc(rule);
  return doc ? doc->severity : Severity::kError;
}

// Applies the config's severities ("off" removes) and every suppression to the file's findings.
void settle(FileState& file, std::vector<Finding>& out) {
  const Config& config = *file.config;
  std::string relative =
      config.file.empty() ? file.input.display : relative_to(file.input.path, config.directory);
  for (Finding& finding : file.sink.findings()) {
    finding.severity = default_severity(finding.rule);
    auto override = config.severities.find(finding.rule);
    if (override != config.severities.end()) {
      if (!override->second) continue;  // off
      finding.severity = *override->second;
    }
    if (const InlineSuppression* s = find_inline_suppression(file.suppressions, finding)) {
      finding.suppressed_because = s->reason;
    } else if (const IgnoreEntry* e = find_config_ignore(config, relative, finding)) {
      finding.suppressed_because = e->reason;
    }
    out.push_back(std::move(finding));
  }
}

// Reads and loads one file; false (with the error recorded) when it cannot be used.
bool open_file(FileState& file, ConfigResolver& configs, LintResult& result) {
  try {
    file.config = &configs.config_for(file.input.path);
    file.source = std::make_shared<SourceFile>(read_source(file.input.path, file.input.display));
  } catch (const InputError& error) {
    if (file.reported) result.input_errors.push_back(error.what());
    return false;
  }
  std::vector<std::string> notes;
  DocumentCounts counts = load_specs(file, notes);
  if (!file.reported) return true;
  ++result.files;
  result.sources[file.input.display] = file.source;
  result.notes.insert(result.notes.end(), notes.begin(), notes.end());
  bool syntax_error = std::any_of(file.sink.findings().begin(), file.sink.findings().end(),
                                  [](const Finding& f) { return f.rule == "AKS001"; });
  if (counts.specs == 0 && !syntax_error) {
    if (file.input.explicit_file) {
      result.input_errors.push_back(
          file.input.display + ": no aksc spec in this file (a spec document has apiVersion: " +
          std::string(kApiVersion) + " and kind: " + std::string(kKind) + ")");
    } else if (counts.documents == 0) {
      result.notes.push_back(file.input.display + ": no YAML documents, skipped");
    }
  }
  return true;
}

// Runs the project rules of every project (one per config) over all its specs.
void run_project_rules(std::vector<std::unique_ptr<FileState>>& files, CatalogCache& catalogs,
                       InventoryCache& inventories) {
  std::map<const Config*, Project> projects;
  std::map<std::string, FileState*> by_file;
  for (auto& file : files) {
    Project& project = projects[file->config];
    for (const ir::Spec& spec : file->specs)
      project.specs.push_back(&spec);
    if (file->reported) project.reported_files.insert(file->input.display);
    by_file[file->input.display] = file.get();
  }
  for (auto& [config, project] : projects) {
    project.inventory = inventories.inventory_for(*config);
    RuleContext context{catalogs.catalog_for(*config), *config};
    FindingSink sink;
    for (const RuleEntry& rule : rule_registry()) {
      if (!rule.project_check) continue;
      ProjectReporter reporter(rule.id, project, sink);
      rule.project_check(project, context, reporter);
    }
    for (Finding& finding : sink.findings()) {
      by_file.at(finding.location.file)->sink.add(std::move(finding));
    }
  }
}

}  // namespace

LintResult run_lint(const LintRequest& request) {
  LintResult result;
  InputSet inputs = collect_inputs(request.paths);
  result.input_errors = std::move(inputs.errors);
  result.notes = std::move(inputs.notes);
  FindingSink config_sink;
  ConfigResolver configs(request.config_path, config_sink);
  CatalogCache catalogs(config_sink);

  std::vector<std::unique_ptr<FileState>> files;
  for (InputFile& input : inputs.files) {
    auto file = std::make_unique<FileState>();
    file->input = std::move(input);
    if (open_file(*file, configs, result)) files.push_back(std::move(file));
  }
  // Whole-project rules see every spec of each project, even when only some files were named.
  std::vector<ScopedFile> named;
  for (const auto& file : files)
    named.push_back({&file->input, file->config});
  for (InputFile& extra : project_only_files(named)) {
    auto file = std::make_unique<FileState>();
    file->input = std::move(extra);
    file->reported = false;
    if (open_file(*file, configs, result)) files.push_back(std::move(file));
  }
  for (auto& file : files) {
    if (!file->reported) continue;
    RuleContext context{catalogs.catalog_for(*file->config), *file->config};
    run_spec_rules(*file, context);
  }
  InventoryCache inventories(config_sink);
  if (!files.empty()) run_project_rules(files, catalogs, inventories);
  for (auto& file : files) {
    if (!file->reported) continue;
    settle(*file, result.findings);
    for (ir::Spec& spec : file->specs)
      result.specs.push_back(std::move(spec));
  }

  for (const auto& [name, source] : configs.sources())
    result.sources[name] = source;
  for (const auto& [name, source] : inventories.sources())
    result.sources[name] = source;
  // Findings in configs and inventories count when they govern a reported file. They keep
  // their rules' default severities: the config that would change them is being reported on.
  std::set<std::string> governing;
  for (const auto& file : files) {
    if (!file->reported) continue;
    governing.insert(file->config->file);
    governing.insert(inventories.display_for(*file->config));
  }
  for (Finding& finding : config_sink.findings()) {
    if (!governing.count(finding.location.file) && !request.config_path) continue;
    finding.severity = default_severity(finding.rule);
    result.findings.push_back(std::move(finding));
  }
  std::stable_sort(result.findings.begin(), result.findings.end(), finding_less);
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
