#include "driver/output_folder.h"

namespace aksc {

std::optional<std::string> folder_name_problem(std::string_view name) {
  constexpr std::size_t kMaxBytes = 255;  // NAME_MAX of common Linux file systems
  if (name.empty()) return "it is empty";
  if (name.front() == '.') return "it starts with '.'";
  if (name.size() > kMaxBytes) return "it is longer than 255 bytes";
  for (char c : name) {
    auto byte = static_cast<unsigned char>(c);
    if (c == '/' || c == '\\') return "it contains a path separator";
    if (byte < 0x20 || byte == 0x7f) return "it contains a control character";
  }
  return std::nullopt;
}

}  // namespace aksc
