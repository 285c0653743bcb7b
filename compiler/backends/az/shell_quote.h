#pragma once

#include <string>
#include <string_view>

namespace aksc::az {

/// One shell word that bash reads back as exactly `value`: single-quoted, with each `'`
/// written as `'\''`. Nothing inside single quotes is expanded, so no value can run as shell.
std::string shell_quote(std::string_view value);

/// Text safe inside a `#` comment: control characters (a newline would end the comment and
/// start a command) become `?`.
std::string comment_text(std::string_view text);

}  // namespace aksc::az
