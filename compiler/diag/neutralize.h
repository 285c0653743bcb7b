#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace aksc {

struct Location;

/// Text from the input (spec values, file names, comments) as aksc shows it in every output
/// format, so that it cannot start a line, move the cursor, retitle a terminal or reorder what
/// follows it: line breaks become `\n` and `\r`; other C0 controls but tab, DEL and bytes that
/// are not UTF-8 become `\xNN`; C1 controls, bidi embeddings, overrides, isolates and marks
/// (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069) and the line and paragraph
/// separators U+2028 and U+2029 become `\uNNNN`; and the `[` of a CI logging command (`##[`,
/// `##vso[`), which the GitHub runner and the Azure Pipelines agent find anywhere in a line,
/// becomes `\x5b`. Everything else is kept as it is.
std::string neutralize(std::string_view text);
/// Text of several lines (a policy as written) neutralized line by line: its line breaks kept.
std::string neutralize_lines(std::string_view text);
/// Appends neutralize(text) to `out`; a command prefix is found across the two.
void append_neutralized(std::string& out, std::string_view text);
/// Appends the shown form of the code point (or invalid byte) at `text[at]` to `out` and
/// returns the index after it.
std::size_t append_neutralized_char(std::string& out, std::string_view text, std::size_t at);
/// Whether neutralize(text) == text; a quick scan for the bytes that can start a change.
bool is_neutral(std::string_view text);

/// A file name as aksc shows it: neutralized, and "./" in front of a relative name that does
/// not start with an ASCII letter, digit, '.', '_', '-' or '/', so that no file name can
/// start a line with a workflow command (`::error`, after blanks of any kind).
std::string neutral_path(std::string_view path);
/// "file:line:col" (or the file alone when the place is unknown), the file as neutral_path
/// shows it: the position line of the JUnit and GitHub renderers.
std::string neutral_position(const Location& location);

}  // namespace aksc
