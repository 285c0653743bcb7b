#include "diag/finding_sink.h"

namespace aksc {

Finding& FindingSink::report(std::string_view rule, const std::string& file, SourceRange range,
                             std::string message, std::string help) {
  Finding finding;
  finding.rule = std::string(rule);
  finding.location = {file, range};
  finding.message = std::move(message);
  finding.help = std::move(help);
  findings_.push_back(std::move(finding));
  return findings_.back();
}

}  // namespace aksc
