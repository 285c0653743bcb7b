#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "diag/finding.h"

namespace aksc {

/// Collects findings; stages report into it and never throw for a problem in the input.
class FindingSink {
 public:
  /// Reports a finding of `rule` at `range` in `file`. Severity is set later from the rule
  /// table and the configuration.
  Finding& report(std::string_view rule, const std::string& file, SourceRange range,
                  std::string message, std::string help = {});
  void add(Finding finding) { findings_.push_back(std::move(finding)); }

  const std::vector<Finding>& findings() const { return findings_; }
  std::vector<Finding>& findings() { return findings_; }
  std::vector<Finding> take() { return std::move(findings_); }

 private:
  std::vector<Finding> findings_;
};

}  // namespace aksc
