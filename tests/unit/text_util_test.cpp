// Text helpers: the line splitting that the CSV tables, rule docs and the table generator share,
// and case folding.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "diag/text_util.h"

TEST_CASE("take_line takes lines off the front, the last one with or without a newline") {
  auto lines = [](std::string_view text) {
    std::vector<std::string_view> taken;
    while (!text.empty())
      taken.push_back(aksc::take_line(text));
    return taken;
  };
  CHECK(lines("a\nbc\n") == std::vector<std::string_view>{"a", "bc"});
  CHECK(lines("a\n\nb") == std::vector<std::string_view>{"a", "", "b"});
  CHECK(lines("a\r\n") == std::vector<std::string_view>{"a\r"});  // trim() drops the '\r'
  CHECK(lines("\n") == std::vector<std::string_view>{""});
  std::string_view rest = "one\ntwo";
  CHECK(aksc::take_line(rest) == "one");
  CHECK(rest == "two");
}

TEST_CASE("append_lower appends the ASCII lower case, leaving other bytes as they are") {
  std::string out = "Kept ";
  aksc::append_lower(out, "MixedCase-42 \xC3\x89t\xC3\xA9");
  CHECK(out == "Kept mixedcase-42 \xC3\x89t\xC3\xA9");
  aksc::append_lower(out, "");
  CHECK(out == "Kept mixedcase-42 \xC3\x89t\xC3\xA9");
  CHECK(aksc::to_lower("AbC") == "abc");
}

TEST_CASE("iless orders as comparing the ASCII lower cases would, byte by byte") {
  const std::vector<std::string> words = {"",
                                          "a",
                                          "A",
                                          "ab",
                                          "aB",
                                          "Standard_D2_v3",
                                          "standard_d2_v3",
                                          "Standard_D2s_v3",
                                          "Standard_D2",
                                          "STANDARD_E4",
                                          "standard_",
                                          "_x",
                                          "Z",
                                          "z",
                                          "[",
                                          "`",
                                          "\xC3\xA9",
                                          "\xC3\x89",
                                          "a\xFF",
                                          "a\x01",
                                          "a b",
                                          "a_b",
                                          "Standard_DS2_v2"};
  for (const std::string& a : words) {
    for (const std::string& b : words) {
      INFO(a << " vs " << b);
      CHECK(aksc::iless(a, b) == (aksc::to_lower(a) < aksc::to_lower(b)));
    }
  }
}
