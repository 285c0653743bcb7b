#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace aksc {

/// The first byte that keeps a file from being YAML text.
struct NonTextByte {
  std::size_t offset;
  std::string message;
};

/// Finds a NUL byte (a binary file) or an invalid UTF-8 sequence; nullopt for valid text.
std::optional<NonTextByte> find_non_text_byte(std::string_view text);

}  // namespace aksc
