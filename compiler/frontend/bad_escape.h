#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace aksc {

/// A `\u` or `\U` escape of a double-quoted YAML scalar that names no Unicode character, so
/// that no UTF-8 text can hold what it asks for: a UTF-16 surrogate (U+D800 to U+DFFF) alone or
/// as a pair of escapes, or a code point beyond U+10FFFF. yaml-cpp stops at it with "invalid
/// unicode: <decimal>" just after its digits; this says which escape it was and what to write.
struct BadEscape {
  std::size_t begin = 0;  ///< Offset of its '\'.
  std::size_t end = 0;    ///< Just after its last digit (after the second escape of a pair).
  std::string message;
  std::string help;
};

/// The bad escape whose digits end at `offset` in `text`, when there is one there.
std::optional<BadEscape> find_bad_escape(std::string_view text, std::size_t offset);

}  // namespace aksc
