// The text format's excerpt: the line (or a window of a long one) as shown, with the caret and
// its tildes in shown columns, escapes and all.
#include <catch2/catch.hpp>

#include <climits>
#include <string>

#include "diag/excerpt.h"

using aksc::ColumnCursor;
using aksc::Excerpt;
using aksc::make_excerpt;

namespace {

// The caret line the text format prints under the excerpt.
std::string caret_line(const Excerpt& excerpt) {
  return std::string(excerpt.caret, ' ') + "^" + std::string(excerpt.underline - 1, '~');
}

}  // namespace

TEST_CASE("excerpt: a short line is shown whole, the range underlined") {
  Excerpt excerpt = make_excerpt("name: 9-long", 6, 6);
  CHECK(excerpt.text == "name: 9-long");
  CHECK(caret_line(excerpt) == "      ^~~~~~");
  Excerpt to_end = make_excerpt("name: x\tz", 6, INT_MAX);
  CHECK(to_end.text == "name: x z");  // a tab is one column
  CHECK(caret_line(to_end) == "      ^~~");
  Excerpt past_end = make_excerpt("ab", 2, 5);
  CHECK(caret_line(past_end) == "  ^");
}

TEST_CASE("excerpt: escapes widen the line and the caret stays under its character") {
  // "a: \x1b[2J\xE2\x80\xAEx": the ESC and the RLO are shown as 4 and 6 columns.
  std::string line = "a: \x1b[2J\xE2\x80\xAEx";
  Excerpt excerpt = make_excerpt(line, line.find('x'), 1);
  CHECK(excerpt.text == "a: \\x1b[2J\\u202ex");
  CHECK(excerpt.caret == static_cast<int>(excerpt.text.rfind('x')));
  CHECK(excerpt.underline == 1);
  Excerpt over_escape = make_excerpt(line, 3, 2);  // ESC and '['
  CHECK(caret_line(over_escape) == "   ^~~~~");
  Excerpt non_ascii = make_excerpt("w\xC5\xA1: \xC3\xBC\x07", 5, 2);
  CHECK(non_ascii.text == "w\xC5\xA1: \xC3\xBC\\x07");
  CHECK(caret_line(non_ascii) == "    ^~~~~");
}

TEST_CASE("excerpt: a long line shows a window around the column, cut with ...") {
  std::string line;
  for (int i = 0; i < 1000; ++i)
    line += static_cast<char>('a' + i % 26);
  Excerpt middle = make_excerpt(line, 500, 3);
  CHECK(middle.text == "..." + line.substr(460, 120) + "...");
  CHECK(middle.caret == 3 + 40);
  CHECK(middle.underline == 3);
  Excerpt start = make_excerpt(line, 10, INT_MAX);
  CHECK(start.text == line.substr(0, 120) + "...");
  CHECK(start.caret == 10);
  CHECK(start.underline == 110);  // to the window's end, not the line's
  Excerpt end = make_excerpt(line, 1000, 1);
  CHECK(end.text == "..." + line.substr(960));
  CHECK(end.caret == 3 + 40);
  CHECK(make_excerpt(line.substr(0, 120), 100, 1).text == line.substr(0, 120));
  CHECK(make_excerpt(line.substr(0, 121), 100, 1).text == "..." + line.substr(60, 61));
}

TEST_CASE("excerpt: the window counts code points, so multi-byte characters are never cut") {
  std::string line;
  for (int i = 0; i < 300; ++i)
    line += "\xC3\xA9";  // é
  Excerpt excerpt = make_excerpt(line, 2 * 150, 1);
  std::string window;
  for (int i = 0; i < 120; ++i)
    window += "\xC3\xA9";
  CHECK(excerpt.text == "..." + window + "...");
  CHECK(excerpt.caret == 43);
}

TEST_CASE("column cursor: finds byte offsets of code point columns, forwards and back") {
  aksc::SourceFile ascii("a.yaml", "key: value\nsecond: line\n");
  ColumnCursor cursor;
  CHECK(cursor.find(ascii, 2, 9).offset == 8);
  CHECK(cursor.find(ascii, 1, 99).offset == 10);
  CHECK(cursor.find(ascii, 1, 99).column == 11);
  aksc::SourceFile wide("b.yaml", "\xC3\xA9\xC3\xA9: \xC3\xA9x\nnext\n");
  CHECK(cursor.find(wide, 1, 3).offset == 4);
  CHECK(cursor.find(wide, 1, 6).offset == 8);  // walks on from column 3
  CHECK(cursor.find(wide, 1, 2).offset == 2);  // an earlier column: from the line's start
  CHECK(cursor.find(wide, 1, 50).column == 7);
  CHECK(cursor.find(wide, 2, 2).offset == 1);
}
