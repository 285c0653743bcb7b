#include "cli/migrate_render.h"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "diag/excerpt.h"
#include "diag/neutralize.h"
#include "diag/render.h"

namespace aksc::cli {
namespace {

constexpr const char* kMigrateCannotMigrate = "MIG001";
constexpr const char* kMigrateRemains = "MIG002";

void migrate_excerpt(std::ostream& out, const SourceFile* file, const SourceRange& range) {
  if (!file || !range.begin.known() || range.begin.line > file->line_count()) return;
  std::string text;
  ColumnCursor cursor;
  append_excerpt_lines(text, *file, range, false, cursor);
  out << text;
}

const SourceFile* migrate_source(
    const std::map<std::string, std::shared_ptr<const SourceFile>>& map, const std::string& file) {
  auto found = map.find(file);
  return found == map.end() ? nullptr : found->second.get();
}

std::string migrate_spec_label(const MigratedSpec& spec) {
  return spec.name.empty() ? fmt::format("document {}", spec.document + 1)
                           : fmt::format("spec '{}'", spec.name);
}

struct MigrateCounts {
  int migrated = 0;
  int files = 0;
  int notes = 0;
};

MigrateCounts migrate_counts(const MigrateResult& result) {
  MigrateCounts counts;
  for (const MigratedSpec& spec : result.specs) {
    if (spec.refusal || spec.notes.empty()) continue;
    ++counts.migrated;
    counts.notes += static_cast<int>(spec.notes.size());
  }
  counts.files = static_cast<int>(result.files.size());
  return counts;
}

std::string migrate_plural(int count, std::string_view word) {
  return fmt::format("{} {}{}", count, word, count == 1 ? "" : "s");
}

std::string migrate_summary(const MigrateRequest& request, const MigrateResult& result) {
  if (request.check) {
    return fmt::format("{} remain{} ({} read)",
                       migrate_plural(static_cast<int>(result.specs.size()), "AksCompute spec"),
                       result.specs.size() == 1 ? "s" : "",
                       migrate_plural(result.files_read, "file"));
  }
  MigrateCounts counts = migrate_counts(result);
  std::string text =
      fmt::format("migrated {} in {} ({})", migrate_plural(counts.migrated, "spec"),
                  migrate_plural(counts.files, "file"), migrate_plural(counts.notes, "note"));
  int specs_refused = result.refused() - static_cast<int>(result.refusals.size());
  int files_refused = static_cast<int>(result.refusals.size());
  if (specs_refused > 0 || files_refused > 0) {
    std::string what = specs_refused > 0 ? migrate_plural(specs_refused, "spec") : "";
    if (files_refused > 0)
      what += (what.empty() ? "" : " and ") + migrate_plural(files_refused, "file");
    text += fmt::format("; {} cannot be migrated", what);
  }
  if (result.stopped) {
    text += ", so nothing was migrated or written";
  } else if (result.held_back) {
    text += ", so nothing was written (--partial writes the others)";
  } else {
    text += fmt::format("; {} written, {} unchanged",
                        migrate_plural(static_cast<int>(result.written.size()), "file"),
                        result.unchanged.size());
  }
  return text;
}

}  // namespace

std::vector<Finding> migrate_findings(const MigrateRequest& request, const MigrateResult& result) {
  std::vector<Finding> findings;
  for (const MigratedSpec& spec : result.specs) {
    if (request.check) {
      Finding& remains = findings.emplace_back();
      remains.rule = kMigrateRemains;
      remains.severity = Severity::kError;
      remains.message = fmt::format("{} is still kind AksCompute", migrate_spec_label(spec));
      remains.help = fmt::format(
          "aksc migrate --in-place {} writes its KubernetesCompute "
          "equivalent (docs/migrate.md)",
          spec.file);
      remains.location = {spec.file, spec.kind};
      continue;
    }
    for (const migrate::MigrationNote& note : spec.notes)
      findings.push_back(note.finding);
    if (spec.refusal) {
      Finding& refused = findings.emplace_back();
      refused.rule = kMigrateCannotMigrate;
      refused.severity = Severity::kError;
      refused.message =
          fmt::format("cannot migrate {}: {}", migrate_spec_label(spec), spec.refusal->message);
      refused.help = spec.refusal->help;
      refused.location = spec.refusal->location;
    }
  }
  for (const migrate::Refusal& refusal : result.refusals) {
    Finding& refused = findings.emplace_back();
    refused.rule = kMigrateCannotMigrate;
    refused.severity = Severity::kError;
    refused.message = fmt::format("cannot migrate {}: {}", refusal.location.file, refusal.message);
    refused.help = refusal.help;
    refused.location = refusal.location;
  }
  std::stable_sort(findings.begin(), findings.end(), finding_less);
  return findings;
}

void render_migrate_text(std::ostream& out, const MigrateRequest& request,
                         const MigrateResult& result) {
  for (const Finding& finding : migrate_findings(request, result)) {
    out << fmt::format("{}: {}: {} [{}]\n", neutral_position(finding.location),
                       to_string(finding.severity), neutralize(finding.message), finding.rule);
    migrate_excerpt(out, migrate_source(result.originals, finding.location.file),
                    finding.location.range);
    if (!finding.help.empty()) out << "  help: " << neutralize(finding.help) << "\n";
    for (std::size_t i = 0; i < finding.related.size(); ++i) {
      const RelatedLocation& related = finding.related[i];
      out << fmt::format("{}: note: {}\n", neutral_position(related.location),
                         neutralize(related.message));
      // The first related place of a note is in the migrated text, kept by the input's name.
      bool migrated = i == 0 && finding.rule.starts_with("MIG1");
      const SourceFile* file = migrated ? migrate_source(result.migrated, finding.location.file)
                                        : migrate_source(result.originals, related.location.file);
      migrate_excerpt(out, file, related.location.range);
    }
  }
  out << migrate_summary(request, result) << "\n";
}

void render_migrate_json(std::ostream& out, const MigrateRequest& request,
                         const MigrateResult& result) {
  using nlohmann::ordered_json;
  auto place = [](const Location& location) {
    return ordered_json{{"file", neutralize(location.file)},
                        {"line", location.range.begin.line},
                        {"column", location.range.begin.column}};
  };
  ordered_json notes = ordered_json::array();
  ordered_json refused = ordered_json::array();
  ordered_json remaining = ordered_json::array();
  for (const MigratedSpec& spec : result.specs) {
    if (request.check) {
      remaining.push_back(place({spec.file, spec.kind}));
      continue;
    }
    for (const migrate::MigrationNote& note : spec.notes) {
      ordered_json item{{"code", note.finding.rule},
                        {"severity", "note"},
                        {"message", neutralize(note.finding.message)},
                        {"help", neutralize(note.finding.help)},
                        {"location", place(note.finding.location)}};
      if (!note.finding.related.empty())
        item["new_location"] = place(note.finding.related.front().location);
      item["predicts"] = note.predicts;
      notes.push_back(std::move(item));
    }
    if (spec.refusal) {
      ordered_json item{{"spec", neutralize(spec.name)},
                        {"message", neutralize(spec.refusal->message)},
                        {"help", neutralize(spec.refusal->help)},
                        {"location", place(spec.refusal->location)}};
      refused.push_back(std::move(item));
    }
  }
  for (const migrate::Refusal& refusal : result.refusals) {
    refused.push_back({{"spec", ""},
                       {"message", neutralize(refusal.message)},
                       {"help", neutralize(refusal.help)},
                       {"location", place(refusal.location)}});
  }
  ordered_json files = ordered_json::array();
  for (const MigratedFile& file : result.files) {
    bool written = std::find(result.written.begin(), result.written.end(), file.output) !=
                   result.written.end();
    files.push_back({{"file", neutralize(file.file)},
                     {"output", neutralize(file.output)},
                     {"written", written}});
  }
  MigrateCounts counts = migrate_counts(result);
  ordered_json summary{{"files_read", result.files_read},
                       {"aks_compute_specs", result.specs.size()},
                       {"migrated", request.check ? 0 : counts.migrated},
                       {"cannot_migrate", result.refused()},
                       {"notes", counts.notes},
                       {"written", result.written.size()},
                       {"held_back", result.held_back}};
  ordered_json document{{"version", 1},           {"notes", notes}, {"cannot_migrate", refused},
                        {"remaining", remaining}, {"files", files}, {"summary", summary}};
  out << document.dump(2) << "\n";
}

}  // namespace aksc::cli
