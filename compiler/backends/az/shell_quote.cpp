#include "backends/az/shell_quote.h"

namespace aksc::az {

std::string shell_quote(std::string_view value) {
  std::string word = "'";
  for (char c : value) {
    if (c == '\'') {
      word += "'\\''";
    } else {
      word += c;
    }
  }
  return word + "'";
}

std::string comment_text(std::string_view text) {
  std::string safe;
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    safe += (byte < 0x20 || byte == 0x7f) ? '?' : c;
  }
  return safe;
}

}  // namespace aksc::az
