#include "driver/lint_pipeline.h"

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "driver/parallel.h"
#include "driver/select_documents.h"
#include "driver/settle.h"
#include "driver/work_feed.h"
#include "frontend/input_error.h"
#include "rules/project_index.h"
#include "rules/rule.h"
#include "support/string_hash.h"

namespace aksc {
namespace {

// Below a few hundred specs (or files) the serial steps after loading take less time than
// starting a thread (a pre-commit run has a handful).
constexpr std::size_t kFilesWorthAThread = 500;

// Finds a file's config, catalog, policies and fence.
void resolve_config(FileState& file, SharedState& shared) {
  try {
    file.config = &shared.configs.config_for(file.input.path);
    file.catalog = &shared.catalogs.catalog_for(*file.config);
    file.policies = &shared.policies.policies_for(*file.config);
    if (shared.policies.is_policy_file(file.input.canonical)) {
      file.skipped = "a policy file of " + file.config->file + " (policies:), checked as policies";
    }
    file.fence = shared.fences.for_spec(file.input.canonical, *file.config);
  } catch (const InputError& error) {
    file.failure = error.what();
  }
}

// Records what a linted file contributes to the result, in input order; drops the files that
// could not be used.
void account(LintFiles& files, LintResult& result) {
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
      if (file->input.explicit_file && file->counts.policies > 0) {
        result.input_errors.push_back(
            file->input.display +
            ": holds organisation policies (kind: Policy) but no aksc.yaml above it names the "
            "file in policies:, so they are not checked; name it there, and lint the specs");
      } else if (file->input.explicit_file) {
        result.input_errors.push_back(
            file->input.display + ": no aksc spec in this file (a spec document has apiVersion: " +
            std::string(kSpecApiVersion) + " and kind: " + std::string(kSpecKindsText) + ")");
      } else if (file->counts.documents == 0) {
        result.notes.push_back(file->input.display + ": no YAML documents, skipped");
      }
    }
    return false;
  });
}

// Each file is linted as soon as the walk finds it, on the other threads while the walk goes
// on; its config is resolved here, on the walk's thread.
LintFiles lint_named_files(const LintRequest& request, SharedState& shared, unsigned jobs,
                           std::set<FolderId>& walked_folders, LintResult& result) {
  LintFiles files;
  WorkFeed feed(jobs);
  InputSet inputs = collect_inputs(request.paths, FolderDepth::kWhole, [&](InputFile input) {
    FileState& file = *files.emplace_back(std::make_unique<FileState>());
    file.input = std::move(input);
    file.max_file_size = request.max_file_size;
    file.specs_only = request.specs_only;
    resolve_config(file, shared);
    feed.push([&file] { lint_file(file); });
  });
  feed.finish();
  result.input_errors = std::move(inputs.errors);
  result.notes = std::move(inputs.notes);
  result.outside_links = inputs.outside_links;
  if (inputs.outside_links > 0) {
    result.notes.push_back(fmt::format("{} symbolic link{} outside the walked tree skipped",
                                       inputs.outside_links, inputs.outside_links == 1 ? "" : "s"));
  }
  walked_folders = std::move(inputs.walked_folders);
  account(files, result);
  return files;
}

// The files of the projects of `files` that the run did not name, loaded for the whole-project
// rules only.
LintFiles load_project_only_files(const LintFiles& files, const std::set<FolderId>& walked_folders,
                                  std::uintmax_t max_file_size, SharedState& shared, unsigned jobs,
                                  LintResult& result) {
  std::vector<ScopedFile> named;
  for (const auto& file : files)
    named.push_back({&file->input, &file->config->project()});
  LintFiles extras;
  for (InputFile& extra : project_only_files(named, walked_folders)) {
    FileState& file = *extras.emplace_back(std::make_unique<FileState>());
    file.input = std::move(extra);
    file.reported = false;
    file.max_file_size = max_file_size;
    resolve_config(file, shared);
  }
  parallel_for(extras.size(), jobs, [&](std::size_t i) { lint_file(*extras[i]); });
  account(extras, result);
  return extras;
}

// Per file, as shown in findings: the lines excerpts show, unsorted, possibly repeated.
using ShownLines = std::unordered_map<std::string, std::vector<int>, StringHash, std::equal_to<>>;

