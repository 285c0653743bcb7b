#include "driver/migrate.h"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "driver/catalog_for_config.h"
#include "driver/config_resolver.h"
#include "driver/migrate_check.h"
#include "driver/migrate_write.h"
#include "frontend/input_error.h"
#include "frontend/load.h"
#include "frontend/read_source.h"
#include "migrate/mapping.h"
#include "migrate/note_codes.h"
#include "migrate/rewrite.h"

namespace aksc {
namespace {

struct MigrateSpecWork {
  const ir::Spec* spec = nullptr;
  MigratedSpec* outcome = nullptr;
  migrate::MigrationPlan plan;
  std::vector<migrate::TextEdit> edits;
};

bool migrate_counts_as_error(const Finding& finding) {
  return finding.severity == Severity::kError && !finding.suppressed_because;
}

// The index of the document that `line` is in: the last one that starts at or before it.
int migrate_document_of(const std::vector<YamlDocument>& documents, int line) {
  int found = 0;
  for (std::size_t i = 0; i < documents.size(); ++i) {
    if (documents[i].range.begin.line <= line) found = static_cast<int>(i);
  }
  return found;
}

// A spec with lint errors has no settled intent to carry: it is named with its first error.
std::optional<migrate::Refusal> migrate_refuse_errors(const std::vector<const Finding*>& errors) {
  if (errors.empty()) return std::nullopt;
  const Finding& first = *errors.front();
  return migrate::Refusal{
      errors.size() == 1 ? fmt::format("it has an error: {} [{}]", first.message, first.rule)
                         : fmt::format("it has {} errors; the first: {} [{}]", errors.size(),
                                       first.message, first.rule),
      "fix the errors first ('aksc lint' shows them), then migrate", first.location};
}

const std::vector<InventoryEntry>* migrate_inventory(const LintResult& lint,
                                                     const std::string& file) {
  auto found = lint.inventories.find(file);
  return found == lint.inventories.end() ? nullptr : found->second.get();
}

// Where a note's change lands in the migrated document.
SourceRange migrate_new_range(const SourceFile& migrated, const YamlDocument& document,
                              const migrate::MigrationNote& note) {
  if (!note.new_marker.empty()) {
    std::size_t from = 0;
    if (document.range.known()) {
      std::string_view line = migrated.line(document.range.begin.line);
      from = static_cast<std::size_t>(line.data() - migrated.text().data());
    }
    std::size_t at = migrated.text().find(note.new_marker, from);
    if (at != std::string::npos) {
      SourcePosition begin = migrated.position_of(at);
      return {begin, {begin.line, begin.column + 1}};
    }
  }
  const nlohmann::json* node = node_at(document.root, note.new_pointer);
  if (node && node->is_structured()) return document.locate_key(note.new_pointer);
  return document.locate(note.new_pointer);
}

bool migrate_predicted(const MigratedSpec& outcome, const std::string& rule) {
  return std::any_of(
      outcome.notes.begin(), outcome.notes.end(), [&](const migrate::MigrationNote& note) {
        return std::find(note.predicts.begin(), note.predicts.end(), rule) != note.predicts.end();
      });
}

// Everything of the file that lint's settling needs besides the findings.
struct MigrateSettling {
  const Config* config = nullptr;
  const Catalog* catalog = nullptr;
  std::vector<InlineSuppression> suppressions;
  std::vector<Finding> suppression_problems;  ///< AKS005 in the migrated text
  InputFile input;
};

// Lint's checks on the migrated spec: an error no note predicted stops it; a warning or note no
// note predicted becomes a note that predicts it; a prediction that does not come true is
// dropped.
void migrate_check_outcome(MigrateSpecWork& work, const std::vector<YamlDocument>& documents,
                           const std::string& output, const MigrateSettling& settling) {
  MigratedSpec& outcome = *work.outcome;
  std::size_t index = static_cast<std::size_t>(work.spec->document);
  const YamlDocument& document = documents[index];
  std::vector<Finding> in_document;
  for (const Finding& problem : settling.suppression_problems) {
    int line = problem.location.range.begin.line;
    if (migrate_document_of(documents, line) == work.spec->document) in_document.push_back(problem);
  }
  std::vector<Finding> findings = check_migrated_spec(
      document, output, work.spec->document, *work.spec, *settling.catalog, *settling.config,
      settling.suppressions, settling.input, std::move(in_document));
  std::erase_if(findings, [](const Finding& finding) { return finding.suppressed_because; });
  std::set<std::string> fired;
  for (const Finding& finding : findings)
    fired.insert(finding.rule);
  for (migrate::MigrationNote& note : outcome.notes) {
    std::erase_if(note.predicts, [&](const std::string& rule) { return !fired.count(rule); });
  }
  for (const Finding& finding : findings) {
    if (migrate_predicted(outcome, finding.rule)) continue;
    if (finding.severity == Severity::kError) {
      outcome.refusal = migrate::Refusal{
          fmt::format("as kind KubernetesCompute it would have an error: {} [{}]", finding.message,
                      finding.rule),
          finding.help.empty() ? "fix the cluster or the spec, then migrate" : finding.help,
          {work.spec->file, work.spec->kind_range}};
      return;
    }
    migrate::MigrationNote note;
    note.finding.rule = std::string(migrate::kPredictedFinding.id);
    note.finding.severity = Severity::kNote;
    note.finding.message = fmt::format("as kind KubernetesCompute the spec gets a {} from {}: {}",
                                       to_string(finding.severity), finding.rule, finding.message);
    note.finding.help = finding.help;
    note.finding.location = {work.spec->file, work.spec->kind_range};
    note.predicts.push_back(finding.rule);
    note.finding.related.push_back({finding.location, "in the migrated spec"});
    outcome.notes.push_back(std::move(note));
  }
}

class MigrateFileRun {
 public:
  MigrateFileRun(const LintResult& lint, const MigrateRequest& request, ConfigResolver& configs,
                 CatalogCache& catalogs, MigrateResult& result)
      : lint_(lint), request_(request), configs_(configs), catalogs_(catalogs), result_(result) {}

