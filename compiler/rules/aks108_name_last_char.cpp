// AKS108 name-last-char — rules/AKS108-name-last-char.md
#include <fmt/format.h>

#include "diag/text_util.h"
#include "rules/name_rules.h"

namespace aksc::rules {

// "It must start with a letter, end with a letter or digit, and be between 3 and 24 characters
// in length." (v1 article, Limitations)
void check_name_last_char(const ir::Spec& spec, const RuleContext& /*context*/, RuleReporter& out) {
  if (!spec.name.written() || trim(spec.name.value).empty()) return;  // AKS101's case
  const std::string& name = spec.name.value;
  if (is_ascii_letter_or_digit(name.back())) return;
  std::string kept = name;
  while (!kept.empty() && !is_ascii_letter_or_digit(kept.back()))
    kept.pop_back();
  std::string last(last_character(name));
  out.report(spec.name.range,
             fmt::format("compute name '{}' ends with {}; Azure ML names must end with a letter "
                         "or digit",
                         name, last == " " ? std::string("' ' (space)") : "'" + last + "'"),
             kept.empty() ? std::string("end the name with a letter or digit")
                          : fmt::format("end the name with a letter or digit, e.g. '{}'", kept));
}

}  // namespace aksc::rules
