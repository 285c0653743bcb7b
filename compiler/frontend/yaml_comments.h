#pragma once

#include <cstddef>
#include <functional>
#include <string_view>

#include "frontend/load.h"

namespace aksc {

/// A comment of a YAML text: text that the parser skips, so no value holds it.
struct YamlComment {
  std::size_t offset = 0;  ///< Byte offset of its '#' in the text.
  /// The '#' starts a line or follows a blank, as the YAML specification requires of a comment;
  /// yaml-cpp also skips a '#' right after a token (`"a"#b`, `[a,#b]`), which is not one.
  bool separated = false;
};

/// Calls `visit` with each comment of `text` as yaml-cpp's scanner finds them, in order: what it
/// skips between tokens and after a block scalar's header, never a '#' inside a quoted, plain or
/// block scalar. yaml-cpp does not report comments, so this follows its scanner's rules
/// (indentation of plain and block scalars, flow collections, escapes, document markers)
/// without building tokens. The search stops where the parse stops, since nothing after that is
/// read: where yaml-cpp's scanner fails, and past `max_depth` nested collections, which
/// load_yaml refuses. Linear in the size of the text; its memory grows with `max_depth` only.
void visit_yaml_comments(std::string_view text,
                         const std::function<void(const YamlComment&)>& visit,
                         std::size_t max_depth = LoadLimits{}.max_depth);

}  // namespace aksc
