#include "diag/finding.h"

#include <tuple>

namespace aksc {

bool finding_less(const Finding& a, const Finding& b) {
  const SourcePosition& pa = a.location.range.begin;
  const SourcePosition& pb = b.location.range.begin;
  return std::tie(a.location.file, pa, a.rule, a.message) <
         std::tie(b.location.file, pb, b.rule, b.message);
}

}  // namespace aksc
