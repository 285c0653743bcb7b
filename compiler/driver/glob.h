#pragma once

#include <cstddef>
#include <string_view>

namespace aksc {

/// Matches a '/'-separated relative path against a glob: `*` and `?` stay within one path
/// segment, `**` spans segments (`legacy/**/*.yaml`), `[abc]` is a character class.
bool glob_match(std::string_view pattern, std::string_view path);

/// glob_match's answer and the work it took: table cells filled plus class characters read.
/// The work is bounded by 2 × (|pattern| + 1) × (|path| + 1) whatever the input, so a glob
/// in aksc.yaml cannot make a run slow.
struct GlobOutcome {
  bool matched = false;
  std::size_t steps = 0;
};
GlobOutcome glob_match_traced(std::string_view pattern, std::string_view path);

}  // namespace aksc
