// Kubernetes resource quantities — compiler/rules/quantity.h
#include "rules/quantity.h"

#include <fmt/format.h>

#include "diag/text_util.h"

namespace aksc::rules {
namespace {

using Nanos = Quantity::Nanos;

// 10^36 nano-units = 10^27 units: far above any node, and ×10 of it still fits in 128 bits.
constexpr Nanos kQuantityLimit = Nanos(1'000'000'000'000'000'000) * 1'000'000'000'000'000'000;

struct SuffixScale {
  std::string_view suffix;
  int power_of_ten;
  int power_of_two;
};

// The suffixes of k8s.io/apimachinery/pkg/api/resource (suffix.go), longest first.
constexpr SuffixScale kQuantitySuffixes[] = {
    {"Ki", 0, 10}, {"Mi", 0, 20}, {"Gi", 0, 30}, {"Ti", 0, 40}, {"Pi", 0, 50},
    {"Ei", 0, 60}, {"n", -9, 0},  {"u", -6, 0},  {"m", -3, 0},  {"k", 3, 0},
    {"M", 6, 0},   {"G", 9, 0},   {"T", 12, 0},  {"P", 15, 0},  {"E", 18, 0},
};

// The signed integer of a decimal exponent ("3", "-1", "+2"); nullopt when it is not one or is
// beyond any quantity (its magnitude is capped, which keeps the scaling loop short).
std::optional<int> exponent_value(std::string_view text) {
  std::size_t at = 0;
  bool negative = false;
  if (at < text.size() && (text[at] == '+' || text[at] == '-')) negative = text[at++] == '-';
  if (at == text.size()) return std::nullopt;
  int value = 0;
  for (; at < text.size(); ++at) {
    if (!is_ascii_digit(text[at])) return std::nullopt;
    value = std::min(value * 10 + (text[at] - '0'), 1000);
  }
  return negative ? -value : value;
}

QuantityParse refuse_quantity(std::string error) {
  return {std::nullopt, std::move(error)};
}

}  // namespace

std::int64_t Quantity::ceil_units() const {
  Nanos units = nanos_ / kNanosPerUnit;
  if (nanos_ % kNanosPerUnit > 0) ++units;
  return static_cast<std::int64_t>(units);
}

std::string Quantity::units_text() const {
  Nanos millis = nanos_ / 1'000'000;
  if (nanos_ % 1'000'000 > 0) ++millis;
  const bool negative = millis < 0;
  if (negative) millis = -millis;
  std::string text = fmt::format("{}", static_cast<std::uint64_t>(millis / 1000));
  if (int fraction = static_cast<int>(millis % 1000); fraction != 0) {
    std::string digits = fmt::format(".{:03}", fraction);
    while (digits.back() == '0')
      digits.pop_back();
    text += digits;
  }
  return negative ? "-" + text : text;
}

std::string Quantity::bytes_text() const {
  // Display only: the verdicts compare nanos() exactly.
  const double bytes = static_cast<double>(nanos_) / kNanosPerUnit;
  constexpr std::string_view kUnits[] = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
  double value = bytes;
  std::size_t unit = 0;
  while ((value >= 1024 || value <= -1024) && unit + 1 < std::size(kUnits)) {
    value /= 1024;
    ++unit;
  }
  std::string text = fmt::format("{:.2f}", value);
  while (text.back() == '0')
    text.pop_back();
  if (text.back() == '.') text.pop_back();
  return fmt::format("{} {}", text, kUnits[unit]);
}

QuantityParse parse_quantity(std::string_view text) {
  if (text.empty()) return refuse_quantity("it is empty");
  std::size_t at = 0;
  bool negative = false;
  if (text[at] == '+' || text[at] == '-') negative = text[at++] == '-';

  // The number: digits, an optional point, digits; at least one digit in all.
  Nanos mantissa = 0;
  int fraction_digits = 0;
  int digit_count = 0;
  bool point = false;
  for (; at < text.size(); ++at) {
    const char c = text[at];
    if (c == '.' && !point) {
      point = true;
      continue;
    }
    if (!is_ascii_digit(c)) break;
    ++digit_count;
    if (mantissa == 0 && c == '0') {
      if (point) ++fraction_digits;
      continue;
    }
    if (mantissa >= kQuantityLimit) return refuse_quantity("it has too many digits");
    mantissa = mantissa * 10 + (c - '0');
    if (point) ++fraction_digits;
  }
  if (digit_count == 0) {
    return refuse_quantity("it does not start with a number (e.g. 500m, 2, 1.5, 4Gi, 1e3)");
  }

  // The suffix: a binary or decimal SI suffix, an exponent, or nothing.
  const std::string_view suffix = text.substr(at);
  int power_of_ten = 0;
  int power_of_two = 0;
  if (!suffix.empty()) {
    const SuffixScale* scale = nullptr;
    for (const SuffixScale& candidate : kQuantitySuffixes) {
      if (suffix == candidate.suffix) scale = &candidate;
    }
    if (scale) {
      power_of_ten = scale->power_of_ten;
      power_of_two = scale->power_of_two;
    } else if (suffix[0] == 'e' || suffix[0] == 'E') {
      std::optional<int> exponent = exponent_value(suffix.substr(1));
      if (!exponent) {
        return refuse_quantity(fmt::format(
            "the exponent '{}' is not a whole number (write e.g. 1e3 or 5E-1)", suffix));
      }
      power_of_ten = *exponent;
    } else {
      return refuse_quantity(fmt::format(
          "the suffix '{}' is not one of Ki Mi Gi Ti Pi Ei, n u m k M G T P E, or an exponent "
          "e<n> (suffixes are case-sensitive)",
          suffix));
    }
  }

  // value = mantissa × 10^(power_of_ten − fraction_digits) × 2^power_of_two, in nano-units.
  int shift = power_of_ten - fraction_digits + 9;
  Nanos nanos = mantissa;
  for (int i = 0; i < power_of_two && nanos != 0; ++i) {
    nanos *= 2;
    if (nanos > kQuantityLimit) return refuse_quantity("it is out of range");
  }
  for (; shift > 0 && nanos != 0; --shift) {
    nanos *= 10;
    if (nanos > kQuantityLimit) return refuse_quantity("it is out of range");
  }
  if (shift < 0 && nanos != 0) {
    // Below one nano-unit: Kubernetes rounds up to the next nano-unit.
    bool remainder = false;
    for (; shift < 0 && nanos != 0; ++shift) {
      remainder = remainder || nanos % 10 != 0;
      nanos /= 10;
    }
    if (remainder || shift < 0) ++nanos;
  }
  return {Quantity::from_nanos(negative ? -nanos : nanos), {}};
}

}  // namespace aksc::rules
