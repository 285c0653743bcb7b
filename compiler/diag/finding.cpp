#include "diag/finding.h"

#include <tuple>

namespace aksc {

void add_lines_shown(const Finding& finding, std::string_view file, std::vector<int>& lines) {
  if (finding.location.file == file && finding.location.range.begin.known())
    lines.push_back(finding.location.range.begin.line);
  for (const RelatedLocation& related : finding.related) {
    if (related.location.file == file && related.location.range.begin.known())
      lines.push_back(related.location.range.begin.line);
  }
}

bool finding_less(const Finding& a, const Finding& b) {
  const SourcePosition& pa = a.location.range.begin;
  const SourcePosition& pb = b.location.range.begin;
  return std::tie(a.location.file, pa, a.rule, a.message) <
         std::tie(b.location.file, pb, b.rule, b.message);
}

}  // namespace aksc
