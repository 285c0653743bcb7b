#pragma once

#include "rules/rule.h"

namespace aksc::rules {

// The legacy v1 path and the move to the v2 Kubernetes compute (see rules/AKS8xx-*.md).
void check_v1_legacy(const ir::Spec& spec, const RuleContext& context,
                     RuleReporter& out);  // AKS816

}  // namespace aksc::rules
