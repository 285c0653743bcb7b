#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/severity.h"
#include "diag/source_range.h"

namespace aksc {

/// A place in a file.
struct Location {
  std::string file;
  SourceRange range;
};

/// A second place a finding refers to, e.g. the other spec that uses the same name.
struct RelatedLocation {
  Location location;
  std::string message;
};

/// One problem found in the input: what, where, how serious and how to fix it.
struct Finding {
  std::string rule;  ///< Rule ID, e.g. "AKS101".
  Severity severity = Severity::kError;
  std::string message;  ///< One sentence, with the numbers that explain it.
  std::string help;     ///< How to fix it; may be empty.
  Location location;
  std::vector<RelatedLocation> related;
  std::optional<std::string> suppressed_because;  ///< Set when a suppression applies.
  /// The suppression is a comment in the file (SARIF "inSource"), not aksc.yaml ("external").
  bool suppressed_in_source = false;
  /// Set by a rule whose finding is less serious than the rule's default (AKS501's preview
  /// version is a warning): the severity stays unless aksc.yaml sets the rule's severity.
  bool keep_severity = false;
};

/// Adds to `lines` the lines of `file` that `finding` shows excerpts of (its own place and its
/// related places there), unsorted.
void add_lines_shown(const Finding& finding, std::string_view file, std::vector<int>& lines);

/// Deterministic order: file, position, rule, message.
bool finding_less(const Finding& a, const Finding& b);

}  // namespace aksc
