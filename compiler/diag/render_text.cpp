#include "diag/render.h"

#include <algorithm>

#include <fmt/format.h>

#include "diag/text_util.h"

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
  if (!begin.known()) return location.file;
  return fmt::format("{}:{}:{}", location.file, begin.line, begin.column);
}

// Code points [begin, begin + count) of UTF-8 text.
std::string_view utf8_slice(std::string_view text, int begin, int count) {
  std::size_t start = 0;
  int seen = 0;
  for (; start < text.size() && seen < begin; ++start) {
    if ((static_cast<unsigned char>(text[start]) & 0xC0) != 0x80) ++seen;
  }
  while (start < text.size() && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80)
    ++start;
  std::size_t end = start;
  for (seen = 0; end < text.size(); ++end) {
    if ((static_cast<unsigned char>(text[end]) & 0xC0) != 0x80 && seen++ == count) break;
  }
  return text.substr(start, end - start);
}

// The source line and a caret line under the range ("^~~~"), with a gutter of line numbers.
// Long lines show a window around the column, marked with "...".
void render_excerpt(std::ostream& out, const Location& location, const SourceMap& sources,
                    const Paint& paint) {
  constexpr int kWindow = 120;
  constexpr int kContextBefore = 40;
  auto found = sources.find(location.file);
  const SourcePosition& begin = location.range.begin;
  if (found == sources.end() || !begin.known()) return;
  std::string line;
  for (char c : found->second->line(begin.line))
    line += c == '\t' ? ' ' : c;  // keep alignment
  int width = static_cast<int>(utf8_length(line));
  int column = std::clamp(begin.column, 1, width + 1);
  int end = location.range.end.line == begin.line ? location.range.end.column : width + 1;
  std::string prefix;
  if (width > kWindow) {
    int first = std::max(0, column - 1 - kContextBefore);
    std::string suffix = first + kWindow < width ? "..." : "";
    prefix = first > 0 ? "..." : "";
    line = prefix + std::string(utf8_slice(line, first, kWindow)) + suffix;
    column -= first;
    end -= first;
    width = static_cast<int>(utf8_length(line)) - static_cast<int>(suffix.size());
    column += static_cast<int>(prefix.size());
    end += static_cast<int>(prefix.size());
  }
  int tildes = std::clamp(end - column - 1, 0, std::max(0, width - column));
  std::string gutter = std::to_string(begin.line);
  out << fmt::format(" {} | {}\n", gutter, line);
  out << fmt::format(" {} | {}{}\n", std::string(gutter.size(), ' '), std::string(column - 1, ' '),
                     paint.caret("^" + std::string(tildes, '~')));
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
  for (const Finding& finding : findings) {
    if (finding.suppressed_because) continue;
    out << fmt::format("{} {} {}\n", paint.bold(position(finding.location) + ":"),
                       paint.severity(finding.severity),
                       paint.bold(fmt::format("{} [{}]", finding.message, finding.rule)));
    render_excerpt(out, finding.location, sources, paint);
    if (!finding.help.empty()) out << "  " << paint.bold("help:") << " " << finding.help << "\n";
    for (const RelatedLocation& related : finding.related) {
      out << fmt::format("{} {} {}\n", paint.bold(position(related.location) + ":"), paint.note(),
                         related.message);
      render_excerpt(out, related.location, sources, paint);
    }
  }
  if (style.quiet) return;
  out << paint.bold(summary_line(summary)) << "\n";
}

}  // namespace aksc
