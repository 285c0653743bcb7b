#include "driver/lint.h"

#include <algorithm>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "diag/finding_sink.h"
#include "diag/text_util.h"
#include "driver/catalog_for_config.h"
#include "driver/collect_inputs.h"
#include "driver/config_resolver.h"
#include "driver/glob.h"
#include "driver/huge_page_heap.h"
#include "driver/parallel.h"
#include "driver/project_fence.h"
#include "driver/project_scope.h"
#include "driver/relative_path.h"
#include "driver/suppressions.h"
#include "driver/work_feed.h"
#include "frontend/cluster_facts.h"
#include "frontend/input_error.h"
#include "frontend/load.h"
#include "frontend/lower.h"
#include "frontend/read_source.h"
#include "frontend/schema.h"
#include "frontend/ssl_files.h"
#include "rules/project_index.h"
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

struct DocumentCounts {
  std::size_t documents = 0;
  int specs = 0;  ///< Specs, or documents meant as specs.
};

// One file of the run: its source, config, suppressions and the findings not yet settled.
struct FileState {
  InputFile input;
  std::shared_ptr<const SourceFile> source;
  const Config* config = nullptr;
  const Catalog* catalog = nullptr;
  PathFence fence;  ///< Where the files its specs name may be.
  std::vector<InlineSuppression> suppressions;
  FindingSink sink;
  std::vector<ir::Spec> specs;
  std::vector<Finding> settled;        ///< Its findings as reported: severities, suppressions.
  bool reported = true;                ///< False for files read only for the project rules.
  std::optional<std::string> failure;  ///< Why the file could not be used.
  std::vector<std::string> notes;      ///< Documents skipped, for --verbose.
  DocumentCounts counts;
  std::uintmax_t max_file_size = kDefaultMaxFileSize;
  bool specs_only = false;             ///< LintRequest::specs_only, for a named file.
  std::optional<std::string> skipped;  ///< Why --specs-only left the file out (with its notes).
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
    InvalidPointers invalid =
        validate_document(doc, schema, file.input.display, "AKS002", file.sink);
    ir::Spec& spec =
        file.specs.emplace_back(lower_spec(doc, invalid, file.input.display, static_cast<int>(i)));
    load_cluster_facts(spec, file.input.path.parent_path(), file.fence, file.sink,
                       file.max_file_size);
    check_ssl_files(spec, file.input.path.parent_path(), file.fence, file.sink);
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

const IgnoreEntry* find_config_ignore(const Config& config, const FileState& file,
                                      const Finding& finding) {
  for (const IgnoreEntry& entry : config.ignores) {
    bool rule_matches =
        std::find(entry.rules.begin(), entry.rules.end(), finding.rule) != entry.rules.end();
    if (!rule_matches) continue;
    // Each entry's globs are relative to the aksc.yaml that wrote it.
    std::string relative = config.file.empty() ? file.input.display
                                               : relative_to(file.input.canonical, entry.directory);
    bool path_matches = std::any_of(entry.paths.begin(), entry.paths.end(),
                                    [&](const auto& glob) { return glob_match(glob, relative); });
    if (path_matches) return &entry;
  }
  return nullptr;
}

Severity default_severity(const std::string& rule) {
  const RuleDoc* doc = find_rule_doc(rule);
  return doc ? doc->severity : Severity::kError;
}

// Applies the config's severities ("off" removes) and every suppression to the file's findings.
// Fixed rules (AKS001...) keep their severity and are never suppressed: the config parser
// refuses such overrides, and an inline comment cannot do what aksc.yaml may not.
void settle(FileState& file, std::vector<Finding>& out) {
  if (file.sink.findings().empty()) return;  // most files: no path to work out
  const Config& config = *file.config;
  for (Finding& finding : file.sink.findings()) {
    finding.severity = default_severity(finding.rule);
    if (is_fixed_rule(finding.rule)) {
      out.push_back(std::move(finding));
      continue;
    }
    auto override = config.severities.find(finding.rule);
    if (override != config.severities.end()) {
      if (!override->second) continue;  // off
      finding.severity = *override->second;
    }
    if (const InlineSuppression* s = find_inline_suppression(file.suppressions, finding)) {
      finding.suppressed_because = s->reason;
    } else if (const IgnoreEntry* e = find_config_ignore(config, file, finding)) {
      finding.suppressed_because = e->reason;
    }
    out.push_back(std::move(finding));
  }
}

// Below a few hundred specs (or files) the serial steps after loading take less time than
// starting a thread (a pre-commit run has a handful).
constexpr std::size_t kFilesWorthAThread = 500;

// The configs, catalogs and fences files share. Used on one thread: configs and catalogs are
// read once and shared.
struct SharedState {
  ConfigResolver& configs;
  CatalogCache& catalogs;
  const ProjectFences& fences;
};

// Finds a file's config, catalog and fence.
void resolve_config(FileState& file, SharedState& shared) {
  try {
    file.config = &shared.configs.config_for(file.input.path);
    file.catalog = &shared.catalogs.catalog_for(*file.config);
    file.fence = shared.fences.for_spec(file.input.canonical, *file.config);
  } catch (const InputError& error) {
    file.failure = error.what();
  }
}

// --specs-only: a spec, or a document meant as one, has apiVersion aksc/... or kind AksCompute
// (in any case), so a file without either text holds none.
bool may_hold_spec(std::string_view text) {
  std::string lower = to_lower(text);
  return lower.find("aksc/") != std::string::npos || lower.find("akscompute") != std::string::npos;
}

constexpr const char* kNoSpecSkipped = "no aksc spec in this file, skipped (--specs-only)";

bool has_syntax_error(const FindingSink& sink) {
  return std::any_of(sink.findings().begin(), sink.findings().end(),
                     [](const Finding& finding) { return finding.rule == "AKS001"; });
}

// Reads, loads and (for reported files) checks one file. Touches only `file` and read-only
// shared state, so that files can be processed on several threads.
void process_file(FileState& file) {
  if (file.failure) return;
  bool filtered = file.specs_only && file.input.explicit_file;
  if (filtered && !is_yaml_name(file.input.path)) {
    file.skipped = "not a YAML file (*.yaml, *.yml), skipped (--specs-only)";
    return;
  }
  try {
    file.source = std::make_shared<SourceFile>(
        read_source(file.input.path, file.input.display, file.max_file_size,
                    file.input.listed_regular ? FileKind::kListedRegular : FileKind::kUnknown));
  } catch (const InputError& error) {
    file.failure = error.what();
    return;
  }
  keep_on_huge_pages(file.source.get());
  if (filtered && !may_hold_spec(file.source->text())) {
    file.skipped = kNoSpecSkipped;
    file.source.reset();
    return;
  }
  file.counts = load_specs(file, file.notes);
  // The words were there but no spec: skipped all the same, its findings (a repeated key in a
  // workflow) not aksc's business. A syntax error may hide a spec, so it is reported.
  if (filtered && file.counts.specs == 0 && !has_syntax_error(file.sink)) {
    file.skipped = kNoSpecSkipped;
    file.source.reset();
    return;
  }
  if (file.reported) run_spec_rules(file, RuleContext{*file.catalog, *file.config});
  // Most files have no finding: their text is not kept for excerpts (see text_for_excerpts).
  if (file.sink.findings().empty()) file.source.reset();
}

// Records what a processed file contributes to the result, in input order; drops the files
// that could not be used.
void account(std::vector<std::unique_ptr<FileState>>& files, LintResult& result) {
  std::erase_if(files, [&](const std::unique_ptr<FileState>& file) {
    if (file->skipped) {
      result.notes.insert(result.notes.end(), file->notes.begin(), file->notes.end());
      result.notes.push_back(file->input.display + ": " + *file->skipped);
      return true;
    }
    if (file->failure) {
      if (file->reported) result.input_errors.push_back(*file->failure);
      return true;
    }
    if (!file->reported) return false;
    ++result.files;
    result.notes.insert(result.notes.end(), file->notes.begin(), file->notes.end());
    if (file->counts.specs == 0 && !has_syntax_error(file->sink)) {
      if (file->input.explicit_file) {
        result.input_errors.push_back(
            file->input.display + ": no aksc spec in this file (a spec document has apiVersion: " +
            std::string(kApiVersion) + " and kind: " + std::string(kKind) + ")");
      } else if (file->counts.documents == 0) {
        result.notes.push_back(file->input.display + ": no YAML documents, skipped");
      }
    }
    return false;
  });
}

// Loads and checks `files` on `jobs` threads; the result is the same as one thread's.
void load_files(std::vector<std::unique_ptr<FileState>>& files, SharedState& shared, unsigned jobs,
                LintResult& result) {
  for (auto& file : files)
    resolve_config(*file, shared);
  parallel_for(files.size(), jobs, [&](std::size_t i) { process_file(*files[i]); });
  account(files, result);
}

// Runs the project rules of every project (one per config) over all its specs.
void run_project_rules(std::vector<std::unique_ptr<FileState>>& files, CatalogCache& catalogs,
                       InventoryCache& inventories, unsigned jobs) {
  // Each project's specs, gathered, and what its rules see once they are indexed.
  struct Gathered {
    std::vector<const ir::Spec*> specs;
    Project project;
  };
  std::map<const Config*, Gathered> projects;
  std::unordered_map<std::string_view, FileState*> by_file;  // views of each file's display
  by_file.reserve(files.size());
  for (auto& file : files) {
    Gathered& gathered = projects[&file->config->project()];
    for (const ir::Spec& spec : file->specs)
      gathered.specs.push_back(&spec);
    if (file->reported) gathered.project.reported_files.insert(file->input.display);
    by_file[file->input.display] = file.get();
  }
  for (auto& entry : projects) {
    const Config* config = entry.first;
    Project& project = entry.second.project;  // plain: clang 14 cannot capture a binding
    project.inventory = inventories.inventory_for(*config);
    RuleContext context{catalogs.catalog_for(*config), *config};
    project.specs = ProjectIndex(std::move(entry.second.specs), context.catalog);
    std::vector<const RuleEntry*> rules;
    for (const RuleEntry& rule : rule_registry()) {
      if (rule.project_check) rules.push_back(&rule);
    }
    // The rules run side by side, each into its own sink, merged in the registry's order: the
    // same findings in the same order on any number of threads.
    unsigned rule_jobs = project.specs.size() >= kFilesWorthAThread ? jobs : 1;
    std::vector<FindingSink> sinks(rules.size());
    parallel_for(rules.size(), rule_jobs, [&](std::size_t i) {
      ProjectReporter reporter(rules[i]->id, project, sinks[i]);
      rules[i]->project_check(project, context, reporter);
    });
    for (FindingSink& sink : sinks) {
      for (Finding& finding : sink.findings())
        by_file.at(finding.location.file)->sink.add(std::move(finding));
    }
  }
}

// The files that findings point into, with their related locations: the renderers show
// excerpts of these.
std::set<std::string> files_with_findings(const std::vector<std::unique_ptr<FileState>>& files) {
  std::set<std::string> shown;
  for (const auto& file : files) {
    for (const Finding& finding : file->sink.findings()) {
      shown.insert(finding.location.file);
      for (const RelatedLocation& related : finding.related)
        shown.insert(related.location.file);
    }
  }
  return shown;
}

// The text of a file for excerpts. Files without findings of their own let theirs go after
// loading (process_file); should a whole-project rule report in one, it is read again.
std::shared_ptr<const SourceFile> text_for_excerpts(const FileState& file,
                                                    std::uintmax_t max_file_size) {
  if (file.source) return file.source;
  try {
    return std::make_shared<SourceFile>(
        read_source(file.input.path, file.input.display, max_file_size));
  } catch (const InputError&) {
    return nullptr;  // gone since: the findings stand, without excerpts
  }
}

// Gets a reported file ready to hand over: its findings settled and, when a finding points
// into it, its text at hand. Touches only `file`, so that files can be settled on several
// threads: a project rule's finding in a file whose text was let go has it read again.
void settle_file(FileState& file, const std::set<std::string>& shown,
                 std::uintmax_t max_file_size) {
  if (!file.reported) return;
  file.source = shown.count(file.input.display) ? text_for_excerpts(file, max_file_size) : nullptr;
  settle(file, file.settled);
}

// Moves each reported file's settled findings, text and specs (its whole vector of them, which
// SpecList keeps as it is) into the result, letting go of each file as soon as it is done.
void hand_over(std::vector<std::unique_ptr<FileState>>& files, std::uintmax_t max_file_size,
               unsigned jobs, LintResult& result) {
  std::set<std::string> shown = files_with_findings(files);
  unsigned settle_jobs = files.size() >= kFilesWorthAThread ? jobs : 1;
  parallel_for(files.size(), settle_jobs,
               [&](std::size_t i) { settle_file(*files[i], shown, max_file_size); });
  for (auto& file : files) {
    if (file->reported) {
      if (file->source) result.sources[file->input.display] = std::move(file->source);
      result.findings.insert(result.findings.end(), std::make_move_iterator(file->settled.begin()),
                             std::make_move_iterator(file->settled.end()));
      result.specs.append(std::move(file->specs));
    }
    file.reset();
  }
  files.clear();
}

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

}  // namespace

