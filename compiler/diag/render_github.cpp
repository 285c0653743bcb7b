#include <fmt/format.h>

#include "diag/neutralize.h"
#include "diag/render.h"
#include "rules/rule_doc.h"

namespace aksc {
namespace {

// The Actions toolkit's escapeData: a command's message may not hold raw line breaks or '%'.
std::string escape_data(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// The toolkit's escapeProperty: escapeData, and ':' and ',' which separate properties.
std::string escape_property(std::string_view text) {
  std::string out;
  for (char c : escape_data(text)) {
    if (c == ':') {
      out += "%3A";
    } else if (c == ',') {
      out += "%2C";
    } else {
      out += c;
    }
  }
  return out;
}

std::string_view command(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kNote:
      return "notice";
  }
  return "error";
}

}  // namespace

void render_github(std::ostream& out, const std::vector<Finding>& findings,
                   const RunSummary& summary, bool quiet) {
  for (const Finding& finding : findings) {
    if (finding.suppressed_because) continue;
    // The file as it is, for GitHub to find, but for what neutralize() changes.
    std::string properties = "file=" + escape_property(neutralize(finding.location.file));
    const SourceRange& range = finding.location.range;
    if (range.begin.known()) {
      properties += fmt::format(",line={}", range.begin.line);
      if (range.begin.column > 0) properties += fmt::format(",col={}", range.begin.column);
      if (range.end.known() && range.end >= range.begin) {
        properties += fmt::format(",endLine={}", range.end.line);
        if (range.end.column > 0) properties += fmt::format(",endColumn={}", range.end.column);
      }
    }
    const RuleDoc* doc = find_rule_doc(finding.rule);
    std::string title = doc ? fmt::format("{} {}", finding.rule, doc->slug) : finding.rule;
    properties += ",title=" + escape_property(title);
    // Line breaks between the parts only: escape_data() writes them as %0A, which GitHub shows
    // as lines of one annotation.
    std::string message = fmt::format("{} [{}]", neutralize(finding.message), finding.rule);
    if (!finding.help.empty()) message += "\nhelp: " + neutralize(finding.help);
    for (const RelatedLocation& related : finding.related) {
      message += fmt::format("\n{}: note: {}", neutral_position(related.location),
                             neutralize(related.message));
    }
    out << fmt::format("::{} {}::{}\n", command(finding.severity), properties,
                       escape_data(message));
  }
  if (!quiet) out << summary_line(summary) << "\n";
}

}  // namespace aksc
