#include "frontend/yaml_scalar.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>
#include <optional>
#include <string_view>

namespace aksc {
namespace {

// Views, so that each comparison checks the length first: every plain scalar of a document is
// compared with these eleven words.
bool is_null(std::string_view s) {
  return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}
bool is_true(std::string_view s) {
  return s == "true" || s == "True" || s == "TRUE";
}
bool is_false(std::string_view s) {
  return s == "false" || s == "False" || s == "FALSE";
}

bool is_digit(char c, int base) {
  if (base == 8) return c >= '0' && c <= '7';
  if (base == 16) return std::isxdigit(static_cast<unsigned char>(c)) != 0;
  return c >= '0' && c <= '9';
}

// Counts the digits of `base` from `i` on.
std::size_t digits_from(const std::string& s, std::size_t i, int base) {
  std::size_t start = i;
  while (i < s.size() && is_digit(s[i], base))
    ++i;
  return i - start;
}

// Core schema ints: [-+]?[0-9]+ | 0o[0-7]+ | 0x[0-9a-fA-F]+
std::optional<nlohmann::json> parse_int(const std::string& s) {
  int base = 10;
  std::size_t start = 0;
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'o' || s[1] == 'x')) {
    base = s[1] == 'o' ? 8 : 16;
    start = 2;
  } else if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    start = 1;
  }
  if (start >= s.size() || digits_from(s, start, base) != s.size() - start) return std::nullopt;
  std::string digits = s.substr(s[0] == '+' ? 1 : (base == 10 ? 0 : 2));
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value, base);
  if (error == std::errc() && end == digits.data() + digits.size()) return nlohmann::json(value);
  if (base == 10) return nlohmann::json(std::strtod(s.c_str(), nullptr));  // beyond 64 bits
  double beyond = 0;  // strtod reads no 0o, so 0o and 0x beyond 64 bits add up their digits
  for (char c : digits) {
    int digit = std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : (c | 0x20) - 'a' + 10;
    beyond = beyond * base + digit;
  }
  return nlohmann::json(beyond);
}

// Core schema floats: [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)? and .inf/.nan.
std::optional<nlohmann::json> parse_float(const std::string& s) {
  std::size_t i = (!s.empty() && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
  std::string_view rest = std::string_view(s).substr(i);
  double inf = std::numeric_limits<double>::infinity();
  if (rest == ".inf" || rest == ".Inf" || rest == ".INF") return s[0] == '-' ? -inf : inf;
  if (i == 0 && (rest == ".nan" || rest == ".NaN" || rest == ".NAN")) return std::nan("");
  std::size_t integer_digits = digits_from(s, i, 10);
  i += integer_digits;
  std::size_t fraction_digits = 0;
  if (i < s.size() && s[i] == '.') {
    fraction_digits = digits_from(s, i + 1, 10);
    i += 1 + fraction_digits;
  }
  if (integer_digits == 0 && fraction_digits == 0) return std::nullopt;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    std::size_t j = i + 1;
    if (j < s.size() && (s[j] == '-' || s[j] == '+')) ++j;
    std::size_t exponent_digits = digits_from(s, j, 10);
    if (exponent_digits == 0) return std::nullopt;
    i = j + exponent_digits;
  }
  if (i != s.size()) return std::nullopt;
  return nlohmann::json(std::strtod(s.c_str(), nullptr));
}

}  // namespace

nlohmann::json resolve_plain_scalar(const std::string& text) {
  if (is_null(text)) return nullptr;
  if (is_true(text)) return true;
  if (is_false(text)) return false;
  if (auto integer = parse_int(text)) return *integer;
  if (auto number = parse_float(text)) return *number;
  return text;
}

nlohmann::json resolve_tagged_scalar(const std::string& tag, const std::string& text) {
  const std::string prefix = "tag:yaml.org,2002:";
  if (tag.rfind(prefix, 0) != 0) return text;
  std::string kind = tag.substr(prefix.size());
  if (kind == "null" && is_null(text)) return nullptr;
  if (kind == "bool" && (is_true(text) || is_false(text))) return is_true(text);
  if (kind == "int") {
    if (auto integer = parse_int(text)) return *integer;
  }
  if (kind == "float") {
    if (auto number = parse_float(text)) return *number;
    if (auto integer = parse_int(text)) return nlohmann::json(integer->get<double>());
  }
  return text;
}

}  // namespace aksc
