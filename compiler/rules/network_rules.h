#pragma once

#include "rules/rule.h"

namespace aksc::rules {

// Load balancer, egress, API server access and address rules (see rules/AKS3xx-*.md).
void check_standard_lb_requires_attach(const ir::Spec& spec, const RuleContext& context,
                                       RuleReporter& out);  // AKS301
void check_public_ip_denied_by_policy(const ir::Spec& spec, const RuleContext& context,
                                      RuleReporter& out);  // AKS302
void check_authorized_ip_ranges_require_standard_lb(const ir::Spec& spec,
                                                    const RuleContext& context,
                                                    RuleReporter& out);  // AKS303
void check_authorized_ip_ranges_miss_aml_control_plane(const ir::Spec& spec,
                                                       const RuleContext& context,
                                                       RuleReporter& out);  // AKS304
void check_private_cluster_requires_attach(const ir::Spec& spec, const RuleContext& context,
                                           RuleReporter& out);  // AKS305
void check_outbound_type_requires_attach(const ir::Spec& spec, const RuleContext& context,
                                         RuleReporter& out);  // AKS306
void check_udr_requires_standard_lb(const ir::Spec& spec, const RuleContext& context,
                                    RuleReporter& out);  // AKS307
void check_internal_lb_requires_subnet(const ir::Spec& spec, const RuleContext& context,
                                       RuleReporter& out);  // AKS308
void check_network_incomplete(const ir::Spec& spec, const RuleContext& context,
                              RuleReporter& out);  // AKS309
void check_dns_ip_outside_service_cidr(const ir::Spec& spec, const RuleContext& context,
                                       RuleReporter& out);  // AKS310
void check_cidr_overlap(const ir::Spec& spec, const RuleContext& context,
                        RuleReporter& out);  // AKS311
void check_bad_address(const ir::Spec& spec, const RuleContext& context,
                       RuleReporter& out);  // AKS312
void check_authorized_ip_ranges_with_private_cluster(const ir::Spec& spec,
                                                     const RuleContext& context,
                                                     RuleReporter& out);  // AKS313
void check_authorized_ip_ranges_not_public(const ir::Spec& spec, const RuleContext& context,
                                           RuleReporter& out);  // AKS314
void check_network_reserved_range(const ir::Spec& spec, const RuleContext& context,
                                  RuleReporter& out);  // AKS315

}  // namespace aksc::rules
