#include "backends/yaml/yaml_text.h"

#include <cstdint>

#include <fmt/format.h>

#include "diag/text_util.h"

namespace aksc::yaml {
namespace {

// What is written as it is: YAML's printable set (c-printable) without the C1 controls, NEL
// among them, which YAML 1.1 reads as a line break.
bool printable(char32_t c) {
  if (c < 0x20 || c == 0x7F) return false;
  if (c >= 0x80 && c <= 0x9F) return false;
  return c != 0xFEFF && c != 0xFFFE && c != 0xFFFF;
}

}  // namespace

std::string double_quoted(std::string_view value) {
  std::string out = "\"";
  for (std::size_t at = 0; at < value.size();) {
    char32_t c = next_code_point(value, at);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (printable(c)) {
      append_utf8(out, c);
    } else {
      out += fmt::format("\\u{:04X}", static_cast<std::uint32_t>(c));
    }
  }
  return out + "\"";
}

}  // namespace aksc::yaml
