// has_visible_character and code_points: a suppression's reason must say something a reader
// can see.
#include <catch2/catch.hpp>

#include <string>

#include "frontend/visible_text.h"

using aksc::code_points;
using aksc::has_visible_character;

TEST_CASE("white space, control, format and default-ignorable characters do not show",
          "[visible_text]") {
  for (const char* text :
       {"",           " ",          "\t\r\n", "\u0085",   "\u00A0",      "\u1680", "\u2000",
        "\u200A",     "\u2028",     "\u2029", "\u202F",   "\u205F",      "\u3000", "\u200B",
        "\u200C",     "\u200D",     "\u200E", "\u200F",   "\u2060",      "\u2061", "\u2064",
        "\u2066",     "\u2069",     "\u202A", "\u202E",   "\uFEFF",      "\u00AD", "\u061C",
        "\u180E",     "\u034F",     "\u115F", "\u3164",   "\uFFA0",      "\uFE0F", "\U000E0001",
        "\U000E0041", "\U000E0100", "\u2800", "\x01\x7F", "\u0080\u009F"}) {
    INFO(code_points(text));
    CHECK_FALSE(has_visible_character(text));
  }
}

TEST_CASE("letters, digits, punctuation and symbols show", "[visible_text]") {
  for (const char* text : {"x", "0", ".", "-", "\u00E9", "\u4E2D", "\u2215", "\uFF41", "\U0001F600",
                           "\u0301", "\u200Bx\u200B", "  y  "}) {
    INFO(text);
    CHECK(has_visible_character(text));
  }
}

TEST_CASE("bytes that are not UTF-8 count as visible", "[visible_text]") {
  CHECK(has_visible_character("\xFF"));
  CHECK(has_visible_character("\xE2\x80"));  // a sequence cut short
}

TEST_CASE("code_points lists each code point once, in order, up to eight", "[visible_text]") {
  CHECK(code_points("\u200B\u00A0\u200B") == "U+200B, U+00A0");
  CHECK(code_points("a") == "U+0061");
  CHECK(code_points("\U000E0001") == "U+E0001");
  CHECK(code_points("abcdefghij") ==
        "U+0061, U+0062, U+0063, U+0064, U+0065, U+0066, U+0067, U+0068, ...");
}
