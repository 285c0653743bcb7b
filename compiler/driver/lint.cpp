#include "driver/lint.h"

#include <algorithm>

#include <fmt/format.h>

#include "diag/finding_sink.h"
#include "diag/text_util.h"
#include "driver/collect_inputs.h"
#include "driver/config_resolver.h"
#include "driver/glob.h"
#include "driver/suppressions.h"
#include "frontend/input_error.h"
#include "frontend/load.h"
#include "frontend/lower.h"
#include "frontend/read_source.h"
#include "frontend/schema.h"
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

void run_rules(const ir::Spec& spec, FindingSink& sink) {
  for (const RuleEntry& rule : rule_registry()) {
    if (!rule.check) continue;
    RuleReporter reporter(rule.id, spec, sink);
    rule.check(spec, reporter);
  }
}

// Lints the spec documents of one file; returns how many documents were specs or meant as specs.
int lint_documents(std::vector<YamlDocument>& documents, const std::string& file, FindingSink& sink,
                   std::vector<ir::Spec>& specs, std::vector<std::string>& notes) {
  const Schema& schema = Schema::embedded("aksc-spec.schema.json");
  int spec_count = 0;
  for (std::size_t i = 0; i < documents.size(); ++i) {
    YamlDocument& doc = documents[i];
    DocumentKind kind = classify(doc);
    if (kind == DocumentKind::kOther) {
      notes.push_back(
          fmt::format("{}:{}: document {} is not an aksc spec (apiVersion: aksc/v1, "
                      "kind: AksCompute), skipped",
                      file, doc.range.begin.line, i + 1));
      continue;
    }
    ++spec_count;
    if (kind == DocumentKind::kNearMiss) {
      report_near_miss(doc, file, sink);
      continue;
    }
    canonicalize_enums(doc, schema);
    std::set<std::string> invalid = validate_document(doc, schema, file, "AKS002", sink);
    ir::Spec spec = lower_spec(doc, invalid, file, static_cast<int>(i));
    run_rules(spec, sink);
    specs.push_back(std::move(spec));
  }
  return spec_count;
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

// Applies the config's severities ("off" removes) and every suppression to `findings`.
void settle(std::vector<Finding>& findings, const Config& config,
            const std::vector<InlineSuppression>& inline_suppressions,
            const std::string& relative_path, std::vector<Finding>& out) {
  for (Finding& finding : findings) {
    const RuleDoc* doc = find_rule_doc(finding.rule);
    finding.severity = doc ? doc->severity : Severity::kError;
    auto override = config.severities.find(finding.rule);
    if (override != config.severities.end()) {
      if (!override->second) continue;  // off
      finding.severity = *override->second;
    }
    if (const InlineSuppression* s = find_inline_suppression(inline_suppressions, finding)) {
      finding.suppressed_because = s->reason;
    } else if (const IgnoreEntry* e = find_config_ignore(config, relative_path, finding)) {
      finding.suppressed_because = e->reason;
    }
    out.push_back(std::move(finding));
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

  for (const InputFile& input : inputs.files) {
    FindingSink sink;
    std::shared_ptr<const SourceFile> source;
    const Config* config = nullptr;
    try {
      config = &configs.config_for(input.path);
      source = std::make_shared<SourceFile>(read_source(input.path, input.display));
    } catch (const InputError& error) {
      result.input_errors.push_back(error.what());
      continue;
    }
    ++result.files;
    result.sources[input.display] = source;
    std::vector<InlineSuppression> suppressions = scan_suppressions(*source, sink);
    std::vector<YamlDocument> documents = load_yaml(*source, sink);
    bool syntax_error = !sink.findings().empty() &&
                        std::any_of(sink.findings().begin(), sink.findings().end(),
                                    [](const Finding& f) { return f.rule == "AKS001"; });
    int spec_count = lint_documents(documents, input.display, sink, result.specs, result.notes);
    if (spec_count == 0 && !syntax_error) {
      if (input.explicit_file) {
        result.input_errors.push_back(
            input.display + ": no aksc spec in this file (a spec document has apiVersion: " +
            std::string(kApiVersion) + " and kind: " + std::string(kKind) + ")");
      } else if (documents.empty()) {
        result.notes.push_back(input.display + ": no YAML documents, skipped");
      }
    }
    std::string relative =
        config->file.empty() ? input.display : relative_to(input.path, config->directory);
    settle(sink.findings(), *config, suppressions, relative, result.findings);
  }

  for (const auto& [name, source] : configs.sources())
    result.sources[name] = source;
  // A config's own findings keep their rules' default severities: the config that would
  // change them is the one being reported on.
  for (Finding& finding : config_sink.findings()) {
    const RuleDoc* doc = find_rule_doc(finding.rule);
    finding.severity = doc ? doc->severity : Severity::kError;
    result.findings.push_back(std::move(finding));
  }
  std::stable_sort(result.findings.begin(), result.findings.end(), finding_less);
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
