#pragma once

#include "rules/rule.h"

namespace aksc::rules {

// Rules over a whole project: specs compared with each other and with the inventory of the
// computes that already exist (SPEC §2). See rules/AKSnnn-*.md.
void check_name_unique_in_workspace(const Project& project, const RuleContext& context,
                                    ProjectReporter& out);  // AKS105
void check_name_unique_in_region(const Project& project, const RuleContext& context,
                                 ProjectReporter& out);  // AKS106
void check_duplicate_attachment(const Project& project, const RuleContext& context,
                                ProjectReporter& out);  // AKS503
void check_reattach_without_detach(const Project& project, const RuleContext& context,
                                   ProjectReporter& out);  // AKS504
void check_vm_size_change(const Project& project, const RuleContext& context,
                          ProjectReporter& out);  // AKS601
void check_scale_outside_sdk(const Project& project, const RuleContext& context,
                             ProjectReporter& out);  // AKS602

}  // namespace aksc::rules
