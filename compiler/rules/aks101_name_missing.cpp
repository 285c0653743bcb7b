// AKS101 name-missing — rules/AKS101-name-missing.md
#include "diag/text_util.h"
#include "rules/name_rules.h"

namespace aksc::rules {

void check_name_missing(const ir::Spec& spec, const RuleContext& /*context*/, RuleReporter& out) {
  if (spec.name.origin == ir::Origin::kAbsent) {
    out.report(spec.name.range, "the compute name is missing; Azure ML requires one",
               "add a top-level 'name:' of 3 to 24 letters, digits or '-', starting with a letter");
  } else if (spec.name.written() && trim(spec.name.value).empty()) {
    out.report(spec.name.range, "the compute name is empty; Azure ML requires one",
               "write a name of 3 to 24 letters, digits or '-', starting with a letter");
  }
}

}  // namespace aksc::rules
