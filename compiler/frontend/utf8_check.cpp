#include "frontend/utf8_check.h"

#include <fmt/format.h>

namespace aksc {
namespace {

// Length of the UTF-8 sequence starting at `i`, or 0 when it is invalid (RFC 3629: no
// overlong forms, no surrogates, nothing above U+10FFFF).
std::size_t sequence_length(std::string_view text, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char lead = byte(i);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned char min_second = 0x80, max_second = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) min_second = 0xA0;
    if (lead == 0xED) max_second = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) min_second = 0x90;
    if (lead == 0xF4) max_second = 0x8F;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  if (byte(i + 1) < min_second || byte(i + 1) > max_second) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  }
  return length;
}

}  // namespace

std::optional<NonTextByte> find_non_text_byte(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '\0') {
      return NonTextByte{i, "the file contains a NUL byte: it is binary, not YAML text"};
    }
    std::size_t length = sequence_length(text, i);
    if (length == 0) {
      return NonTextByte{i,
                         fmt::format("invalid UTF-8 byte 0x{:02X}: YAML files must be UTF-8 text",
                                     static_cast<unsigned char>(text[i]))};
    }
    i += length;
  }
  return std::nullopt;
}

}  // namespace aksc
