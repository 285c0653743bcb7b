#include "diag/render.h"

#include <climits>
#include <iterator>
#include <string>

#include <fmt/format.h>

#include "diag/excerpt.h"
#include "diag/neutralize.h"

namespace aksc {
namespace {

// Bytes of text gathered before they are written to the stream.
constexpr std::size_t kTextChunk = 64 * 1024;

// ANSI escapes when colour is on, nothing otherwise (clang's palette: bold positions and
// messages, red errors, magenta warnings, cyan notes, green carets).
// Appends to one buffer per run, written out in large pieces: building a string per part of
// each finding and writing each to the stream was a measurable part of a run that prints
// thousands of findings.
struct Paint {
  bool on = false;

  void wrap(std::string& out, std::string_view code, std::string_view text) const {
    if (!on) {
      out += text;
      return;
    }
    fmt::format_to(std::back_inserter(out), "\x1b[{}m{}\x1b[0m", code, text);
  }
  void begin_bold(std::string& out) const {
    if (on) out += "\x1b[1m";
  }
  void end(std::string& out) const {
    if (on) out += "\x1b[0m";
  }
  void severity(std::string& out, Severity severity) const {
    std::string_view code = severity == Severity::kError     ? "1;31"
                            : severity == Severity::kWarning ? "1;35"
                                                             : "1;36";
    if (!on) {
      out += to_string(severity);
      out += ':';
      return;
    }
    fmt::format_to(std::back_inserter(out), "\x1b[{}m{}:\x1b[0m", code, to_string(severity));
  }
};

// A file's name as findings show it, made once for the findings in a row that name it.
class ShownPath {
 public:
  const std::string& of(const std::string& file) {
    if (!made_ || file != file_) {
      file_ = file;
      shown_ = neutral_path(file);
      made_ = true;
    }
    return shown_;
  }

 private:
  bool made_ = false;
  std::string file_;
  std::string shown_;
};

// "file:line:col:" in bold.
void append_position(std::string& out, const Location& location, const Paint& paint,
                     ShownPath& path) {
  paint.begin_bold(out);
  out += path.of(location.file);
  const SourcePosition& begin = location.range.begin;
  if (begin.known()) fmt::format_to(std::back_inserter(out), ":{}:{}", begin.line, begin.column);
  out += ':';
  paint.end(out);
}

void append_excerpt(std::string& out, const Location& location, const SourceMap& sources,
                    const Paint& paint, ColumnCursor& cursor) {
  auto found = sources.find(location.file);
  if (found == sources.end()) return;
  append_excerpt_lines(out, *found->second, location.range, paint.on, cursor);
}

std::string plural(int count, std::string_view word) {
  return fmt::format("{} {}{}", count, word, count == 1 ? "" : "s");
}

}  // namespace

void append_excerpt_lines(std::string& out, const SourceFile& file, const SourceRange& range,
                          bool color, ColumnCursor& cursor) {
  const SourcePosition& begin = range.begin;
  if (!begin.known()) return;
  ColumnCursor::Found column = cursor.find(file, begin.line, begin.column);
  const SourcePosition& end = range.end;
  // A range that ends on a later line (or nowhere known) is underlined to the end of this one.
  int span = end.line == begin.line ? end.column - column.column : INT_MAX;
  Excerpt excerpt = make_excerpt(file.line(begin.line), column.offset, span);
  std::string gutter = std::to_string(begin.line);
  fmt::format_to(std::back_inserter(out), " {} | {}\n {:{}} | {:{}}", gutter, excerpt.text, "",
                 gutter.size(), "", excerpt.caret);
  std::string underline = "^" + std::string(excerpt.underline - 1, '~');
  Paint{color}.wrap(out, "1;32", underline);
  out += '\n';
}

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
  ShownPath finding_path;
  ShownPath related_path;
  std::string text;
  for (const Finding& finding : findings) {
    if (finding.suppressed_because) continue;
    append_position(text, finding.location, paint, finding_path);
    text += ' ';
    paint.severity(text, finding.severity);
    text += ' ';
    paint.begin_bold(text);
    append_neutralized(text, finding.message);
    fmt::format_to(std::back_inserter(text), " [{}]", finding.rule);
    paint.end(text);
    text += '\n';
    append_excerpt(text, finding.location, sources, paint, finding_cursor);
    if (!finding.help.empty()) {
      text += "  ";
      paint.wrap(text, "1", "help:");
      text += ' ';
      append_neutralized(text, finding.help);
      text += '\n';
    }
    for (const RelatedLocation& related : finding.related) {
      append_position(text, related.location, paint, related_path);
      text += ' ';
      paint.wrap(text, "1;36", "note:");
      text += ' ';
      append_neutralized(text, related.message);
      text += '\n';
      append_excerpt(text, related.location, sources, paint, related_cursor);
    }
    if (text.size() >= kTextChunk) {
      out << text;
      text.clear();
    }
  }
  out << text;
  if (style.quiet) return;
  if (style.list_suppressed) {
    for (const Finding& finding : findings) {
      if (!finding.suppressed_because) continue;
      std::string line;
      append_position(line, finding.location, paint, finding_path);
      fmt::format_to(std::back_inserter(line), " suppressed: {}: ", finding.rule);
      append_neutralized(line, *finding.suppressed_because);
      out << line << "\n";
    }
  }
  std::string line;
  paint.wrap(line, "1", summary_line(summary));
  out << line << "\n";
}

}  // namespace aksc
