#include "frontend/visible_text.h"

#include <algorithm>
#include <cstdint>
#include <vector>

#include <fmt/format.h>

#include "diag/text_util.h"

namespace aksc {
namespace {

struct CodePointRange {
  char32_t first;
  char32_t last;
};

// Unicode White_Space, general categories Cc, Cf, Zs, Zl and Zp, Default_Ignorable_Code_Point
// (DerivedCoreProperties.txt), and U+2800 BRAILLE PATTERN BLANK. Sorted, for binary search.
constexpr CodePointRange kInvisible[] = {
    {0x0000, 0x0020},   {0x007F, 0x00A0},   {0x00AD, 0x00AD},   {0x034F, 0x034F},
    {0x0600, 0x0605},   {0x061C, 0x061C},   {0x06DD, 0x06DD},   {0x070F, 0x070F},
    {0x0890, 0x0891},   {0x08E2, 0x08E2},   {0x115F, 0x1160},   {0x1680, 0x1680},
    {0x17B4, 0x17B5},   {0x180B, 0x180F},   {0x2000, 0x200F},   {0x2028, 0x202F},
    {0x205F, 0x206F},   {0x2800, 0x2800},   {0x3000, 0x3000},   {0x3164, 0x3164},
    {0xFE00, 0xFE0F},   {0xFEFF, 0xFEFF},   {0xFFA0, 0xFFA0},   {0xFFF0, 0xFFFB},
    {0x110BD, 0x110BD}, {0x110CD, 0x110CD}, {0x13430, 0x1343F}, {0x1BCA0, 0x1BCA3},
    {0x1D173, 0x1D17A}, {0xE0000, 0xE0FFF},
};

bool is_invisible(char32_t c) {
  auto after =
      std::upper_bound(std::begin(kInvisible), std::end(kInvisible), c,
                       [](char32_t value, const CodePointRange& r) { return value < r.first; });
  return after != std::begin(kInvisible) && c <= std::prev(after)->last;
}

}  // namespace

bool has_visible_character(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    if (!is_invisible(next_code_point(text, i))) return true;
  }
  return false;
}

std::string code_points(std::string_view text) {
  constexpr std::size_t kMaxListed = 8;  // enough to see what it is; a message, not a dump
  std::vector<char32_t> seen;
  std::string listed;
  for (std::size_t i = 0; i < text.size();) {
    char32_t c = next_code_point(text, i);
    if (std::find(seen.begin(), seen.end(), c) != seen.end()) continue;
    if (seen.size() == kMaxListed) return listed + ", ...";
    seen.push_back(c);
    if (!listed.empty()) listed += ", ";
    listed += fmt::format("U+{:04X}", static_cast<std::uint32_t>(c));
  }
  return listed;
}

}  // namespace aksc
