#include "backends/arm/arm_strings.h"

namespace aksc::arm {

std::string literal(std::string_view value) {
  // ARM evaluates only strings that both start with '[' and end with ']'; a leading "[["
  // keeps such a string literal. Any other string is already literal.
  bool looks_like_expression = value.starts_with('[') && value.ends_with(']');
  std::string result;
  result.reserve(value.size() + 1);
  if (looks_like_expression) result.push_back('[');
  result.append(value);
  return result;
}

std::string quote_in_expression(std::string_view value) {
  std::string result = "'";
  for (char c : value) {
    result += c;
    if (c == '\'') result += '\'';
  }
  return result + "'";
}

}  // namespace aksc::arm
