#include "frontend/bad_escape.h"

#include <cstdint>

#include <fmt/format.h>

namespace aksc {
namespace {

constexpr char32_t kLastCodePoint = 0x10FFFF;

bool is_high_surrogate(std::uint64_t v) {
  return v >= 0xD800 && v <= 0xDBFF;
}
bool is_low_surrogate(std::uint64_t v) {
  return v >= 0xDC00 && v <= 0xDFFF;
}

// The value of `\u` (4 digits) or `\U` (8 digits) written at `at`, if one is.
std::optional<std::uint64_t> escape_at(std::string_view text, std::size_t at, char letter) {
  std::size_t digits = letter == 'u' ? 4 : 8;
  if (at + 2 + digits > text.size() || text[at] != '\\' || text[at + 1] != letter) {
    return std::nullopt;
  }
  std::uint64_t value = 0;
  for (char c : text.substr(at + 2, digits)) {
    int digit = c >= '0' && c <= '9'   ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                       : -1;
    if (digit < 0) return std::nullopt;
    value = value * 16 + static_cast<std::uint64_t>(digit);
  }
  return value;
}

}  // namespace

std::optional<BadEscape> find_bad_escape(std::string_view text, std::size_t offset) {
  for (char letter : {'u', 'U'}) {
    std::size_t length = letter == 'u' ? 6 : 10;
    if (offset < length) continue;
    std::size_t begin = offset - length;
    std::optional<std::uint64_t> value = escape_at(text, begin, letter);
    if (!value) continue;
    std::string written(text.substr(begin, length));
    if (*value > kLastCodePoint) {
      return BadEscape{begin, offset,
                       fmt::format("'{}' asks for U+{:X}, beyond U+10FFFF, the last Unicode code "
                                   "point: no UTF-8 text can hold it",
                                   written, *value),
                       "write a code point up to \\U0010FFFF, or the character itself"};
    }
    if (is_high_surrogate(*value)) {
      std::optional<std::uint64_t> low = escape_at(text, offset, 'u');
      if (low && is_low_surrogate(*low)) {
        char32_t character =
            static_cast<char32_t>(0x10000 + ((*value - 0xD800) << 10) + (*low - 0xDC00));
        return BadEscape{
            begin, offset + 6,
            fmt::format("'{}{}' is a UTF-16 surrogate pair written as two escapes; YAML reads "
                        "each escape as a character of its own, and a surrogate is none",
                        written, text.substr(offset, 6)),
            fmt::format("write the character itself, or one escape of its code point: \\U{:08X}",
                        static_cast<std::uint32_t>(character))};
      }
    }
    if (is_high_surrogate(*value) || is_low_surrogate(*value)) {
      return BadEscape{begin, offset,
                       fmt::format("'{}' is U+{:04X}, half of a UTF-16 surrogate pair and no "
                                   "character: no UTF-8 text can hold it",
                                   written, *value),
                       "remove it, or write the character meant, or its code point as "
                       "\\UXXXXXXXX"};
    }
  }
  return std::nullopt;
}

}  // namespace aksc
