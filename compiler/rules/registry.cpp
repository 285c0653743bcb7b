#include <algorithm>

#include "rules/attach_rules.h"
#include "rules/migration_rules.h"
#include "rules/name_rules.h"
#include "rules/network_rules.h"
#include "rules/project_rules.h"
#include "rules/rule.h"
#include "rules/sizing_rules.h"

namespace aksc {

std::span<const RuleEntry> rule_registry() {
  // One line per rule, sorted by ID. Each rule's metadata is in rules/AKSnnn-slug.md.
  static constexpr RuleEntry kRules[] = {
      {"AKS001"},  // yaml-syntax: frontend/load
      {"AKS002"},  // schema: frontend/schema
      {"AKS003"},  // duplicate-key: frontend/load
      {"AKS004", rules::check_unknown_region, nullptr, SpecKinds::kBoth},
      {"AKS005"},  // bad-suppression: driver/suppressions
      {"AKS006"},  // data-file-unusable: driver/catalog_for_config, project_scope
      {"AKS007"},  // path-outside-project: frontend/path_fence
      {"AKS008"},  // policy-invalid: policy/policy_file, driver/policy_cache
      {"AKS009"},  // nested-config-loosens: frontend/config_chain
      {"AKS101", rules::check_name_missing, nullptr, SpecKinds::kBoth},
      {"AKS102", rules::check_name_length, nullptr, SpecKinds::kBoth},
      {"AKS103", rules::check_name_charset, nullptr, SpecKinds::kBoth},
      {"AKS104", rules::check_name_first_char, nullptr, SpecKinds::kBoth},
      {"AKS105", nullptr, rules::check_name_unique_in_workspace, SpecKinds::kBoth},
      {"AKS106", nullptr, rules::check_name_unique_in_region, SpecKinds::kBoth},
      {"AKS107", rules::check_workspace_name, nullptr, SpecKinds::kBoth},
      {"AKS108", rules::check_name_last_char, nullptr, SpecKinds::kBoth},
      {"AKS201", rules::check_production_min_vcpus},
      {"AKS202", rules::check_dev_test_min_vcpus},
      {"AKS203", rules::check_purpose_defaulted, nullptr, SpecKinds::kBoth},
      {"AKS204", rules::check_unknown_vm_size, nullptr, SpecKinds::kBoth},
      {"AKS206", rules::check_vm_size_below_aks_minimum, nullptr, SpecKinds::kBoth},
      {"AKS207", rules::check_b_series_system_pool, nullptr, SpecKinds::kBoth},
      {"AKS208", rules::check_production_min_nodes},
      {"AKS301", rules::check_standard_lb_requires_attach},
      {"AKS302", rules::check_public_ip_denied_by_policy},
      {"AKS303", rules::check_authorized_ip_ranges_require_standard_lb, nullptr, SpecKinds::kBoth},
      {"AKS304", rules::check_authorized_ip_ranges_miss_aml_control_plane, nullptr,
       SpecKinds::kBoth},
      {"AKS305", rules::check_private_cluster_requires_attach},
      {"AKS306", rules::check_outbound_type_requires_attach},
      {"AKS307", rules::check_udr_requires_standard_lb, nullptr, SpecKinds::kBoth},
      {"AKS308", rules::check_internal_lb_requires_subnet},
      {"AKS309", rules::check_network_incomplete, nullptr, SpecKinds::kBoth},
      {"AKS310", rules::check_dns_ip_outside_service_cidr, nullptr, SpecKinds::kBoth},
      {"AKS311", rules::check_cidr_overlap, nullptr, SpecKinds::kBoth},
      {"AKS312", rules::check_bad_address, nullptr, SpecKinds::kBoth},
      {"AKS313", rules::check_authorized_ip_ranges_with_private_cluster, nullptr, SpecKinds::kBoth},
      {"AKS314", rules::check_authorized_ip_ranges_not_public, nullptr, SpecKinds::kBoth},
      {"AKS315", rules::check_network_reserved_range, nullptr, SpecKinds::kBoth},
      {"AKS401", rules::check_accelerator_sku_mismatch},
      {"AKS402", rules::check_accelerator_on_secondary_pool},
      {"AKS403", rules::check_accelerator_unused},
      {"AKS501", rules::check_attach_kubernetes_version, nullptr, SpecKinds::kBoth},
      {"AKS502", rules::check_attach_other_region, nullptr, SpecKinds::kBoth},
      {"AKS503", nullptr, rules::check_duplicate_attachment},
      {"AKS504", nullptr, rules::check_reattach_without_detach},
      {"AKS505", rules::check_bad_resource_id, nullptr, SpecKinds::kBoth},
      {"AKS506", rules::check_attach_facts_missing, nullptr, SpecKinds::kBoth},
      {"AKS507"},  // facts-file-unusable: frontend/cluster_facts
      {"AKS601", nullptr, rules::check_vm_size_change, SpecKinds::kBoth},
      {"AKS602", nullptr, rules::check_scale_outside_sdk, SpecKinds::kBoth},
      {"AKS701", rules::check_ssl_incomplete},
      {"AKS702", rules::check_ssl_file_unusable, nullptr, SpecKinds::kBoth},
      {"AKS703", rules::check_ssl_conflict},
      {"AKS704", rules::check_ssl_overwrite_conflict},
      {"AKS705", rules::check_internal_lb_microsoft_cert},
      {"AKS706", rules::check_ssl_enabled_without_certificate},
      {"AKS801", rules::check_extension_enables_nothing, nullptr, SpecKinds::kKubernetesCompute},
      {"AKS802", rules::check_router_service_type_required, nullptr, SpecKinds::kKubernetesCompute},
      {"AKS803", rules::check_insecure_in_production, nullptr, SpecKinds::kKubernetesCompute},
      {"AKS804", rules::check_tls_incomplete, nullptr, SpecKinds::kKubernetesCompute},
      {"AKS805", rules::check_tls_key_encrypted, nullptr, SpecKinds::kKubernetesCompute},
      {"AKS806", rules::check_router_ha_needs_three_nodes, nullptr, SpecKinds::kKubernetesCompute},
      {"AKS807", rules::check_gpu_without_device_plugin, nullptr, SpecKinds::kKubernetesCompute},
      {"AKS808", rules::check_managed_identity_required, nullptr, SpecKinds::kKubernetesCompute},
      {"AKS809", rules::check_local_accounts_disabled, nullptr, SpecKinds::kKubernetesCompute},
      {"AKS810", rules::check_cross_subscription_attach, nullptr, SpecKinds::kKubernetesCompute},
      {"AKS811", rules::check_instance_type_invalid, nullptr, SpecKinds::kKubernetesCompute},
      {"AKS812", rules::check_instance_type_does_not_fit, nullptr, SpecKinds::kKubernetesCompute},
      {"AKS813", rules::check_namespace_invalid, nullptr, SpecKinds::kKubernetesCompute},
      {"AKS814", rules::check_internal_lb_needs_load_balancer, nullptr,
       SpecKinds::kKubernetesCompute},
      {"AKS815", rules::check_production_capacity, nullptr, SpecKinds::kKubernetesCompute},
      {"AKS816", rules::check_v1_legacy},
  };
  return kRules;
}

bool rule_applies(const RuleEntry& rule, const ir::Spec& spec) {
  SpecKinds kind = spec.kind == ir::Kind::kKubernetesCompute ? SpecKinds::kKubernetesCompute
                                                             : SpecKinds::kAksCompute;
  return (static_cast<unsigned>(rule.kinds) & static_cast<unsigned>(kind)) != 0;
}

void run_spec_checks(const ir::Spec& spec, const RuleContext& context, FindingSink& sink) {
  for (const RuleEntry& rule : rule_registry()) {
    if (!rule.check || !rule_applies(rule, spec)) continue;
    RuleReporter reporter(rule.id, spec, sink);
    rule.check(spec, context, reporter);
  }
}

bool is_known_rule(std::string_view id) {
  auto rules = rule_registry();
  return std::any_of(rules.begin(), rules.end(), [&](const RuleEntry& r) { return r.id == id; });
}

}  // namespace aksc
