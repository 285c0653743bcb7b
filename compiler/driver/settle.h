#pragma once

#include <set>
#include <string>
#include <vector>

#include "diag/finding.h"
#include "diag/severity.h"
#include "driver/collect_inputs.h"
#include "driver/suppressions.h"
#include "frontend/config.h"

namespace aksc {

/// A rule's severity when no config sets it: its page's front matter (rules/AKSnnn-*.md);
/// error for a rule without one.
Severity default_severity(const std::string& rule);

/// Settles the findings of one linted file into `out`: each gets its rule's severity from
/// `config` ("off" drops it) or its default, then the reason of the first inline suppression
/// or config ignore entry that covers it. Fixed rules (AKS001...) keep their default severity
/// and are never suppressed: the config parser refuses such overrides, and an inline comment
/// cannot do what aksc.yaml may not.
void settle_findings(std::vector<Finding>& findings, const Config& config,
                     const std::vector<InlineSuppression>& suppressions, const InputFile& file,
                     std::vector<Finding>& out);

/// Settles the findings in aksc.yaml files and inventories into `out`: those in `governing`
/// files (the configs and inventories of reported specs), or all with `keep_all` (--config),
/// at their rules' default severities, since the config that would change them is the one
/// being reported on.
void settle_config_findings(std::vector<Finding>& findings, const std::set<std::string>& governing,
                            bool keep_all, std::vector<Finding>& out);

}  // namespace aksc
