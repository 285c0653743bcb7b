// SourceFile: lines, and 1-based positions whose columns count code points.
#include <catch2/catch.hpp>

#include <string>

#include "diag/source_file.h"

using aksc::SourceFile;
using aksc::SourcePosition;

namespace {

SourcePosition pos(int line, int column) {
  return {line, column};
}

}  // namespace

TEST_CASE("SourceFile keeps its path and text", "[source_file]") {
  SourceFile source("specs/a.yaml", "a: 1\n");
  CHECK(source.path() == "specs/a.yaml");
  CHECK(source.text() == "a: 1\n");
}

TEST_CASE("SourceFile counts lines, a final line break opening an empty last line",
          "[source_file]") {
  CHECK(SourceFile("f", "").line_count() == 1);
  CHECK(SourceFile("f", "a").line_count() == 1);
  CHECK(SourceFile("f", "a\n").line_count() == 2);
  CHECK(SourceFile("f", "a\nb\nc").line_count() == 3);
  CHECK(SourceFile("f", "\n\n").line_count() == 3);
}

TEST_CASE("SourceFile::line returns a line without its break, empty out of range",
          "[source_file]") {
  SourceFile source("f", "first: 1\nsecond: 2\n\nfourth");
  CHECK(source.line(1) == "first: 1");
  CHECK(source.line(2) == "second: 2");
  CHECK(source.line(3) == "");
  CHECK(source.line(4) == "fourth");
  CHECK(source.line(0) == "");
  CHECK(source.line(-1) == "");
  CHECK(source.line(5) == "");
}

TEST_CASE("SourceFile::line drops the CR of CRLF line breaks", "[source_file]") {
  SourceFile source("f", "a: 1\r\nb: 2\r\n\r\nlast\r");
  REQUIRE(source.line_count() == 4);
  CHECK(source.line(1) == "a: 1");
  CHECK(source.line(2) == "b: 2");
  CHECK(source.line(3) == "");
  CHECK(source.line(4) == "last");
}

TEST_CASE("SourceFile::line keeps a CR that is not before a line break", "[source_file]") {
  SourceFile source("f", "a\rb\nc");
  CHECK(source.line(1) == "a\rb");
  CHECK(source.line(2) == "c");
}

TEST_CASE("SourceFile::position_of gives 1-based lines and columns for ASCII", "[source_file]") {
  SourceFile source("f", "ab\ncd\n");
  CHECK(source.position_of(0) == pos(1, 1));
  CHECK(source.position_of(1) == pos(1, 2));
  CHECK(source.position_of(2) == pos(1, 3));  // the line break itself
  CHECK(source.position_of(3) == pos(2, 1));
  CHECK(source.position_of(4) == pos(2, 2));
  CHECK(source.position_of(5) == pos(2, 3));
  CHECK(source.position_of(6) == pos(3, 1));  // end of text: the empty last line
}

TEST_CASE("SourceFile::position_of clamps offsets past the end", "[source_file]") {
  SourceFile source("f", "ab\ncd");
  CHECK(source.position_of(5) == pos(2, 3));
  CHECK(source.position_of(1000) == pos(2, 3));
  CHECK(SourceFile("f", "").position_of(7) == pos(1, 1));
}

TEST_CASE("SourceFile::position_of counts code points, not bytes", "[source_file]") {
  // "é" is 2 bytes, "€" 3 bytes, "😀" 4 bytes.
  std::string text = "n\xC3\xA9: \xE2\x82\xAC\xF0\x9F\x98\x80x\n\xC3\xA9y";
  SourceFile source("f", text);
  CHECK(source.position_of(0) == pos(1, 1));   // n
  CHECK(source.position_of(1) == pos(1, 2));   // é
  CHECK(source.position_of(3) == pos(1, 3));   // :
  CHECK(source.position_of(4) == pos(1, 4));   // space
  CHECK(source.position_of(5) == pos(1, 5));   // €
  CHECK(source.position_of(8) == pos(1, 6));   // 😀
  CHECK(source.position_of(12) == pos(1, 7));  // x
  CHECK(source.position_of(13) == pos(1, 8));  // line break
  CHECK(source.position_of(14) == pos(2, 1));  // é
  CHECK(source.position_of(16) == pos(2, 2));  // y
}

TEST_CASE("SourceFile::position_of counts CR as a column of its line", "[source_file]") {
  SourceFile source("f", "ab\r\ncd\r\n");
  CHECK(source.position_of(2) == pos(1, 3));  // \r
  CHECK(source.position_of(3) == pos(1, 4));  // \n
  CHECK(source.position_of(4) == pos(2, 1));
  CHECK(source.position_of(5) == pos(2, 2));
  CHECK(source.position_of(8) == pos(3, 1));
}

