#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace aksc::migrate {

/// Replaces the bytes [begin, end) of a text with `text` (an insertion when begin == end).
struct TextEdit {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string text;
};

/// `text` with every edit applied; the bytes no edit covers are copied as they are. Edits may
/// come in any order but must not overlap (two insertions at one offset keep their order);
/// throws std::logic_error when they do, which is a bug of the caller, never of the input.
std::string apply_edits(std::string_view text, std::vector<TextEdit> edits);

}  // namespace aksc::migrate
