#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/source_file.h"
#include "frontend/yaml_document.h"

// Where the parts of a YAML document are written, in bytes of its text: what aksc migrate needs
// to edit a spec in place (delete an entry, replace a value, add a block) while every other byte
// stays as it was.
namespace aksc::migrate {

/// The byte offset of a position of `source`: the inverse of SourceFile::position_of.
std::size_t offset_of(const SourceFile& source, SourcePosition position);

/// The line break the text uses: "\r\n" when its first line ends so, else "\n".
std::string_view line_break_of(std::string_view text);

/// The bytes that hold one mapping entry, its key and its value: whole lines for an entry of a
/// block mapping (with the comments indented below it), or the entry and one comma next to it
/// in a flow mapping (`{a: 1, b: 2}`).
struct EntrySpan {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool flow = false;
  int indent = 0;  ///< The key's column, 0-based (block entries).
};

/// The span of the entry at `pointer`, or nothing when the layout is not one this can cut out
/// cleanly (a block key that does not start its line, say).
std::optional<EntrySpan> entry_span(const SourceFile& source, const YamlDocument& document,
                                    std::string_view pointer);

/// True when the mapping at `pointer` is written in flow style (`{...}`).
bool is_flow_mapping(const SourceFile& source, const YamlDocument& document,
                     std::string_view pointer);

/// The text of the scalar at `pointer` as written, quotes included.
std::string_view scalar_text(const SourceFile& source, const YamlDocument& document,
                             std::string_view pointer);

/// How many columns a nested block mapping of the document is indented under its parent: the
/// first one found, else 2.
int indent_step(const SourceFile& source, const YamlDocument& document);

/// The comments of a text (frontend/yaml_comments), to find the one that ends a line.
class CommentIndex {
 public:
  explicit CommentIndex(std::string_view text);
  /// The comment after `offset` on the same line, from its '#' to the end of the line (without
  /// the line break), or empty.
  std::string_view trailing(std::size_t offset) const;
  /// The whole-line comments of the lines in [begin, end), each without its indentation.
  std::vector<std::string_view> own_line(std::size_t begin, std::size_t end) const;

 private:
  std::string_view text_;
  std::vector<std::size_t> offsets_;
};

}  // namespace aksc::migrate
