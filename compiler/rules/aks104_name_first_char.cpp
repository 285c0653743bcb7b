// AKS104 name-first-char — rules/AKS104-name-first-char.md
#include <fmt/format.h>

#include "diag/text_util.h"
#include "rules/name_rules.h"

namespace aksc::rules {

void check_name_first_char(const ir::Spec& spec, const RuleContext& /*context*/,
                           RuleReporter& out) {
  if (!spec.name.written() || trim(spec.name.value).empty()) return;  // AKS101's case
  unsigned char first = static_cast<unsigned char>(spec.name.value[0]);
  // "Name must start with a letter." — ASCII letters, as the allowed character set (AKS103).
  if ((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z')) return;
  out.report(
      spec.name.range,
      fmt::format("compute name '{}' starts with '{}'; Azure ML names must start with a letter",
                  spec.name.value, first_character(spec.name.value)),
      "put a letter first, e.g. 'aks-" + spec.name.value + "'");
}

}  // namespace aksc::rules
