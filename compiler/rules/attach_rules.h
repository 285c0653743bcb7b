#pragma once

#include "rules/rule.h"

namespace aksc::rules {

// Rules of attaching an existing cluster (its version, region, resource ID and facts) and of
// the scoring endpoint's TLS settings. See rules/AKS50x-*.md and rules/AKS70x-*.md. AKS507
// (facts-file-unusable) is reported by the front end (frontend/cluster_facts).
void check_attach_kubernetes_version(const ir::Spec& spec, const RuleContext& context,
                                     RuleReporter& out);  // AKS501
void check_attach_other_region(const ir::Spec& spec, const RuleContext& context,
                               RuleReporter& out);  // AKS502
void check_bad_resource_id(const ir::Spec& spec, const RuleContext& context,
                           RuleReporter& out);  // AKS505
void check_attach_facts_missing(const ir::Spec& spec, const RuleContext& context,
                                RuleReporter& out);  // AKS506
void check_ssl_incomplete(const ir::Spec& spec, const RuleContext& context,
                          RuleReporter& out);  // AKS701
void check_ssl_file_unusable(const ir::Spec& spec, const RuleContext& context,
                             RuleReporter& out);  // AKS702
void check_ssl_conflict(const ir::Spec& spec, const RuleContext& context,
                        RuleReporter& out);  // AKS703
void check_ssl_overwrite_conflict(const ir::Spec& spec, const RuleContext& context,
                                  RuleReporter& out);  // AKS704
void check_internal_lb_microsoft_cert(const ir::Spec& spec, const RuleContext& context,
                                      RuleReporter& out);  // AKS705
void check_ssl_enabled_without_certificate(const ir::Spec& spec, const RuleContext& context,
                                           RuleReporter& out);  // AKS706

}  // namespace aksc::rules