LintResult run_lint(const LintRequest& request) {
  LintResult result;
  if (may_hold_many_files(request.paths)) use_huge_page_heap();  // before the walk's lists
  FindingSink config_sink;
  ConfigResolver configs(request.config_path, config_sink, request.max_file_size);
  CatalogCache catalogs(config_sink, request.allowed_paths);
  ProjectFences fences(request.allowed_paths);
  SharedState shared{configs, catalogs, fences};

  unsigned jobs = request.jobs == 0 ? default_jobs() : request.jobs;
  std::vector<std::unique_ptr<FileState>> files;
  // Each file is checked as soon as the walk finds it, on the other threads while the walk
  // goes on; its config is resolved here, on the walk's thread.
  WorkFeed feed(jobs);
  InputSet inputs = collect_inputs(request.paths, FolderDepth::kWhole, [&](InputFile input) {
    FileState& file = *files.emplace_back(std::make_unique<FileState>());
    file.input = std::move(input);
    file.max_file_size = request.max_file_size;
    file.specs_only = request.specs_only;
    resolve_config(file, shared);
    feed.push([&file] { process_file(file); });
  });
  feed.finish();
  result.input_errors = std::move(inputs.errors);
  result.notes = std::move(inputs.notes);
  result.outside_links = inputs.outside_links;
  if (inputs.outside_links > 0) {
    result.notes.push_back(fmt::format("{} symbolic link{} outside the walked tree skipped",
                                       inputs.outside_links, inputs.outside_links == 1 ? "" : "s"));
  }
  account(files, result);
  // Whole-project rules see every spec of each project, even when only some files were named.
  std::vector<ScopedFile> named;
  for (const auto& file : files)
    named.push_back({&file->input, &file->config->project()});
  std::vector<std::unique_ptr<FileState>> extras;
  for (InputFile& extra : project_only_files(named, inputs.walked_folders)) {
    extras.push_back(std::make_unique<FileState>());
    extras.back()->input = std::move(extra);
    extras.back()->reported = false;
    extras.back()->max_file_size = request.max_file_size;
  }
  load_files(extras, shared, jobs, result);
  for (auto& extra : extras)
    files.push_back(std::move(extra));
  InventoryCache inventories(config_sink, request.max_file_size, request.allowed_paths);
  if (!files.empty()) run_project_rules(files, catalogs, inventories, jobs);
  std::set<const Config*> reported_configs;
  for (const auto& file : files)
    if (file->reported) reported_configs.insert(file->config);
  note_config_chains(reported_configs, result);
  hand_over(files, request.max_file_size, jobs, result);

  for (const auto& [name, source] : configs.sources())
    result.sources[name] = source;
  for (const auto& [name, source] : inventories.sources())
    result.sources[name] = source;
  // Findings in configs and inventories count when they govern a reported file. They keep
  // their rules' default severities: the config that would change them is being reported on.
  std::set<std::string> governing;
  for (const Config* config : reported_configs) {
    governing.insert(config->chain.begin(), config->chain.end());
    governing.insert(inventories.display_for(config->project()));
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
