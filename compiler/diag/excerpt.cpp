#include "diag/excerpt.h"

#include <algorithm>

#include "diag/neutralize.h"
#include "diag/text_util.h"

namespace aksc {
namespace {

bool is_continuation_byte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// The index of the code point after the one at `at`.
std::size_t next(std::string_view text, std::size_t at) {
  ++at;
  while (at < text.size() && is_continuation_byte(text[at]))
    ++at;
  return at;
}

// The index of the code point before the one at `at` (> 0).
std::size_t previous(std::string_view text, std::size_t at) {
  --at;
  while (at > 0 && is_continuation_byte(text[at]))
    --at;
  return at;
}

// Whether `text` has more than `count` code points; reads no more than `count` + 1 of them.
bool longer_than(std::string_view text, int count) {
  std::size_t at = 0;
  for (int seen = 0; at < text.size(); ++seen) {
    if (seen == count) return true;
    at = next(text, at);
  }
  return false;
}

}  // namespace

Excerpt make_excerpt(std::string_view line, std::size_t column_offset, int span) {
  column_offset = std::min(column_offset, line.size());
  std::size_t begin = 0;
  std::size_t end = line.size();
  if (longer_than(line, kExcerptWindow)) {
    begin = column_offset;
    for (int i = 0; i < kExcerptContextBefore && begin > 0; ++i)
      begin = previous(line, begin);
    end = begin;
    for (int i = 0; i < kExcerptWindow && end < line.size(); ++i)
      end = next(line, end);
  }
  Excerpt excerpt;
  if (begin > 0) excerpt.text = "...";
  int shown = static_cast<int>(excerpt.text.size());
  int wanted = std::max(1, span);
  int covered = 0;
  int underline = 0;
  bool at_caret = false;
  for (std::size_t at = begin; at < end;) {
    if (!at_caret && at >= column_offset) {
      at_caret = true;
      excerpt.caret = shown;
    }
    std::size_t before = excerpt.text.size();
    if (line[at] == '\t') {  // one column, as the caret line counts it
      excerpt.text += ' ';
      ++at;
    } else {
      at = append_neutralized_char(excerpt.text, line, at);
    }
    // An escape ("\x1b") is as wide as its characters; any other code point one column.
    int width = static_cast<int>(utf8_length(std::string_view(excerpt.text).substr(before)));
    if (at_caret && covered < wanted) {
      underline += width;
      ++covered;
    }
    shown += width;
  }
  if (!at_caret) excerpt.caret = shown;
  excerpt.underline = std::max(1, underline);
  if (end < line.size()) excerpt.text += "...";
  return excerpt;
}

ColumnCursor::Found ColumnCursor::find(const SourceFile& file, int line_number, int column) {
  std::string_view line = file.line(line_number);
  column = std::max(column, 1);
  if (file.ascii()) {
    std::size_t offset = std::min(static_cast<std::size_t>(column - 1), line.size());
    return {offset, static_cast<int>(offset) + 1};
  }
  Found found;
  if (&file == file_ && line_number == line_ && last_.column <= column) found = last_;
  while (found.column < column && found.offset < line.size()) {
    found.offset = next(line, found.offset);
    ++found.column;
  }
  file_ = &file;
  line_ = line_number;
  last_ = found;
  return found;
}

}  // namespace aksc
