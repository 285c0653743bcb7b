#include "driver/settle.h"

#include <algorithm>

#include "driver/glob.h"
#include "driver/relative_path.h"
#include "rules/rule_doc.h"

namespace aksc {
namespace {

const IgnoreEntry* find_config_ignore(const Config& config, const InputFile& file,
                                      const Finding& finding) {
  for (const IgnoreEntry& entry : config.ignores) {
    bool rule_matches =
        std::find(entry.rules.begin(), entry.rules.end(), finding.rule) != entry.rules.end();
    if (!rule_matches) continue;
    // Each entry's globs are relative to the aksc.yaml that wrote it.
    std::string relative =
        config.file.empty() ? file.display : relative_to(file.canonical, entry.directory);
    bool path_matches = std::any_of(entry.paths.begin(), entry.paths.end(),
                                    [&](const auto& glob) { return glob_match(glob, relative); });
    if (path_matches) return &entry;
  }
  return nullptr;
}

}  // namespace

Severity default_severity(const std::string& rule) {
  const RuleDoc* doc = find_rule_doc(rule);
  return doc ? doc->severity : Severity::kError;
}

void settle_findings(std::vector<Finding>& findings, const Config& config,
                     const std::vector<InlineSuppression>& suppressions, const InputFile& file,
                     std::vector<Finding>& out) {
  for (Finding& finding : findings) {
    if (!finding.keep_severity) finding.severity = default_severity(finding.rule);
    if (is_fixed_rule(finding.rule)) {
      out.push_back(std::move(finding));
      continue;
    }
    auto override = config.severities.find(finding.rule);
    if (override != config.severities.end()) {
      if (!override->second) continue;  // off
      finding.severity = *override->second;
    }
    if (const InlineSuppression* s = find_inline_suppression(suppressions, finding)) {
      finding.suppressed_because = s->reason;
      finding.suppressed_in_source = true;
    } else if (const IgnoreEntry* e = find_config_ignore(config, file, finding)) {
      finding.suppressed_because = e->reason;
    }
    out.push_back(std::move(finding));
  }
}

void settle_config_findings(std::vector<Finding>& findings, const std::set<std::string>& governing,
                            bool keep_all, std::vector<Finding>& out) {
  for (Finding& finding : findings) {
    if (!keep_all && !governing.count(finding.location.file)) continue;
    finding.severity = default_severity(finding.rule);
    out.push_back(std::move(finding));
  }
}

}  // namespace aksc
