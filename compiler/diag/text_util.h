#pragma once

#include <string>
#include <string_view>

namespace aksc {

/// ASCII case-insensitive equality, as Azure compares names, regions and enum spellings.
bool iequals(std::string_view a, std::string_view b);
/// ASCII case-insensitive ordering: `a` sorts before `b` once both are lower-cased.
bool iless(std::string_view a, std::string_view b);
/// ASCII lower-case copy.
std::string to_lower(std::string_view text);
/// Appends the ASCII lower case of `text` to `out`, without a copy in between.
void append_lower(std::string& out, std::string_view text);
/// Number of Unicode code points in UTF-8 text (bytes for invalid sequences).
std::size_t utf8_length(std::string_view text);
/// The first code point of UTF-8 text, as its bytes.
std::string_view first_character(std::string_view text);
/// The last code point of UTF-8 text, as its bytes.
std::string_view last_character(std::string_view text);
/// RFC 3986 percent-encoding: the unreserved characters (letters, digits, '-', '.', '_', '~')
/// and those of `keep` as they are, every other byte as %XX.
std::string percent_encode(std::string_view text, std::string_view keep = {});
/// Whether `c` is an ASCII digit, 0 to 9 (whatever the locale says).
bool is_ascii_digit(char c);
/// Whether `c` is an ASCII letter or digit.
bool is_ascii_letter_or_digit(char c);
/// `text` with leading and trailing blanks removed.
std::string_view trim(std::string_view text);
/// Decodes the UTF-8 code point at `at` and moves past it; what is not well-formed UTF-8
/// (overlong forms and surrogates included) yields U+FFFD and one byte.
char32_t next_code_point(std::string_view text, std::size_t& at);
/// Appends `code` to `out` as UTF-8.
void append_utf8(std::string& out, char32_t code);
/// Takes the first line off `text` and returns it, without its '\n'.
std::string_view take_line(std::string_view& text);

}  // namespace aksc