TEST_CASE("SourceFile::position_of counts lines and code points at every code point",
          "[source_file]") {
  std::string text =
      "name: caf\xC3\xA9\r\n"
      "  - \xE2\x82\xAC\xF0\x9F\x98\x80: \"x\"\n"
      "\n"
      "last \xE4\xB8\xAD";
  SourceFile source("f", text);
  auto continuation = [&](std::size_t offset) {
    return (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80;
  };
  // Counted here byte by byte: a line per '\n' before, a column per code point after it.
  SourcePosition expected = pos(1, 1);
  int checked = 0;
  for (std::size_t offset = 0; offset <= text.size(); ++offset) {
    if (offset > 0 && text[offset - 1] == '\n') {
      expected = pos(expected.line + 1, 1);
    } else if (offset > 0 && !continuation(offset - 1)) {
      ++expected.column;
    }
    if (offset < text.size() && continuation(offset)) continue;
    INFO("offset " << offset);
    CHECK(source.position_of(offset) == expected);
    ++checked;
  }
  CHECK(checked == 32);
}

TEST_CASE("SourceFile::position_of with any line hint gives position_of's answer",
          "[source_file]") {
  // A BOM, CRLF, multi-byte characters and more lines than the hint steps over.
  std::string text =
      "\xEF\xBB\xBF"
      "a: 1\r\n";
  for (int i = 0; i < 30; ++i)
    text += "k" + std::to_string(i) + ": caf\xC3\xA9\n";
  text += "\nlast";
  SourceFile source("f", text);
  int hinted = 0;
  for (std::size_t offset = 0; offset <= text.size() + 2; ++offset) {
    SourcePosition expected = source.position_of(offset);
    for (int hint = -1; hint <= source.line_count() + 2; ++hint) {
      int line_hint = hint;
      INFO("offset " << offset << ", hint " << hint);
      REQUIRE(source.position_of(offset, line_hint) == expected);
      REQUIRE(line_hint == expected.line);
      ++hinted;
    }
  }
  CHECK(hinted > 10000);
  // The unhinted answers themselves, at a few places.
  CHECK(source.position_of(0) == pos(1, 1));
  CHECK(source.position_of(3) == pos(1, 1));
  CHECK(source.position_of(text.find("k29")) == pos(31, 1));
  CHECK(source.position_of(text.find("last") + 2) == pos(33, 3));
}

TEST_CASE("SourceFile leaves a UTF-8 byte order mark out of line 1", "[source_file]") {
  SourceFile source("f",
                    "\xEF\xBB\xBF"
                    "a: 1\nb: 2\n");
  CHECK(source.line(1) == "a: 1");
  CHECK(source.line(2) == "b: 2");
  CHECK(source.position_of(0) == pos(1, 1));
  CHECK(source.position_of(3) == pos(1, 1));  // "a"
  CHECK(source.position_of(6) == pos(1, 4));  // "1"
  CHECK(source.position_of(8) == pos(2, 1));
  // Text merely containing the bytes later on is unaffected.
  SourceFile later("f",
                   "a\xEF\xBB\xBF"
                   "b");
  CHECK(later.position_of(4) == pos(1, 3));
}

TEST_CASE("SourcePosition and SourceRange compare and know when they are known", "[source_file]") {
  CHECK_FALSE(SourcePosition{}.known());
  CHECK(pos(1, 1).known());
  CHECK(pos(1, 5) < pos(2, 1));
  CHECK(pos(2, 1) < pos(2, 3));
  aksc::SourceRange range{pos(3, 4), pos(3, 9)};
  CHECK(range.known());
  CHECK_FALSE(aksc::SourceRange{}.known());
  CHECK(range == aksc::SourceRange{pos(3, 4), pos(3, 9)});
  CHECK_FALSE(range == aksc::SourceRange{pos(3, 4), pos(3, 8)});
}

TEST_CASE("with_lines_only keeps the asked lines at their numbers and drops the rest",
          "[source_file]") {
  SourceFile whole("f", "\xEF\xBB\xBFone\r\ntwo\nthr\xC3\xA9\nfour\nfive");
  SourceFile some = whole.with_lines_only({5, 3, 1, 3, 9});
  CHECK(some.path() == "f");
  CHECK(some.line(1) == "one");
  CHECK(some.line(2).empty());
  CHECK(some.line(3) == "thr\xC3\xA9");
  CHECK(some.line(4).empty());
  CHECK(some.line(5) == "five");
  CHECK_FALSE(some.ascii());
  CHECK(some.holds_line(3));
  CHECK_FALSE(some.holds_line(2));
  CHECK_FALSE(some.holds_line(4));
  CHECK(whole.holds_line(2));
  CHECK(whole.with_lines_only({2}).ascii());
  CHECK(whole.with_lines_only({}).line(1).empty());
}
