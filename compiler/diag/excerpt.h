#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "diag/source_file.h"

namespace aksc {

/// What the text format shows of one source line under a finding: the line, or a window of it
/// around the column when it is long ("..." where it is cut), neutralized (tabs as spaces), and
/// where the caret and its tildes go in what is shown.
struct Excerpt {
  std::string text;
  int caret = 0;      ///< 0-based shown column of '^'.
  int underline = 1;  ///< Shown columns under '^' and its tildes, at least 1.
};

/// Lines longer than this many code points are shown as a window of this many.
inline constexpr int kExcerptWindow = 120;
/// Code points shown before the column in a window.
inline constexpr int kExcerptContextBefore = 40;

/// The excerpt of `line` for a range starting at the code point at byte `column_offset`
/// (`line.size()` when the column is past the end) and ending `span` code points later (0 or
/// less: one; more than the line has: to the end of what is shown). The work is bounded by the
/// window, not the line: only the code points near the column are read.
Excerpt make_excerpt(std::string_view line, std::size_t column_offset, int span);

/// Finds the byte offset of a 1-based code point column on a line of a file: directly in an
/// ASCII file; otherwise by walking on from the last answer when asked for a later column of
/// the same line, as sorted findings ask, so that many findings on one long line walk it once.
class ColumnCursor {
 public:
  struct Found {
    std::size_t offset = 0;  ///< In the line; the line's size when the column is past its end.
    int column = 1;          ///< The column, clamped to one past the line's last code point.
  };
  Found find(const SourceFile& file, int line, int column);

 private:
  const SourceFile* file_ = nullptr;
  int line_ = 0;
  Found last_;
};

}  // namespace aksc
