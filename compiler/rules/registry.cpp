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
      {"AKS004", rules::check_unknown_region},
      {"AKS005"},  // bad-suppression: driver/suppressions
      {"AKS006"},  // data-file-unusable: driver/catalog_for_config, project_scope
      {"AKS007"},  // path-outside-project: frontend/path_fence
      {"AKS009"},  // nested-config-loosens: frontend/config_chain
      {"AKS101", rules::check_name_missing},
      {"AKS102", rules::check_name_length},
      {"AKS103", rules::check_name_charset},
      {"AKS104", rules::check_name_first_char},
      {"AKS105", nullptr, rules::check_name_unique_in_workspace},
      {"AKS106", nullptr, rules::check_name_unique_in_region},
      {"AKS107", rules::check_workspace_name},
      {"AKS108", rules::check_name_last_char},
      {"AKS201", rules::check_production_min_vcpus},
      {"AKS202", rules::check_dev_test_min_vcpus},
      {"AKS203", rules::check_purpose_defaulted},
      {"AKS204", rules::check_unknown_vm_size},
      {"AKS206", rules::check_vm_size_below_aks_minimum},
      {"AKS207", rules::check_b_series_system_pool},
      {"AKS208", rules::check_production_min_nodes},
      {"AKS301", rules::check_standard_lb_requires_attach},
      {"AKS302", rules::check_public_ip_denied_by_policy},
      {"AKS303", rules::check_authorized_ip_ranges_require_standard_lb},
      {"AKS304", rules::check_authorized_ip_ranges_miss_aml_control_plane},
      {"AKS305", rules::check_private_cluster_requires_attach},
      {"AKS306", rules::check_outbound_type_requires_attach},
      {"AKS307", rules::check_udr_requires_standard_lb},
      {"AKS308", rules::check_internal_lb_requires_subnet},
      {"AKS309", rules::check_network_incomplete},
      {"AKS310", rules::check_dns_ip_outside_service_cidr},
      {"AKS311", rules::check_cidr_overlap},
      {"AKS312", rules::check_bad_address},
      {"AKS313", rules::check_authorized_ip_ranges_with_private_cluster},
      {"AKS314", rules::check_authorized_ip_ranges_not_public},
      {"AKS315", rules::check_network_reserved_range},
      {"AKS401", rules::check_accelerator_sku_mismatch},
      {"AKS402", rules::check_accelerator_on_secondary_pool},
      {"AKS403", rules::check_accelerator_unused},
      {"AKS501", rules::check_attach_kubernetes_version},
      {"AKS502", rules::check_attach_other_region},
      {"AKS503", nullptr, rules::check_duplicate_attachment},
      {"AKS504", nullptr, rules::check_reattach_without_detach},
      {"AKS505", rules::check_bad_resource_id},
      {"AKS506", rules::check_attach_facts_missing},
      {"AKS507"},  // facts-file-unusable: frontend/cluster_facts
      {"AKS601", nullptr, rules::check_vm_size_change},
      {"AKS602", nullptr, rules::check_scale_outside_sdk},
      {"AKS701", rules::check_ssl_incomplete},
      {"AKS702", rules::check_ssl_file_unusable},
      {"AKS703", rules::check_ssl_conflict},
      {"AKS704", rules::check_ssl_overwrite_conflict},
      {"AKS705", rules::check_internal_lb_microsoft_cert},
      {"AKS706", rules::check_ssl_enabled_without_certificate},
      {"AKS816", rules::check_v1_legacy},
  };
  return kRules;
}

bool is_known_rule(std::string_view id) {
  auto rules = rule_registry();
  return std::any_of(rules.begin(), rules.end(), [&](const RuleEntry& r) { return r.id == id; });
}

}  // namespace aksc