  // Migrates the AksCompute specs of one file: each gets its notes or its refusal, and the
  // file's migrated text joins result_.files when one of them migrated.
  void run(const std::string& file, const std::vector<const ir::Spec*>& specs,
           const std::vector<const Finding*>& errors, std::size_t first_outcome) {
    SourceFile source("", "");
    MigrateSettling settling;
    try {
      source = read_source(file, file, request_.max_file_size);
      settling.config = &configs_.config_for(file);
      settling.catalog = &catalogs_.catalog_for(*settling.config);
    } catch (const InputError& error) {
      result_.input_errors.push_back(error.what());
      return;
    }
    result_.originals[file] = std::make_shared<SourceFile>(source);
    FindingSink ignored;
    std::vector<YamlDocument> documents = load_yaml(source, ignored);
    std::map<int, std::vector<const Finding*>> errors_by_document;
    for (const Finding* error : errors) {
      errors_by_document[migrate_document_of(documents, error->location.range.begin.line)]
          .push_back(error);
    }
    std::vector<MigrateSpecWork> works;
    for (std::size_t i = 0; i < specs.size(); ++i) {
      const ir::Spec& spec = *specs[i];
      MigratedSpec& outcome = result_.specs[first_outcome + i];
      if (static_cast<std::size_t>(spec.document) >= documents.size()) {
        outcome.refusal = migrate::Refusal{
            "the file changed while aksc read it: the document is not there any more",
            "run aksc migrate again",
            {spec.file, spec.kind_range}};
        continue;
      }
      outcome.refusal = migrate_refuse_errors(errors_by_document[spec.document]);
      if (outcome.refusal) continue;
      MigrateSpecWork work{
          &spec,
          &outcome,
          migrate::plan_migration(spec, *settling.catalog, migrate_inventory(lint_, spec.file)),
          {}};
      if (work.plan.refusal) {
        outcome.refusal = work.plan.refusal;
        continue;
      }
      migrate::DocumentEdits edits =
          migrate::edits_for(source, documents[spec.document], spec, work.plan);
      if (edits.refusal) {
        outcome.refusal = edits.refusal;
        continue;
      }
      work.edits = std::move(edits.edits);
      outcome.notes = work.plan.notes;
      works.push_back(std::move(work));
    }
    std::error_code ignored_error;
    settling.input.path = file;
    settling.input.display = file;
    settling.input.canonical = std::filesystem::weakly_canonical(file, ignored_error).string();
    finish(source, file, works, settling);
  }

