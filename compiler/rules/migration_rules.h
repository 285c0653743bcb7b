#pragma once

#include "rules/rule.h"

namespace aksc::rules {

// The checks of kind KubernetesCompute (the Azure ML extension, its compute and instance
// types) and the legacy v1 path (see rules/AKS8xx-*.md).
void check_extension_enables_nothing(const ir::Spec& spec, const RuleContext& context,
                                     RuleReporter& out);  // AKS801
void check_router_service_type_required(const ir::Spec& spec, const RuleContext& context,
                                        RuleReporter& out);  // AKS802
void check_insecure_in_production(const ir::Spec& spec, const RuleContext& context,
                                  RuleReporter& out);  // AKS803
void check_tls_incomplete(const ir::Spec& spec, const RuleContext& context,
                          RuleReporter& out);  // AKS804
void check_tls_key_encrypted(const ir::Spec& spec, const RuleContext& context,
                             RuleReporter& out);  // AKS805
void check_router_ha_needs_three_nodes(const ir::Spec& spec, const RuleContext& context,
                                       RuleReporter& out);  // AKS806
void check_gpu_without_device_plugin(const ir::Spec& spec, const RuleContext& context,
                                     RuleReporter& out);  // AKS807
void check_managed_identity_required(const ir::Spec& spec, const RuleContext& context,
                                     RuleReporter& out);  // AKS808
void check_local_accounts_disabled(const ir::Spec& spec, const RuleContext& context,
                                   RuleReporter& out);  // AKS809
void check_cross_subscription_attach(const ir::Spec& spec, const RuleContext& context,
                                     RuleReporter& out);  // AKS810
void check_instance_type_invalid(const ir::Spec& spec, const RuleContext& context,
                                 RuleReporter& out);  // AKS811
void check_instance_type_does_not_fit(const ir::Spec& spec, const RuleContext& context,
                                      RuleReporter& out);  // AKS812
void check_namespace_invalid(const ir::Spec& spec, const RuleContext& context,
                             RuleReporter& out);  // AKS813
void check_internal_lb_needs_load_balancer(const ir::Spec& spec, const RuleContext& context,
                                           RuleReporter& out);  // AKS814
void check_production_capacity(const ir::Spec& spec, const RuleContext& context,
                               RuleReporter& out);  // AKS815
void check_v1_legacy(const ir::Spec& spec, const RuleContext& context,
                     RuleReporter& out);  // AKS816

}  // namespace aksc::rules
