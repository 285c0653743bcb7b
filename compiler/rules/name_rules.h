#pragma once

#include "rules/rule.h"

namespace aksc::rules {

// Compute name rules of the article's Limitations section (see rules/AKS10x-*.md).
void check_name_missing(const ir::Spec& spec, const RuleContext& context,
                        RuleReporter& out);  // AKS101
void check_name_length(const ir::Spec& spec, const RuleContext& context,
                       RuleReporter& out);  // AKS102
void check_name_charset(const ir::Spec& spec, const RuleContext& context,
                        RuleReporter& out);  // AKS103
void check_name_first_char(const ir::Spec& spec, const RuleContext& context,
                           RuleReporter& out);  // AKS104
// The workspace name against Azure's naming rule for workspaces (rules/AKS107-*.md).
void check_workspace_name(const ir::Spec& spec, const RuleContext& context,
                          RuleReporter& out);  // AKS107
void check_name_last_char(const ir::Spec& spec, const RuleContext& context,
                          RuleReporter& out);  // AKS108

}  // namespace aksc::rules
