#pragma once

#include <string_view>

namespace aksc {

/// Matches a '/'-separated relative path against a glob: `*` and `?` stay within one path
/// segment, `**` spans segments (`legacy/**/*.yaml`), `[abc]` is a character class.
bool glob_match(std::string_view pattern, std::string_view path);

}  // namespace aksc
