// The text layer of aksc migrate: edits applied to a text keep every other byte, and the spans
// of mapping entries (block lines with their deeper comments, flow entries with one comma) are
// found as the rewrite needs them.
#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>

#include "diag/finding_sink.h"
#include "frontend/load.h"
#include "migrate/text_edits.h"
#include "migrate/yaml_layout.h"

namespace {

using aksc::migrate::apply_edits;
using aksc::migrate::entry_span;
using aksc::migrate::TextEdit;

// The text of `source` without the entry at `pointer`.
std::string without(const std::string& text, const std::string& pointer) {
  aksc::SourceFile source("spec.yaml", text);
  aksc::FindingSink sink;
  std::vector<aksc::YamlDocument> documents = aksc::load_yaml(source, sink);
  REQUIRE(sink.findings().empty());
  REQUIRE(documents.size() == 1);
  auto span = entry_span(source, documents.front(), pointer);
  REQUIRE(span);
  return apply_edits(text, {{span->begin, span->end, ""}});
}

}  // namespace

TEST_CASE("apply_edits keeps the bytes between edits, in any order given") {
  CHECK(apply_edits("abcdef", {{4, 5, "E"}, {0, 1, "A"}, {2, 2, "+"}}) == "Ab+cdEf");
  CHECK(apply_edits("abc", {}) == "abc");
  CHECK(apply_edits("a\r\nb", {{1, 1, "x"}}) == "ax\r\nb");
  CHECK_THROWS_AS(apply_edits("abcdef", {{0, 3, ""}, {2, 4, ""}}), std::logic_error);
  CHECK_THROWS_AS(apply_edits("abc", {{2, 9, ""}}), std::logic_error);
}

TEST_CASE("entry_span: a block entry takes its lines and the comments indented below it") {
  std::string text =
      "a: 1   # one\n"
      "b:\n"
      "  # about c\n"
      "  c: 2\n"
      "  d: [x,\n"
      "    y]\n"
      "  # the end of b\n"
      "\n"
      "# about e\n"
      "e: 3\n";
  CHECK(without(text, "/b") == "a: 1   # one\n\n# about e\ne: 3\n");
  CHECK(without(text, "/b/c") ==
        "a: 1   # one\nb:\n  # about c\n  d: [x,\n    y]\n  # the end of b\n\n# about e\ne: 3\n");
  CHECK(without(text, "/e") ==
        "a: 1   # one\nb:\n  # about c\n  c: 2\n  d: [x,\n    y]\n"
        "  # the end of b\n\n# about e\n");
  // A list at the key's own column is the key's value.
  CHECK(without("a:\n- 1\n- 2\nb: 3\n", "/a") == "b: 3\n");
}

TEST_CASE("entry_span: a flow entry takes one comma next to it") {
  CHECK(without("lb: {sku: basic, type: internal, subnet: s}\n", "/lb/type") ==
        "lb: {sku: basic, subnet: s}\n");
  CHECK(without("lb: {sku: basic, type: internal}\n", "/lb/type") == "lb: {sku: basic}\n");
  CHECK(without("lb: {type: internal, sku: basic}\n", "/lb/type") == "lb: {sku: basic}\n");
  CHECK(without("x: {a: {b: 1, c: [1, 2]}, d: 2}\n", "/x/a") == "x: {d: 2}\n");
  CHECK(without("x: {a: \"q, }\", d: 2}\n", "/x/a") == "x: {d: 2}\n");
}

TEST_CASE("entry_span: CRLF lines and UTF-8 columns") {
  CHECK(without("a: 1\r\nb: 2\r\nc: 3\r\n", "/b") == "a: 1\r\nc: 3\r\n");
  CHECK(without("é: {ü: 1, ✓: 2}\n", "/é/ü") == "é: {✓: 2}\n");
  aksc::SourceFile source("s.yaml", "name: \"Grüße ✓\" # ü\n");
  aksc::FindingSink sink;
  auto documents = aksc::load_yaml(source, sink);
  REQUIRE(documents.size() == 1);
  CHECK(aksc::migrate::scalar_text(source, documents.front(), "/name") == "\"Grüße ✓\"");
  aksc::migrate::CommentIndex comments(source.text());
  CHECK(comments.trailing(0) == "# ü");
  CHECK(aksc::migrate::line_break_of("a\r\nb\n") == "\r\n");
  CHECK(aksc::migrate::line_break_of("a\nb\r\n") == "\n");
}

TEST_CASE("entry_span: a key that does not start its line is not cut") {
  aksc::SourceFile source("s.yaml", "- a: 1\n  b: 2\n");
  aksc::FindingSink sink;
  auto documents = aksc::load_yaml(source, sink);
  REQUIRE(documents.size() == 1);
  CHECK(!entry_span(source, documents.front(), "/0/a"));
  CHECK(entry_span(source, documents.front(), "/0/b"));
}