 private:
  // Applies the edits of the specs that migrate, checks each migrated spec, and drops those
  // that fail from the text until all that remain pass.
  void finish(const SourceFile& source, const std::string& file,
              std::vector<MigrateSpecWork>& works, MigrateSettling& settling) {
    std::string output = output_name(file);
    for (;;) {
      std::vector<migrate::TextEdit> edits;
      for (const MigrateSpecWork& work : works) {
        if (!work.outcome->refusal) edits.insert(edits.end(), work.edits.begin(), work.edits.end());
      }
      if (edits.empty()) return;
      std::string text = migrate::apply_edits(source.text(), std::move(edits));
      SourceFile migrated(output, text);
      FindingSink sink;
      std::vector<YamlDocument> documents = load_yaml(migrated, sink);
      FindingSink suppression_problems;
      settling.suppressions = scan_suppressions(migrated, suppression_problems);
      settling.suppression_problems = suppression_problems.take();
      bool dropped = false;
      for (MigrateSpecWork& work : works) {
        if (work.outcome->refusal) continue;
        std::size_t index = static_cast<std::size_t>(work.spec->document);
        if (!sink.findings().empty() || index >= documents.size()) {
          std::string why =
              sink.findings().empty()
                  ? std::string("a document is missing")
                  : fmt::format("line {}: {}", sink.findings().front().location.range.begin.line,
                                sink.findings().front().message);
          work.outcome->refusal = migrate::Refusal{
              fmt::format("aksc migrate could not edit it into YAML that loads ({}); this is a "
                          "bug of aksc migrate: please report it with the spec",
                          why),
              "migrate it by hand",
              {work.spec->file, work.spec->kind_range}};
          work.outcome->notes.clear();
          dropped = true;
          continue;
        }
        work.outcome->notes = work.plan.notes;
        migrate_check_outcome(work, documents, output, settling);
        if (work.outcome->refusal) {
          work.outcome->notes.clear();
          dropped = true;
          continue;
        }
        for (migrate::MigrationNote& note : work.outcome->notes) {
          if (note.finding.rule == migrate::kPredictedFinding.id) continue;
          note.finding.related.insert(
              note.finding.related.begin(),
              {{output, migrate_new_range(migrated, documents[index], note)},
               "in the migrated spec"});
        }
      }
      if (dropped) continue;
      result_.migrated[file] = std::make_shared<SourceFile>(std::move(migrated));
      result_.files.push_back({file, request_.check ? "" : output, std::move(text), true});
      return;
    }
  }

  std::string output_name(const std::string& file) const {
    if (!request_.out_dir) return file;
    return (*request_.out_dir / migrate_relative_output(file).value_or(file))
        .lexically_normal()
        .generic_string();
  }

