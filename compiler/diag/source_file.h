#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "diag/source_range.h"

namespace aksc {

/// The bytes of one input file, with an index of its lines for positions and excerpts. A UTF-8
/// byte order mark at the start is no part of line 1: positions and lines begin after it.
class SourceFile {
 public:
  SourceFile(std::string path, std::string text);

  /// The path as shown to the user (relative to where aksc was started, when possible).
  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }
  /// Lines of the whole file (not meaningful for a copy of with_lines_only).
  int line_count() const { return static_cast<int>(line_starts_.size()); }
  /// No byte above 0x7F: a column is the byte offset in its line plus one.
  bool ascii() const { return ascii_; }

  /// A copy that holds only `lines` (1-based, any order), every other line empty: the line
  /// numbers stay, so an excerpt of a kept line reads as in the whole file, for a fraction of
  /// its memory.
  SourceFile with_lines_only(std::vector<int> lines) const;
  /// False for a copy of with_lines_only that dropped a line `line` had: read the file again.
  bool holds_line(int line) const;

  /// The text of 1-based line `line` without its line break; empty when out of range.
  std::string_view line(int line) const;
  /// The 1-based position of a byte offset; columns count code points, not bytes.
  SourcePosition position_of(std::size_t offset) const;
  /// position_of for offsets asked for mostly in text order, as a parser's marks come:
  /// `line_hint` (a 1-based line, 0 for none) is where the search starts, and is left at the
  /// line found. Any hint gives the same answer as position_of.
  SourcePosition position_of(std::size_t offset, int& line_hint) const;

 private:
  // The position of `offset`, which is on 1-based `line`.
  SourcePosition position_on_line(std::size_t offset, int line) const;

  std::string path_;
  std::string text_;
  std::vector<std::size_t> line_starts_;
  bool ascii_ = true;            ///< No byte above 0x7F: columns are byte offsets.
  bool partial_ = false;         ///< Made by with_lines_only: line_starts_ are the kept lines'.
  std::vector<int> kept_lines_;  ///< Ascending, when partial_.
};

}  // namespace aksc
