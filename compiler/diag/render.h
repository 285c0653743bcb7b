#pragma once

#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <unordered_map>
#include <vector>

#include "catalog/catalog.h"
#include "diag/excerpt.h"
#include "diag/finding.h"
#include "diag/source_file.h"
#include "support/string_hash.h"

namespace aksc {

/// The numbers a renderer prints in its summary.
struct RunSummary {
  int files = 0;
  int specs = 0;
  int errors = 0;
  int warnings = 0;
  int notes = 0;
  int suppressed = 0;
  int outside_links = 0;  ///< Symlinks skipped for leading outside the walked folder.
};

/// The text of each file a finding points into, by its shown name. Hashed: a run with
/// thousands of findings fills it with as many files, and only ever looks names up.
using SourceMap =
    std::unordered_map<std::string, std::shared_ptr<const SourceFile>, StringHash, std::equal_to<>>;

/// How text for people looks; the caller decides colour (--color, NO_COLOR, a terminal).
struct TextStyle {
  bool color = false;  ///< ANSI colours and bold, the way clang colours its diagnostics.
  bool quiet = false;  ///< Findings only: no summary line at the end.
  /// --verbose: before the summary, a line per suppressed finding with its rule and reason.
  bool list_suppressed = false;
};

/// "1 error, 0 warnings, 2 notes (1 suppressed) in 3 specs (2 files)".
std::string summary_line(const RunSummary& summary);

/// Appends the excerpt of `range` in `file` as the text format shows it: the line with its
/// number, then the caret and tildes under the range (green with `color`). `cursor` keeps the
/// place of the last column found, for a caller that shows many excerpts in order.
void append_excerpt_lines(std::string& out, const SourceFile& file, const SourceRange& range,
                          bool color, ColumnCursor& cursor);

/// Text for people: `file:line:col: severity: message [ID]`, the source line, a caret under
/// the column, a `help:` line, related locations as notes, then a one-line summary. Every
/// file name, message and source line is shown neutralized (diag/neutralize.h).
void render_text(std::ostream& out, const std::vector<Finding>& findings, const SourceMap& sources,
                 const RunSummary& summary, const TextStyle& style = {});

/// One JSON object as SPEC §4: {"version": 1, "findings": [...], "summary": {...}}.
/// Suppressed findings are counted in the summary and listed in its `suppressions` (rule, file,
/// line, column, reason), not among the findings. Text from the input is neutralized.
void render_json(std::ostream& out, const std::vector<Finding>& findings, const RunSummary& summary,
                 const std::vector<DataSnapshot>& data = {});

/// A project's own rule (a `kind: Policy` document), listed in SARIF beside aksc's rules.
struct PolicyRule {
  std::string id;
  std::string title;
  std::string message;
  std::string help;
  std::string source;  ///< Where the organisation documents it; may be empty.
  std::string file;    ///< The policy file.
  std::string text;    ///< The policy document as written.
  Severity severity = Severity::kError;
};

/// What the SARIF log says besides the findings.
struct SarifContext {
  std::string source_root;         ///< Absolute folder relative paths start from (%SRCROOT%).
  std::vector<DataSnapshot> data;  ///< In run.properties.dataSnapshots.
  std::vector<std::string> input_errors;  ///< Tool execution notifications; run unsuccessful.
  std::vector<PolicyRule> policies;       ///< Listed after aksc's rules.
};

/// SARIF 2.1.0: one run whose tool.driver lists every rule (id, slug as name, title, the doc as
/// help, the source as helpUri, default level); results with relative artifact URIs under
/// %SRCROOT%, regions in code points, related locations, and suppressed findings kept with
/// their `suppressions` (justification = the reason).
void render_sarif(std::ostream& out, const std::vector<Finding>& findings,
                  const RunSummary& summary, const SarifContext& context);

/// A spec as a JUnit testcase: found in `file` as document `document` (0-based), starting at
/// `line`; `name` is its compute name, empty when it has none.
struct SpecEntry {
  std::string file;
  int document = 0;
  int line = 0;
  std::string name;
};

/// JUnit XML (the Jenkins schema): one testsuite per file, one testcase per spec (a file
/// without specs gets one testcase for the whole file), a <failure> per finding at or above
/// `fail_on`, the other findings and the suppressed ones in <system-out>.
void render_junit(std::ostream& out, const std::vector<Finding>& findings,
                  const std::vector<SpecEntry>& specs, Severity fail_on);

/// GitHub Actions workflow commands: `::error file=F,line=L,col=C,endLine=..,endColumn=..,
/// title=ID slug::message`, ::warning and ::notice, escaped as the Actions toolkit does; then
/// the summary line as plain log text unless `quiet`.
void render_github(std::ostream& out, const std::vector<Finding>& findings,
                   const RunSummary& summary, bool quiet = false);

}  // namespace aksc