  const LintResult& lint_;
  const MigrateRequest& request_;
  ConfigResolver& configs_;
  CatalogCache& catalogs_;
  MigrateResult& result_;
};

// Errors in files that hold no spec (aksc.yaml, an inventory) stop the migration, as they stop a
// build; a file whose YAML does not load is refused whole, since it may hide a spec. Returns
// whether a refusal stops the whole migration.
bool migrate_refuse_broken_files(const LintResult& lint, const std::set<std::string>& spec_files,
                                 MigrateResult& result) {
  bool stops_all = false;
  std::set<std::string> seen;
  std::set<std::string> any_spec_files;
  for (const ir::Spec& spec : lint.specs)
    any_spec_files.insert(spec.file);
  for (const Finding& finding : lint.findings) {
    if (!migrate_counts_as_error(finding)) continue;
    const std::string& file = finding.location.file;
    bool syntax = finding.rule == "AKS001";
    if (!syntax && (spec_files.count(file) || any_spec_files.count(file))) continue;
    if (!seen.insert(file).second) continue;
    stops_all = stops_all || !syntax;
    result.refusals.push_back(
        {syntax ? fmt::format("its YAML does not load: {}", finding.message)
                : fmt::format("it has errors, so nothing is migrated until they are fixed; the "
                              "first: {} [{}]",
                              finding.message, finding.rule),
         syntax ? "fix the YAML, then migrate" : "fix it first ('aksc lint' shows its errors)",
         finding.location});
  }
  return stops_all;
}

}  // namespace

int MigrateResult::refused() const {
  int count = static_cast<int>(refusals.size());
  for (const MigratedSpec& spec : specs) {
    if (spec.refusal) ++count;
  }
  return count;
}

MigrateResult run_migrate(const MigrateRequest& request) {
  MigrateResult result;
  LintResult lint = run_lint(LintRequest{request.paths, request.config_path, request.jobs,
                                         request.max_file_size, false, request.allowed_paths});
  result.input_errors = lint.input_errors;
  result.files_read = lint.files;

  std::vector<std::string> order;
  std::map<std::string, std::vector<const ir::Spec*>> by_file;
  for (const ir::Spec& spec : lint.specs) {
    if (spec.kind != ir::Kind::kAksCompute) continue;
    auto& specs = by_file[spec.file];
    if (specs.empty()) order.push_back(spec.file);
    specs.push_back(&spec);
  }
  std::set<std::string> spec_files(order.begin(), order.end());
  bool outside_specs = migrate_refuse_broken_files(lint, spec_files, result);
  for (const migrate::Refusal& refusal : result.refusals) {
    auto source = lint.sources.find(refusal.location.file);
    if (source != lint.sources.end()) result.originals.emplace(source->first, source->second);
  }
  // A file that failed to load is refused whole, its specs with it; an error outside the spec
  // files (aksc.yaml, an inventory) stops everything, even with --partial, as it stops a build.
  std::set<std::string> broken;
  for (const migrate::Refusal& refusal : result.refusals)
    broken.insert(refusal.location.file);

  std::map<std::string, std::vector<const Finding*>> errors;
  for (const Finding& finding : lint.findings) {
    if (migrate_counts_as_error(finding)) errors[finding.location.file].push_back(&finding);
  }
  for (const std::string& file : order) {
    for (const ir::Spec* spec : by_file[file]) {
      MigratedSpec& outcome = result.specs.emplace_back();
      outcome.file = spec->file;
      outcome.document = spec->document;
      outcome.name = spec->name.usable() ? spec->name.value : "";
      outcome.kind = spec->kind_range;
    }
  }
  if (request.check) return result;
  if (outside_specs) {
    result.held_back = true;
    result.stopped = true;
    return result;
  }
  if (request.out_dir) {
    for (const std::string& file : order) {
      if (migrate_relative_output(file)) continue;
      result.errors.push_back(fmt::format(
          "{} cannot be mirrored below {}: it is not below the current folder (run aksc migrate "
          "from a folder that holds it, or use --in-place)",
          file, request.out_dir->generic_string()));
    }
    if (!result.errors.empty()) return result;
  }

  std::size_t first = 0;
  FindingSink config_problems;  // lint reported them already
  ConfigResolver configs(request.config_path, config_problems, request.max_file_size);
  CatalogCache catalogs(config_problems, request.allowed_paths);
  MigrateFileRun migration(lint, request, configs, catalogs, result);
  for (const std::string& file : order) {
    const auto& specs = by_file[file];
    if (!broken.count(file)) migration.run(file, specs, errors[file], first);
    first += specs.size();
  }
  if (!result.input_errors.empty() || (result.refused() > 0 && !request.partial)) {
    result.held_back = result.refused() > 0;
    return result;
  }
  write_migrated_files(request, result);
  return result;
}

}  // namespace aksc