// The files that findings point into, with their related locations, and the lines of each that
// the renderers show excerpts of.
ShownLines lines_with_findings(const LintFiles& files) {
  ShownLines shown;
  for (const auto& file : files) {
    for (const Finding& finding : file->sink.findings()) {
      add_lines_shown(finding, finding.location.file, shown[finding.location.file]);
      for (const RelatedLocation& related : finding.related) {
        if (related.location.file != finding.location.file)
          add_lines_shown(finding, related.location.file, shown[related.location.file]);
      }
    }
  }
  return shown;
}

// The lines of a file that excerpts show. Loading kept those of the file's own findings
// (lint_file); should a whole-project rule report elsewhere in it, the file is read again.
std::shared_ptr<const SourceFile> text_for_excerpts(const FileState& file,
                                                    const std::vector<int>& lines,
                                                    std::uintmax_t max_file_size) {
  if (file.source && std::all_of(lines.begin(), lines.end(),
                                 [&](int line) { return file.source->holds_line(line); })) {
    return file.source;
  }
  try {
    SourceFile whole(read_source(file.input.path, file.input.display, max_file_size));
    return std::make_shared<SourceFile>(whole.with_lines_only(lines));
  } catch (const InputError&) {
    return nullptr;  // gone since: the findings stand, without excerpts
  }
}

// Gets a reported file ready to hand over: its findings settled and, when a finding points
// into it, the lines it shows at hand. Touches only `file`, so that files can be settled on
// several threads.
void settle_file(FileState& file, const ShownLines& shown, std::uintmax_t max_file_size) {
  if (!file.reported) return;
  auto lines = shown.find(file.input.display);
  file.source =
      lines == shown.end() ? nullptr : text_for_excerpts(file, lines->second, max_file_size);
  std::vector<Finding> found = file.sink.take();  // freed here, not at the hand-over
  file.settled.reserve(found.size());
  settle_findings(found, *file.config, file.suppressions, file.input, file.settled);
  // In order here, on the threads: the whole-project rules' findings came after the file's own.
  std::stable_sort(file.settled.begin(), file.settled.end(), finding_less);
}

}  // namespace

LintFiles load_files(const LintRequest& request, SharedState& shared, unsigned jobs,
                     LintResult& result) {
  std::set<FolderId> walked_folders;
  LintFiles files = lint_named_files(request, shared, jobs, walked_folders, result);
  LintFiles extras =
      load_project_only_files(files, walked_folders, request.max_file_size, shared, jobs, result);
  for (auto& extra : extras)
    files.push_back(std::move(extra));
  return files;
}

void run_project_rules(LintFiles& files, CatalogCache& catalogs, InventoryCache& inventories,
                       unsigned jobs) {
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
  std::vector<const RuleEntry*> rules;
  for (const RuleEntry& rule : rule_registry()) {
    if (rule.project_check) rules.push_back(&rule);
  }
  for (auto& entry : projects) {
    const Config* config = entry.first;
    Project& project = entry.second.project;  // plain: clang 14 cannot capture a binding
    project.inventory = inventories.inventory_for(*config);
    RuleContext context{catalogs.catalog_for(*config), *config};
    // Each spec's keys (strings, a region looked up) are made on the threads too.
    const std::vector<const ir::Spec*>& specs = entry.second.specs;
    unsigned rule_jobs = specs.size() >= kFilesWorthAThread ? jobs : 1;
    std::vector<IndexedSpec> indexed(specs.size());
    parallel_for(specs.size(), rule_jobs, [&](std::size_t i) {
      indexed[i] = {specs[i], make_project_keys(*specs[i], context.catalog)};
    });
    project.specs = ProjectIndex(std::move(indexed));
    // The rules run side by side, each into its own sink, merged in the registry's order: the
    // same findings in the same order on any number of threads.
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

void hand_over(LintFiles& files, std::uintmax_t max_file_size, unsigned jobs, LintResult& result) {
  ShownLines shown = lines_with_findings(files);
  unsigned settle_jobs = files.size() >= kFilesWorthAThread ? jobs : 1;
  parallel_for(files.size(), settle_jobs,
               [&](std::size_t i) { settle_file(*files[i], shown, max_file_size); });
  std::size_t settled = 0;
  std::size_t with_text = 0;
  for (const auto& file : files) {
    settled += file->settled.size();
    with_text += file->source ? 1 : 0;
  }
  result.findings.reserve(result.findings.size() + settled);
  result.sources.reserve(result.sources.size() + with_text);
  // Each file's specs are appended as the vector loading made (driver/spec_list.h).
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

}  // namespace aksc
