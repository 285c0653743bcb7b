#include "diag/render.h"

#include <climits>

#include <fmt/format.h>

#include "diag/excerpt.h"
#include "diag/neutralize.h"

namespace aksc {
namespace {

// ANSI escapes when colour is on, nothing otherwise (clang's palette: bold positions and
// messages, red errors, magenta warnings, cyan notes, green carets).
struct Paint {
  bool on = false;

  std::string wrap(std::string_view code, std::string_view text) const {
    return on ? fmt::format("\x1b[{}m{}\x1b[0m", code, text) : std::string(text);
  }
  std::string bold(std::string_view text) const { return wrap("1", text); }
  std::string caret(std::string_view text) const { return wrap("1;32", text); }
  std::string severity(Severity severity) const {
    std::string_view code = severity == Severity::kError     ? "1;31"
                            : severity == Severity::kWarning ? "1;35"
                                                             : "1;36";
    return wrap(code, fmt::format("{}:", to_string(severity)));
  }
  std::string note() const { return wrap("1;36", "note:"); }
};

std::string position(const Location& location) {
  const SourcePosition& begin = location.range.begin;
  if (!begin.known()) return neutral_path(location.file);
  return fmt::format("{}:{}:{}", neutral_path(location.file), begin.line, begin.column);
}

// The source line and a caret line under the range ("^~~~"), with a gutter of line numbers.
// Long lines show a window around the column, marked with "...".
void render_excerpt(std::ostream& out, const Location& location, const SourceMap& sources,
                    const Paint& paint, ColumnCursor& cursor) {
  auto found = sources.find(location.file);
  const SourcePosition& begin = location.range.begin;
  if (found == sources.end() || !begin.known()) return;
  const SourceFile& file = *found->second;
  ColumnCursor::Found column = cursor.find(file, begin.line, begin.column);
  const SourcePosition& end = location.range.end;
  // A range that ends on a later line (or nowhere known) is underlined to the end of this one.
  int span = end.line == begin.line ? end.column - column.column : INT_MAX;
  Excerpt excerpt = make_excerpt(file.line(begin.line), column.offset, span);
  std::string gutter = std::to_string(begin.line);
  out << fmt::format(" {} | {}\n", gutter, excerpt.text);
  out << fmt::format(" {} | {}{}\n", std::string(gutter.size(), ' '),
                     std::string(excerpt.caret, ' '),
                     paint.caret("^" + std::string(excerpt.underline - 1, '~')));
}

std::string plural(int count, std::string_view word) {
  return fmt::format("{} {}{}", count, word, count == 1 ? "" : "s");
}

}  // namespace

std::string summary_line(const RunSummary& summary) {
  std::string counts =
      fmt::format("{}, {}, {}", plural(summary.errors, "error"),
                  plural(summary.warnings, "warning"), plural(summary.notes, "note"));
  if (summary.suppressed > 0) counts += fmt::format(" ({} suppressed)", summary.suppressed);
  return fmt::format("{} in {} ({})", counts, plural(summary.specs, "spec"),
                     plural(summary.files, "file"));
}

void render_text(std::ostream& out, const std::vector<Finding>& findings, const SourceMap& sources,
                 const RunSummary& summary, const TextStyle& style) {
  Paint paint{style.color};
  // Findings come sorted by position; related locations point anywhere, so they get their own.
  ColumnCursor finding_cursor;
  ColumnCursor related_cursor;
  for (const Finding& finding : findings) {
    if (finding.suppressed_because) continue;
    out << fmt::format(
        "{} {} {}\n", paint.bold(position(finding.location) + ":"),
        paint.severity(finding.severity),
        paint.bold(fmt::format("{} [{}]", neutralize(finding.message), finding.rule)));
    render_excerpt(out, finding.location, sources, paint, finding_cursor);
    if (!finding.help.empty())
      out << "  " << paint.bold("help:") << " " << neutralize(finding.help) << "\n";
    for (const RelatedLocation& related : finding.related) {
      out << fmt::format("{} {} {}\n", paint.bold(position(related.location) + ":"), paint.note(),
                         neutralize(related.message));
      render_excerpt(out, related.location, sources, paint, related_cursor);
    }
  }
  if (style.quiet) return;
  if (style.list_suppressed) {
    for (const Finding& finding : findings) {
      if (!finding.suppressed_because) continue;
      out << fmt::format("{} suppressed: {}: {}\n", paint.bold(position(finding.location) + ":"),
                         finding.rule, neutralize(*finding.suppressed_because));
    }
  }
  out << paint.bold(summary_line(summary)) << "\n";
}

}  // namespace aksc
