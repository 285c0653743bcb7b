#pragma once

#include <string>
#include <string_view>

namespace aksc::arm {

/// A literal string value for an ARM template: a value that starts with `[` and ends with `]`
/// would be evaluated as an expression, so it is written as `[[…]`, which ARM reads back as the
/// literal. Other values are written as they are (ARM only unescapes `[[` when the value also
/// ends with `]`; "template-expressions", section "Escape characters").
std::string literal(std::string_view value);

/// A string literal inside an ARM expression: single-quoted, with `'` doubled.
std::string quote_in_expression(std::string_view value);

}  // namespace aksc::arm
