#pragma once

#include <string>
#include <string_view>

// YAML text for the files `aksc build --target cli` writes.
namespace aksc::yaml {

/// A double-quoted YAML scalar that every YAML 1.1 and 1.2 parser reads back as exactly
/// `value`: `"` and `\` escaped, and every character YAML does not allow in a document
/// (control characters, DEL, C1 controls, U+FEFF, U+FFFE, U+FFFF) as a \u escape; what is
/// not well-formed UTF-8 becomes U+FFFD. Nothing can end the scalar or start a key.
std::string double_quoted(std::string_view value);

}  // namespace aksc::yaml
