#include "diag/render.h"

#include <algorithm>

#include <fmt/format.h>

#include "diag/text_util.h"

namespace aksc {
namespace {

std::string position(const Location& location) {
  const SourcePosition& begin = location.range.begin;
  if (!begin.known()) return location.file;
  return fmt::format("{}:{}:{}", location.file, begin.line, begin.column);
}

// The source line and a caret line under the range ("^~~~"), with a gutter of line numbers.
void render_excerpt(std::ostream& out, const Location& location, const SourceMap& sources) {
  auto found = sources.find(location.file);
  const SourcePosition& begin = location.range.begin;
  if (found == sources.end() || !begin.known()) return;
  std::string_view line = found->second->line(begin.line);
  std::string shown;
  for (char c : line)
    shown += c == '\t' ? ' ' : c;  // keep the caret aligned
  std::string gutter = std::to_string(begin.line);
  out << fmt::format(" {} | {}\n", gutter, shown);
  int width = static_cast<int>(utf8_length(shown));
  int column = std::clamp(begin.column, 1, width + 1);
  int end = location.range.end.line == begin.line ? location.range.end.column : width + 1;
  int tildes = std::clamp(end - column - 1, 0, std::max(0, width - column));
  out << fmt::format(" {} | {}^{}\n", std::string(gutter.size(), ' '), std::string(column - 1, ' '),
                     std::string(tildes, '~'));
}

std::string plural(int count, std::string_view word) {
  return fmt::format("{} {}{}", count, word, count == 1 ? "" : "s");
}

}  // namespace

void render_text(std::ostream& out, const std::vector<Finding>& findings, const SourceMap& sources,
                 const RunSummary& summary) {
  for (const Finding& finding : findings) {
    if (finding.suppressed_because) continue;
    out << fmt::format("{}: {}: {} [{}]\n", position(finding.location), to_string(finding.severity),
                       finding.message, finding.rule);
    render_excerpt(out, finding.location, sources);
    if (!finding.help.empty()) out << "  help: " << finding.help << "\n";
    for (const RelatedLocation& related : finding.related) {
      out << fmt::format("{}: note: {}\n", position(related.location), related.message);
      render_excerpt(out, related.location, sources);
    }
  }
  std::string counts =
      fmt::format("{}, {}, {}", plural(summary.errors, "error"),
                  plural(summary.warnings, "warning"), plural(summary.notes, "note"));
  if (summary.suppressed > 0) counts += fmt::format(" ({} suppressed)", summary.suppressed);
  out << fmt::format("{} in {} ({})\n", counts, plural(summary.specs, "spec"),
                     plural(summary.files, "file"));
}

}  // namespace aksc
