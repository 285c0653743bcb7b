// AKS103 name-charset — rules/AKS103-name-charset.md
#include <fmt/format.h>

#include "diag/text_util.h"
#include "rules/name_rules.h"

namespace aksc::rules {
namespace {

// "Valid characters are upper and lower case letters, digits, and the - character."
bool is_compute_name_character(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}

}  // namespace

void check_name_charset(const ir::Spec& spec, const RuleContext& /*context*/, RuleReporter& out) {
  if (!spec.name.written() || trim(spec.name.value).empty()) return;  // AKS101's case
  const std::string& name = spec.name.value;
  std::string shown;  // each offending character once, in order, as written
  for (std::size_t i = 0; i < name.size();) {
    std::size_t length = 1;
    while (i + length < name.size() &&
           (static_cast<unsigned char>(name[i + length]) & 0xC0) == 0x80) {
      ++length;
    }
    std::string character = name.substr(i, length);
    if (!(length == 1 && is_compute_name_character(name[i])) &&
        shown.find("'" + character + "'") == std::string::npos) {
      if (!shown.empty()) shown += ", ";
      shown += character == " " ? "' ' (space)" : "'" + character + "'";
    }
    i += length;
  }
  if (shown.empty()) return;
  out.report(
      spec.name.range,
      fmt::format("compute name '{}' has characters Azure ML does not allow: {}", name, shown),
      "use only letters A-Z and a-z, digits 0-9 and '-'");
}

}  // namespace aksc::rules
