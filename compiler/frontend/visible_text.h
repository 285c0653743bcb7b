#pragma once

#include <string>
#include <string_view>

namespace aksc {

/// Whether UTF-8 `text` holds a character that shows. White space (Unicode White_Space: the
/// no-break and ideographic spaces too), control characters (Cc), format characters (Cf: zero
/// width space and joiners, bidirectional controls, the byte order mark, the soft hyphen...),
/// the other default-ignorable code points (variation selectors, Hangul fillers) and the blank
/// Braille pattern all render as nothing, so text of only these says nothing to a reader. A byte
/// that is not UTF-8 counts as visible: it shows as a replacement mark.
bool has_visible_character(std::string_view text);

/// The code points of UTF-8 `text`, each once, in order, as "U+200B, U+00A0" (the first eight,
/// then "..."): what a message can show of text that does not show itself.
std::string code_points(std::string_view text);

}  // namespace aksc
