// libFuzzer target: any bytes as a spec file, through the whole lint pipeline (load, schema,
// lowering, every rule, the project rules) and every output format. aksc must neither crash
// nor trip a sanitizer, whatever the input.
#include <cstddef>
#include <cstdint>
#include <sstream>

#include "diag/render.h"
#include "driver/lint.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  aksc::LintRequest request;
  request.paths = {aksc::fuzz::write_input(data, size).string()};
  request.jobs = 1;
  aksc::LintResult result = aksc::run_lint(request);
  aksc::FindingCounts counts = aksc::count_findings(result.findings);
  aksc::RunSummary summary{result.files,  static_cast<int>(result.specs.size()),
                           counts.errors, counts.warnings,
                           counts.notes,  counts.suppressed};
  std::vector<aksc::SpecEntry> entries;
  for (const aksc::ir::Spec& spec : result.specs)
    entries.push_back({spec.file, spec.document, spec.range.begin.line, spec.name.value});
  std::ostringstream out;
  aksc::render_text(out, result.findings, result.sources, summary);
  aksc::render_json(out, result.findings, summary, result.data);
  // SARIF lists every rule with its documentation, which costs ten times the rest of the run;
  // rendering it for one input in eight (by size, so a crash input reproduces) keeps the
  // fuzzer fast and SARIF fuzzed.
  if (size % 8 == 0) {
    aksc::render_sarif(out, result.findings, summary, {"/", result.data, result.input_errors, {}});
  }
  aksc::render_junit(out, result.findings, entries, aksc::Severity::kError);
  aksc::render_github(out, result.findings, summary);
  return 0;
}
