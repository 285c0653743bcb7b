#include "diag/severity.h"

#include "diag/text_util.h"

namespace aksc {

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::kNote:
      return "note";
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
  }
  return "error";
}

std::optional<Severity> parse_severity(std::string_view text) {
  for (Severity severity : {Severity::kNote, Severity::kWarning, Severity::kError}) {
    if (iequals(text, to_string(severity))) return severity;
  }
  return std::nullopt;
}

}  // namespace aksc
