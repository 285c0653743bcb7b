#include <algorithm>

#include "rules/name_rules.h"
#include "rules/rule.h"

namespace aksc {

std::span<const RuleEntry> rule_registry() {
  // One line per rule, sorted by ID. Each rule's metadata is in rules/AKSnnn-slug.md.
  static constexpr RuleEntry kRules[] = {
      {"AKS001"},  // yaml-syntax: frontend/load
      {"AKS002"},  // schema: frontend/schema
      {"AKS003"},  // duplicate-key: frontend/load
      {"AKS005"},  // bad-suppression: driver/suppressions
      {"AKS006"},  // data-file-unusable: driver/catalog_for_config, project_scope
      {"AKS101", rules::check_name_missing},
      {"AKS102", rules::check_name_length},
      {"AKS103", rules::check_name_charset},
      {"AKS104", rules::check_name_first_char},
  };
  return kRules;
}

bool is_known_rule(std::string_view id) {
  auto rules = rule_registry();
  return std::any_of(rules.begin(), rules.end(), [&](const RuleEntry& r) { return r.id == id; });
}

}  // namespace aksc
