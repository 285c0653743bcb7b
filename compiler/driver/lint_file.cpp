#include "driver/lint_file.h"

#include <algorithm>

#include <fmt/format.h>

#include "driver/huge_page_heap.h"
#include "driver/select_documents.h"
#include "frontend/cluster_facts.h"
#include "frontend/input_error.h"
#include "frontend/load.h"
#include "frontend/lower.h"
#include "frontend/ssl_files.h"
#include "policy/policy_eval.h"
#include "rules/rule.h"

namespace aksc {
namespace {

constexpr const char* kNoSpecSkipped = "no aksc spec in this file, skipped (--specs-only)";

// Loads a file's spec documents: YAML, schema, lowering.
DocumentCounts load_specs(FileState& file) {
  file.suppressions = scan_suppressions(*file.source, file.sink, file.policies);
  std::vector<YamlDocument> documents = load_yaml(*file.source, file.sink);
  int spec_count = 0;
  int policy_count = 0;
  for (std::size_t i = 0; i < documents.size(); ++i) {
    YamlDocument& doc = documents[i];
    DocumentKind kind = classify_document(doc);
    if (kind == DocumentKind::kPolicy) {
      ++policy_count;
      file.notes.push_back(
          fmt::format("{}:{}: document {} is an organisation policy (kind: "
                      "Policy), read through aksc.yaml's policies:, skipped",
                      file.input.display, doc.range.begin.line, i + 1));
      continue;
    }
    if (kind == DocumentKind::kOther) {
      file.notes.push_back(fmt::format(
          "{}:{}: document {} is not an aksc spec (apiVersion: {}, kind: {}), skipped",
          file.input.display, doc.range.begin.line, i + 1, kSpecApiVersion, kSpecKindsText));
      continue;
    }
    ++spec_count;
    if (kind == DocumentKind::kNearMiss) {
      report_near_miss(doc, file.input.display, file.sink);
      continue;
    }
    ir::Spec& spec = file.specs.emplace_back(
        check_and_lower_spec(doc, file.input.display, static_cast<int>(i), file.sink));
    load_cluster_facts(spec, file.input.path.parent_path(), file.fence, file.sink,
                       file.max_file_size);
    check_ssl_files(spec, file.input.path.parent_path(), file.fence, file.sink);
  }
  return {documents.size(), spec_count, policy_count};
}

void run_spec_rules(FileState& file) {
  RuleContext context{*file.catalog, *file.config};
  for (const ir::Spec& spec : file.specs) {
    run_spec_checks(spec, context, file.sink);
    if (file.policies) run_policies(spec, *file.policies, file.sink);
  }
}

}  // namespace

bool has_syntax_error(const FindingSink& sink) {
  return std::any_of(sink.findings().begin(), sink.findings().end(),
                     [](const Finding& finding) { return finding.rule == "AKS001"; });
}

void lint_file(FileState& file) {
  if (file.failure || file.skipped) return;
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
  file.counts = load_specs(file);
  file.fence = {};  // only the loading reads files the specs name; thousands of copies add up
  // The words were there but no spec: skipped all the same, its findings (a repeated key in a
  // workflow) not aksc's business. A syntax error may hide a spec, so it is reported.
  if (filtered && file.counts.specs == 0 && !has_syntax_error(file.sink)) {
    file.skipped = kNoSpecSkipped;
    file.source.reset();
    return;
  }
  if (file.reported) run_spec_rules(file);
  // Most files have no finding: their text is not kept for excerpts (the pipeline reads it
  // again should a whole-project rule report in it). The others keep the lines their findings
  // show, not the whole text, which every AksCompute spec's AKS816 note would keep.
  if (file.sink.findings().empty()) {
    file.source.reset();
    return;
  }
  std::vector<int> lines;
  for (const Finding& finding : file.sink.findings())
    add_lines_shown(finding, file.input.display, lines);
  file.source = std::make_shared<SourceFile>(file.source->with_lines_only(std::move(lines)));
}

}  // namespace aksc
