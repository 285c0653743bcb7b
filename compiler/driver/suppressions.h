#pragma once

#include <string>
#include <vector>

#include "diag/finding_sink.h"
#include "diag/source_file.h"
#include "policy/policy.h"

namespace aksc {

/// An inline `# aksc-ignore ID[, ID]: reason` (this line or the next) or
/// `# aksc-ignore-file ID: reason` (the whole file).
struct InlineSuppression {
  int line = 0;
  bool whole_file = false;
  std::vector<std::string> rules;
  std::string reason;
};

/// Reads the suppression comments of a file: YAML comments only, as the parser skips them
/// (frontend/yaml_comments.h), never the same text inside a value. A comment without a reason,
/// with a reason that does not show, or naming an unknown rule is reported as AKS005 and
/// suppresses nothing. A policy ID must name one of `policies`; any policy-shaped ID is taken
/// when `policies` is null (migrate's check, which runs no policy).
std::vector<InlineSuppression> scan_suppressions(const SourceFile& source, FindingSink& sink,
                                                 const PolicySet* policies = nullptr);

/// The reason of the first inline suppression covering `finding`, if any.
const InlineSuppression* find_inline_suppression(const std::vector<InlineSuppression>& suppressions,
                                                 const Finding& finding);

}  // namespace aksc
