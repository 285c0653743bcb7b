// AKS102 name-length — rules/AKS102-name-length.md
#include <fmt/format.h>

#include "diag/text_util.h"
#include "rules/name_rules.h"

namespace aksc::rules {
namespace {

// "Name is required and must be between 3 to 24 characters long." (article, Limitations)
constexpr std::size_t kMinLength = 3;
constexpr std::size_t kMaxLength = 24;

}  // namespace

void check_name_length(const ir::Spec& spec, const RuleContext& /*context*/, RuleReporter& out) {
  if (!spec.name.written() || trim(spec.name.value).empty()) return;  // AKS101's case
  std::size_t length = utf8_length(spec.name.value);
  if (length >= kMinLength && length <= kMaxLength) return;
  std::string help = length > kMaxLength
                         ? fmt::format("shorten it by {} or more characters", length - kMaxLength)
                         : fmt::format("lengthen it by {} or more characters", kMinLength - length);
  out.report(spec.name.range,
             fmt::format("compute name '{}' is {} characters long; Azure ML allows {} to {}",
                         spec.name.value, length, kMinLength, kMaxLength),
             std::move(help));
}

}  // namespace aksc::rules
