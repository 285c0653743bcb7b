// load_yaml: YAML text → JSON documents with the 1-based line:col of every key and value, and
// AKS001/AKS003 findings for what aksc refuses.
#include <catch2/catch.hpp>

#include <chrono>
#include <sstream>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "diag/finding_sink.h"
#include "diag/source_file.h"
#include "frontend/load.h"
#include "frontend/yaml_document.h"

using aksc::Finding;
using aksc::FindingSink;
using aksc::LoadLimits;
using aksc::SourceFile;
using aksc::SourcePosition;
using aksc::SourceRange;
using aksc::YamlDocument;
using nlohmann::json;

namespace {

struct Loaded {
  std::vector<YamlDocument> documents;
  std::vector<Finding> findings;
};

Loaded load(const std::string& text, const LoadLimits& limits = {}) {
  SourceFile source("t.yaml", text);
  FindingSink sink;
  Loaded loaded;
  loaded.documents = aksc::load_yaml(source, sink, limits);
  loaded.findings = sink.take();
  return loaded;
}

SourceRange range(int line, int column, int end_line, int end_column) {
  return {{line, column}, {end_line, end_column}};
}

SourceRange range(int line, int column, int end_column) {
  return range(line, column, line, end_column);
}

std::string show(const SourceRange& r) {
  std::ostringstream out;
  out << r.begin.line << ":" << r.begin.column << "-" << r.end.line << ":" << r.end.column;
  return out.str();
}

// yaml-cpp's own 1-based position of the first syntax error in `text`.
SourcePosition parser_error_position(const std::string& text) {
  try {
    YAML::LoadAll(text);
  } catch (const YAML::Exception& error) {
    return {error.mark.line + 1, error.mark.column + 1};
  }
  return {};
}

}  // namespace

TEST_CASE("load_yaml types scalars and builds exact JSON", "[load]") {
  Loaded loaded = load(
      "name: prod-aks\n"
      "count: 3\n"
      "version: 1.20\n"
      "quoted: \"3\"\n"
      "single: 'it''s'\n"
      "flag: true\n"
      "yes_word: yes\n"
      "empty:\n"
      "tilde: ~\n"
      "list: [a, 1, \"b\"]\n"
      "nested:\n"
      "  inner: {k: v, n: null}\n"
      "  items:\n"
      "    - x\n"
      "    - y: z\n"
      "literal: |\n"
      "  line one\n"
      "  line two\n"
      "folded: >-\n"
      "  a\n"
      "  b\n");
  REQUIRE(loaded.findings.empty());
  REQUIRE(loaded.documents.size() == 1);
  CHECK(loaded.documents[0].root.dump() ==
        "{\"count\":3,\"empty\":null,\"flag\":true,\"folded\":\"a b\",\"list\":[\"a\",1,\"b\"],"
        "\"literal\":\"line one\\nline two\\n\",\"name\":\"prod-aks\",\"nested\":{\"inner\":"
        "{\"k\":\"v\",\"n\":null},\"items\":[\"x\",{\"y\":\"z\"}]},\"quoted\":\"3\",\"single\":"
        "\"it's\",\"tilde\":null,\"version\":1.2,\"yes_word\":\"yes\"}");
}

TEST_CASE("load_yaml locates keys and values of nested block mappings", "[load]") {
  Loaded loaded = load(
      "apiVersion: aksc/v1\n"
      "workspace:\n"
      "  name: ml-ws\n"
      "  location: eastus\n"
      "network:\n"
      "    service_cidr: 10.0.0.0/16\n");
  REQUIRE(loaded.findings.empty());
  REQUIRE(loaded.documents.size() == 1);
  const YamlDocument& doc = loaded.documents[0];
  CHECK(show(doc.locate_key("/apiVersion")) == show(range(1, 1, 11)));
  CHECK(show(doc.locate("/apiVersion")) == show(range(1, 13, 20)));
  CHECK(show(doc.locate_key("/workspace")) == show(range(2, 1, 10)));
  CHECK(show(doc.locate("/workspace")) == show(range(3, 3, 4)));  // where the mapping starts
  CHECK(show(doc.locate_key("/workspace/name")) == show(range(3, 3, 7)));
  CHECK(show(doc.locate("/workspace/name")) == show(range(3, 9, 14)));
  CHECK(show(doc.locate_key("/workspace/location")) == show(range(4, 3, 11)));
  CHECK(show(doc.locate("/workspace/location")) == show(range(4, 13, 19)));
  CHECK(show(doc.locate_key("/network/service_cidr")) == show(range(6, 5, 17)));
  CHECK(show(doc.locate("/network/service_cidr")) == show(range(6, 19, 30)));
}

TEST_CASE("load_yaml locates sequence items, block and flow", "[load]") {
  Loaded loaded = load(
      "ranges:\n"
      "  - 20.42.0.0/24\n"
      "  - 203.0.113.0/24\n"
      "flow: [a, bb, {c: d}]\n"
      "pools:\n"
      "  - name: agentpool\n"
      "    count: 3\n");
  REQUIRE(loaded.findings.empty());
  const YamlDocument& doc = loaded.documents.at(0);
  CHECK(show(doc.locate("/ranges/0")) == show(range(2, 5, 17)));
  CHECK(show(doc.locate("/ranges/1")) == show(range(3, 5, 19)));
  // Items have no key: locate_key falls back to the value.
  CHECK(show(doc.locate_key("/ranges/1")) == show(range(3, 5, 19)));
  CHECK(show(doc.locate("/flow")) == show(range(4, 7, 8)));  // the '['
  CHECK(show(doc.locate("/flow/0")) == show(range(4, 8, 9)));
  CHECK(show(doc.locate("/flow/1")) == show(range(4, 11, 13)));
  CHECK(show(doc.locate("/flow/2")) == show(range(4, 15, 16)));  // the '{'
  CHECK(show(doc.locate_key("/flow/2/c")) == show(range(4, 16, 17)));
  CHECK(show(doc.locate("/flow/2/c")) == show(range(4, 19, 20)));
  CHECK(show(doc.locate_key("/pools/0/name")) == show(range(6, 5, 9)));
  CHECK(show(doc.locate("/pools/0/name")) == show(range(6, 11, 20)));
  CHECK(show(doc.locate_key("/pools/0/count")) == show(range(7, 5, 10)));
  CHECK(show(doc.locate("/pools/0/count")) == show(range(7, 12, 13)));
}

TEST_CASE("load_yaml ranges of quoted scalars cover the quotes", "[load]") {
  Loaded loaded = load(
      "a: \"3\"\n"
      "b: 'x''y'\n"
      "c: \"say \\\"hi\\\"\"  # comment\n"
      "\"quoted key\": v\n"
      "d: plain text  # comment\n");
  REQUIRE(loaded.findings.empty());
  const YamlDocument& doc = loaded.documents.at(0);
  CHECK(doc.root["c"] == "say \"hi\"");
  CHECK(show(doc.locate("/a")) == show(range(1, 4, 7)));
  CHECK(show(doc.locate("/b")) == show(range(2, 4, 10)));
  CHECK(show(doc.locate("/c")) == show(range(3, 4, 16)));
  CHECK(show(doc.locate_key("/quoted key")) == show(range(4, 1, 13)));
  CHECK(show(doc.locate("/quoted key")) == show(range(4, 15, 16)));
  CHECK(show(doc.locate("/d")) == show(range(5, 4, 14)));
}

TEST_CASE("load_yaml columns count code points before the value", "[load]") {
  Loaded loaded = load(
      "description: \"caf\xC3\xA9 \xE2\x82\xAC\"\n"
      "tags: {\xC3\xA9quipe: vision, \xF0\x9F\x98\x80: \"x\"}\n"
      "\xE5\x90\x8D\xE5\x89\x8D: prod\n");
  REQUIRE(loaded.findings.empty());
  const YamlDocument& doc = loaded.documents.at(0);
  CHECK(show(doc.locate("/description")) == show(range(1, 14, 22)));
  CHECK(show(doc.locate_key("/tags/\xC3\xA9quipe")) == show(range(2, 8, 14)));
  CHECK(show(doc.locate("/tags/\xC3\xA9quipe")) == show(range(2, 16, 22)));
  CHECK(show(doc.locate_key("/tags/\xF0\x9F\x98\x80")) == show(range(2, 24, 25)));
  CHECK(show(doc.locate("/tags/\xF0\x9F\x98\x80")) == show(range(2, 27, 30)));
  CHECK(show(doc.locate_key("/\xE5\x90\x8D\xE5\x89\x8D")) == show(range(3, 1, 3)));
  CHECK(show(doc.locate("/\xE5\x90\x8D\xE5\x89\x8D")) == show(range(3, 5, 9)));
}

TEST_CASE("load_yaml ranges skip a value's anchor and tag", "[load]") {
  Loaded loaded = load(
      "a: &x hello\n"
      "b: !!str 3\n"
      "&k c: 1\n"
      "d: !!str\n");
  REQUIRE(loaded.findings.empty());
  const YamlDocument& doc = loaded.documents.at(0);
  CHECK(show(doc.locate("/a")) == show(range(1, 7, 12)));
  CHECK(show(doc.locate("/b")) == show(range(2, 10, 11)));
  CHECK(show(doc.locate_key("/c")) == show(range(3, 4, 5)));
  CHECK(show(doc.locate("/d")) == show(range(4, 4, 5)));  // empty: the tag itself
  CHECK(doc.root["d"] == "");
}

TEST_CASE("YamlDocument::locate of a null value, a missing pointer and the root", "[load]") {
  Loaded loaded = load(
      "name:\n"
      "tilde: ~\n"
      "workspace:\n"
      "  location: eastus\n");
  REQUIRE(loaded.findings.empty());
  const YamlDocument& doc = loaded.documents.at(0);
  CHECK(doc.root["name"].is_null());
  // No value written: the key.
  CHECK(show(doc.locate("/name")) == show(range(1, 1, 5)));
  CHECK(show(doc.locate_key("/name")) == show(range(1, 1, 5)));
  // A written null is located like any value.
  CHECK(show(doc.locate("/tilde")) == show(range(2, 8, 9)));
  // Unknown pointers: the nearest located ancestor.
  CHECK(show(doc.locate("/workspace/name")) == show(doc.locate("/workspace")));
  CHECK(show(doc.locate_key("/workspace/name")) == show(doc.locate("/workspace")));
  CHECK(show(doc.locate("/nothing/here")) == show(doc.locate("")));
  CHECK(show(doc.locate("")) == show(range(1, 1, 2)));
}

TEST_CASE("load_yaml records the written text of plain scalars typed as non-strings", "[load]") {
  Loaded loaded = load("v: 1.20\nn: 007\nb: True\ns: text\nq: \"1.5\"\nz: ~\n");
  REQUIRE(loaded.findings.empty());
  const YamlDocument& doc = loaded.documents.at(0);
  CHECK(doc.plain_text.size() == 3);
  CHECK(doc.plain_text.at("/v") == "1.20");
  CHECK(doc.plain_text.at("/n") == "007");
  CHECK(doc.plain_text.at("/b") == "True");
}

TEST_CASE("load_yaml reads every document of a stream", "[load]") {
  Loaded loaded = load(
      "a: 1\n"
      "---\n"
      "b: [x]\n"
      "--- # third\n"
      "- 3\n"
      "...\n");
  REQUIRE(loaded.findings.empty());
  REQUIRE(loaded.documents.size() == 3);
  CHECK(loaded.documents[0].root.dump() == "{\"a\":1}");
  CHECK(loaded.documents[1].root.dump() == "{\"b\":[\"x\"]}");
  CHECK(loaded.documents[2].root.dump() == "[3]");
  CHECK(show(loaded.documents[0].range) == show(range(1, 1, 2)));
  CHECK(show(loaded.documents[1].range) == show(range(2, 1, 2)));
  CHECK(show(loaded.documents[2].range) == show(range(4, 1, 2)));
  // Locations are per document, by line of the whole file.
  CHECK(show(loaded.documents[1].locate("/b/0")) == show(range(3, 5, 6)));
  CHECK(show(loaded.documents[2].locate("/0")) == show(range(5, 3, 4)));
}

TEST_CASE("load_yaml: an empty or comment-only file has no documents and no findings", "[load]") {
  for (const char* text : {"", "\n\n", "# only a comment\n# and another\n", "   \n# x\n"}) {
    INFO('"' << text << '"');
    Loaded loaded = load(text);
    CHECK(loaded.documents.empty());
    CHECK(loaded.findings.empty());
  }
}

TEST_CASE("load_yaml: a ',' at the top level is a syntax error, not endless documents", "[load]") {
  // yaml-cpp returned the same empty document for ever here, until memory ran out.
  const std::pair<std::string, std::size_t> cases[] = {
      {",a\n", 1}, {",ruS203: notles:\n  AKS203: note\n", 1}, {"a: 1\n---\n,b\n", 3}};
  for (const auto& [text, documents] : cases) {
    INFO(text);
    Loaded loaded = load(text);
    CHECK(loaded.documents.size() == documents);  // where the parser stuck, once each
    CHECK(loaded.documents[0].root.dump() == (documents == 3 ? "{\"a\":1}" : "null"));
    REQUIRE(loaded.findings.size() == 1);
    CHECK(loaded.findings[0].rule == "AKS001");
    CHECK(loaded.findings[0].message == "YAML syntax error: the parser cannot go on from here");
  }
}

TEST_CASE("load_yaml: a syntax error in the third document keeps the first two", "[load]") {
  std::string text =
      "a: 1\n"
      "---\n"
      "b: 2\n"
      "---\n"
      "c: 1\n"
      " d: 2\n";
  Loaded loaded = load(text);
  REQUIRE(loaded.documents.size() == 2);
  CHECK(loaded.documents[0].root.dump() == "{\"a\":1}");
  CHECK(loaded.documents[1].root.dump() == "{\"b\":2}");
  REQUIRE(loaded.findings.size() == 1);
  const Finding& finding = loaded.findings[0];
  CHECK(finding.rule == "AKS001");
  CHECK(finding.location.file == "t.yaml");
  CHECK(finding.message == "YAML syntax error: illegal map value");
  CHECK(finding.help == "fix the YAML syntax at this position");
  CHECK(show(finding.location.range) == show(range(6, 3, 4)));
  CHECK(finding.location.range.begin == parser_error_position(text));
}

TEST_CASE("load_yaml: an unclosed flow sequence is reported where the parser stops", "[load]") {
  std::string text = "a: 1\nb: [1, 2\nc: 3\n";
  Loaded loaded = load(text);
  CHECK(loaded.documents.empty());
  REQUIRE(loaded.findings.size() == 1);
  CHECK(loaded.findings[0].rule == "AKS001");
  CHECK(loaded.findings[0].message.rfind("YAML syntax error: ", 0) == 0);
  CHECK(loaded.findings[0].location.range.begin == parser_error_position(text));
}

TEST_CASE("load_yaml: an unclosed quote is AKS001, not a string swallowing the file", "[load]") {
  struct Case {
    const char* text;
    SourceRange where;
  };
  for (const Case& c :
       {Case{"a: 1\nb: \"abc\nc: 2\n", range(2, 4, 5)}, Case{"a: 'it''s\nc: 2\n", range(1, 4, 5)},
        Case{"a: \"abc\\\"\n", range(1, 4, 5)}, Case{"\"key: 1\n", range(1, 1, 2)}}) {
    INFO(c.text);
    Loaded loaded = load(c.text);
    CHECK(loaded.documents.empty());
    REQUIRE(loaded.findings.size() == 1);
    CHECK(loaded.findings[0].rule == "AKS001");
    CHECK(loaded.findings[0].message ==
          "this quoted string is not closed: it runs to the end of the file");
    CHECK(show(loaded.findings[0].location.range) == show(c.where));
  }
}

TEST_CASE("load_yaml: a repeated top-level key is AKS003 at the second one", "[load]") {
  Loaded loaded = load(
      "name: first\n"
      "mode: create\n"
      "name: second\n");
  REQUIRE(loaded.documents.size() == 1);
  CHECK(loaded.documents[0].root["name"] == "first");
  CHECK(show(loaded.documents[0].locate("/name")) == show(range(1, 7, 12)));
  REQUIRE(loaded.findings.size() == 1);
  const Finding& finding = loaded.findings[0];
  CHECK(finding.rule == "AKS003");
  CHECK(finding.message == "key 'name' is repeated; its first value (line 1) is the one used");
  CHECK(finding.help ==
        "remove one of the two entries; YAML parsers keep only one of them silently");
  CHECK(show(finding.location.range) == show(range(3, 1, 5)));
  REQUIRE(finding.related.size() == 1);
  CHECK(finding.related[0].message == "first written here");
  CHECK(finding.related[0].location.file == "t.yaml");
  CHECK(show(finding.related[0].location.range) == show(range(1, 1, 5)));
}

TEST_CASE("load_yaml: a repeated nested key is AKS003 at the second one", "[load]") {
  Loaded loaded = load(
      "workspace:\n"
      "  name: a\n"
      "  location: eastus\n"
      "  name: b\n"
      "flow: {x: 1, x: 2}\n");
  REQUIRE(loaded.documents.size() == 1);
  CHECK(loaded.documents[0].root.dump() ==
        "{\"flow\":{\"x\":1},\"workspace\":{\"location\":\"eastus\",\"name\":\"a\"}}");
  REQUIRE(loaded.findings.size() == 2);
  CHECK(loaded.findings[0].rule == "AKS003");
  CHECK(loaded.findings[0].message ==
        "key 'name' is repeated; its first value (line 2) is the one used");
  CHECK(show(loaded.findings[0].location.range) == show(range(4, 3, 7)));
  CHECK(show(loaded.findings[0].related.at(0).location.range) == show(range(2, 3, 7)));
  CHECK(loaded.findings[1].rule == "AKS003");
  CHECK(loaded.findings[1].message ==
        "key 'x' is repeated; its first value (line 5) is the one used");
  CHECK(show(loaded.findings[1].location.range) == show(range(5, 14, 15)));
  CHECK(show(loaded.findings[1].related.at(0).location.range) == show(range(5, 8, 9)));
}

TEST_CASE("load_yaml: a repeated key's nested value is dropped whole", "[load]") {
  Loaded loaded = load(
      "workspace:\n"
      "  name: a\n"
      "workspace:\n"
      "  name: b\n"
      "  name: c\n"
      "  extra: {deep: [1, 2]}\n"
      "after: 1\n");
  REQUIRE(loaded.documents.size() == 1);
  const YamlDocument& doc = loaded.documents[0];
  CHECK(doc.root.dump() == "{\"after\":1,\"workspace\":{\"name\":\"a\"}}");
  CHECK(doc.locations.count("/workspace/extra") == 0);
  CHECK(doc.locations.count("/workspace/extra/deep/0") == 0);
  CHECK(show(doc.locate("/workspace/name")) == show(range(2, 9, 10)));
  CHECK(show(doc.locate("/after")) == show(range(7, 8, 9)));
  // Only the outer repetition is reported: the dropped value is not checked further.
  REQUIRE(loaded.findings.size() == 1);
  CHECK(loaded.findings[0].message ==
        "key 'workspace' is repeated; its first value (line 1) is the one used");
  CHECK(show(loaded.findings[0].location.range) == show(range(3, 1, 10)));
}

TEST_CASE("load_yaml: an alias to an anchor inside a dropped value still expands", "[load]") {
  Loaded loaded = load(
      "a: 1\n"
      "a: &x {b: [1, &y {c: 2}]}\n"
      "d: *x\n"
      "e: *y\n");
  REQUIRE(loaded.documents.size() == 1);
  CHECK(loaded.documents[0].root.dump() == "{\"a\":1,\"d\":{\"b\":[1,{\"c\":2}]},\"e\":{\"c\":2}}");
  REQUIRE(loaded.findings.size() == 1);
  CHECK(loaded.findings[0].rule == "AKS003");
}

TEST_CASE("load_yaml expands anchors and aliases", "[load]") {
  Loaded loaded = load(
      "base: &b {sku: basic, ranges: [1.2.3.4/32]}\n"
      "copy: *b\n"
      "name: &n prod\n"
      "other: *n\n"
      "list: [*n, *n]\n");
  REQUIRE(loaded.findings.empty());
  REQUIRE(loaded.documents.size() == 1);
  const YamlDocument& doc = loaded.documents[0];
  CHECK(doc.root["copy"] == doc.root["base"]);
  CHECK(doc.root["copy"].dump() == "{\"ranges\":[\"1.2.3.4/32\"],\"sku\":\"basic\"}");
  CHECK(doc.root["other"] == "prod");
  CHECK(doc.root["list"].dump() == "[\"prod\",\"prod\"]");
  CHECK(show(doc.locate("/copy")) == show(range(2, 7, 8)));  // at the alias
  // Nodes inside an expanded alias are located at the alias.
  CHECK(show(doc.locate("/copy/sku")) == show(range(2, 7, 8)));
}

TEST_CASE("load_yaml: anchored keys and aliases used as keys", "[load]") {
  Loaded loaded = load(
      "&k key: 1\n"
      "value: *k\n"
      "s: &s name\n"
      "*s : aliased\n");
  REQUIRE(loaded.findings.empty());
  REQUIRE(loaded.documents.size() == 1);
  const YamlDocument& doc = loaded.documents[0];
  CHECK(doc.root.dump() == "{\"key\":1,\"name\":\"aliased\",\"s\":\"name\",\"value\":\"key\"}");
  CHECK(show(doc.locate_key("/name")) == show(range(4, 1, 2)));
  CHECK(show(doc.locate("/name")) == show(range(4, 6, 13)));
}

TEST_CASE("load_yaml: an empty key is the empty string", "[load]") {
  Loaded loaded = load("{: b, c: d}\n");
  REQUIRE(loaded.findings.empty());
  REQUIRE(loaded.documents.size() == 1);
  CHECK(loaded.documents[0].root.dump() == "{\"\":\"b\",\"c\":\"d\"}");
}

TEST_CASE("load_yaml: an alias to a collection used as a key is AKS001", "[load]") {
  Loaded loaded = load("a: &l [1]\n*l : 2\n");
  CHECK(loaded.documents.empty());
  REQUIRE(loaded.findings.size() == 1);
  CHECK(loaded.findings[0].rule == "AKS001");
  CHECK(loaded.findings[0].message ==
        "a mapping key must be a plain value, not a list or a mapping");
  CHECK(show(loaded.findings[0].location.range) == show(range(2, 1, 2)));
}

TEST_CASE("load_yaml refuses an alias bomb quickly, naming the node limit", "[load]") {
  std::string text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int level = 1; level < 10; ++level) {
    text += "a" + std::to_string(level) + ": &a" + std::to_string(level) + " [";
    for (int i = 0; i < 10; ++i) {
      text += (i ? ", *a" : "*a") + std::to_string(level - 1);
    }
    text += "]\n";
  }
  auto start = std::chrono::steady_clock::now();
  Loaded loaded = load(text);
  auto elapsed = std::chrono::steady_clock::now() - start;
  CHECK(elapsed < std::chrono::seconds(2));
  CHECK(loaded.documents.empty());
  REQUIRE(loaded.findings.size() == 1);
  CHECK(loaded.findings[0].rule == "AKS001");
  CHECK(loaded.findings[0].message ==
        "the document expands to more than 100000 nodes (aliases included); aksc refuses it to "
        "protect its memory");
  // a0..a3 hold 11 + 111 + 1111 + 11111 nodes; the aliases of a4 (11111 nodes each) pass
  // 100000 on line 5, before anything is copied.
  CHECK(loaded.findings[0].location.range.begin.line == 5);
}

TEST_CASE("load_yaml applies the node limit it is given", "[load]") {
  LoadLimits limits;
  limits.max_nodes = 5;
  Loaded small = load("[1, 2, 3]\n", limits);  // 4 nodes
  CHECK(small.findings.empty());
  CHECK(small.documents.size() == 1);
  Loaded big = load("[1, 2, 3, 4, 5]\n", limits);  // 6 nodes
  CHECK(big.documents.empty());
  REQUIRE(big.findings.size() == 1);
  CHECK(big.findings[0].message ==
        "the document expands to more than 5 nodes (aliases included); aksc refuses it to "
        "protect its memory");
  CHECK(show(big.findings[0].location.range) == show(range(1, 14, 15)));
}

TEST_CASE("load_yaml refuses nesting deeper than its limit", "[load]") {
  std::string deep = "a: " + std::string(64, '[') + std::string(64, ']') + "\n";
  Loaded loaded = load(deep);
  CHECK(loaded.documents.empty());
  REQUIRE(loaded.findings.size() == 1);
  CHECK(loaded.findings[0].rule == "AKS001");
  CHECK(loaded.findings[0].message ==
        "lists and mappings nest more than 64 levels deep here; aksc refuses the document");
  CHECK(show(loaded.findings[0].location.range) == show(range(1, 67, 68)));
  std::string fits = "a: " + std::string(63, '[') + std::string(63, ']') + "\n";
  CHECK(load(fits).findings.empty());
}

TEST_CASE("load_yaml refuses nesting deeper than yaml-cpp's own limit with aksc's message",
          "[load]") {
  // yaml-cpp gives up at 2000 levels; the builder, which sees the events up to there, refuses
  // at 65, as it did when it built the document while the parser read it.
  std::string deep = "a: " + std::string(3000, '[') + std::string(3000, ']') + "\n";
  Loaded loaded = load(deep);
  REQUIRE(loaded.findings.size() == 1);
  CHECK(loaded.findings[0].message ==
        "lists and mappings nest more than 64 levels deep here; aksc refuses the document");
  CHECK(show(loaded.findings[0].location.range) == show(range(1, 67, 68)));
}

TEST_CASE("load_yaml: what the builder finds before a syntax error is reported", "[load]") {
  SECTION("a refusal before the error is the finding, not the error") {
    std::string text = "a: " + std::string(65, '[') + std::string(65, ']') + "\nb: [c\n";
    Loaded loaded = load(text);
    REQUIRE(loaded.findings.size() == 1);
    CHECK(loaded.findings[0].message ==
          "lists and mappings nest more than 64 levels deep here; aksc refuses the document");
  }
  SECTION("a repeated key before the error is reported beside it") {
    Loaded loaded = load("a: 1\na: 2\nb: [c\n");
    REQUIRE(loaded.findings.size() == 2);
    CHECK(loaded.findings[0].rule == "AKS003");
    CHECK(loaded.findings[0].location.range.begin.line == 2);
    CHECK(loaded.findings[1].rule == "AKS001");
  }
}

TEST_CASE("load_yaml: the node limit, not the event limit, refuses a document of empty maps",
          "[load]") {
  // Three events per node (key, start, end): as many per node as a document can have. The
  // builder must refuse at the eleventh node, on line 10, before the events run over.
  LoadLimits limits;
  limits.max_nodes = 10;
  std::string text;
  for (int i = 1; i <= 12; ++i)
    text += "k" + std::to_string(i) + ": {}\n";
  Loaded loaded = load(text, limits);
  REQUIRE(loaded.findings.size() == 1);
  CHECK(loaded.findings[0].message ==
        "the document expands to more than 10 nodes (aliases included); aksc refuses it to "
        "protect its memory");
  CHECK(loaded.findings[0].location.range.begin.line == 10);
}

TEST_CASE("load_yaml: complex keys are AKS001", "[load]") {
  SECTION("explicit key") {
    Loaded loaded = load("a: 1\n? [a]\n: b\n");
    CHECK(loaded.documents.empty());
    REQUIRE(loaded.findings.size() == 1);
    CHECK(loaded.findings[0].rule == "AKS001");
    CHECK(loaded.findings[0].message ==
          "a mapping key must be a plain value, not a list or a mapping");
    CHECK(show(loaded.findings[0].location.range) == show(range(2, 3, 4)));
  }
  SECTION("flow sequence as a key") {
    Loaded loaded = load("[a]: b\n");
    REQUIRE(loaded.findings.size() == 1);
    CHECK(loaded.findings[0].rule == "AKS001");
    CHECK(loaded.findings[0].message ==
          "a mapping key must be a plain value, not a list or a mapping");
    CHECK(show(loaded.findings[0].location.range) == show(range(1, 1, 2)));
  }
  SECTION("flow mapping as a key inside a flow mapping") {
    Loaded loaded = load("{a: 1, {b: 2}: 3}\n");
    REQUIRE(loaded.findings.size() == 1);
    CHECK(loaded.findings[0].rule == "AKS001");
    CHECK(show(loaded.findings[0].location.range) == show(range(1, 8, 9)));
  }
}

TEST_CASE("load_yaml: a NUL byte makes the file binary", "[load]") {
  Loaded loaded = load(std::string("a: 1\nb: x\0y\n", 12));
  CHECK(loaded.documents.empty());
  REQUIRE(loaded.findings.size() == 1);
  CHECK(loaded.findings[0].rule == "AKS001");
  CHECK(loaded.findings[0].message == "the file contains a NUL byte: it is binary, not YAML text");
  CHECK(loaded.findings[0].help == "save the file as UTF-8 text; aksc reads YAML only");
  CHECK(show(loaded.findings[0].location.range) == show(range(2, 5, 6)));
}

TEST_CASE("load_yaml: invalid UTF-8 is AKS001 at the offending byte", "[load]") {
  struct Case {
    const char* name;
    std::string text;
    std::string message;
    SourceRange where;
  };
  std::vector<Case> cases = {
      {"0xFF", "a: 1\nb: \xFF\n", "invalid UTF-8 byte 0xFF: YAML files must be UTF-8 text",
       range(2, 4, 5)},
      {"overlong C0 AF", "a: ok\nb\xC3\xA9: x\xC0\xAFy\n",
       "invalid UTF-8 byte 0xC0: YAML files must be UTF-8 text", range(2, 6, 7)},
      {"truncated sequence", "a: \xE2\x82",
       "invalid UTF-8 byte 0xE2: YAML files must be UTF-8 text", range(1, 4, 5)},
      {"truncated before ASCII", "a: \xE2\x82z\n",
       "invalid UTF-8 byte 0xE2: YAML files must be UTF-8 text", range(1, 4, 5)},
      {"surrogate ED A0 80", "x: y\nz: \xC3\xA9\xED\xA0\x80\n",
       "invalid UTF-8 byte 0xED: YAML files must be UTF-8 text", range(2, 5, 6)},
      {"lone continuation byte", "a: \x80\n",
       "invalid UTF-8 byte 0x80: YAML files must be UTF-8 text", range(1, 4, 5)},
      {"above U+10FFFF", "a: \xF4\x90\x80\x80\n",
       "invalid UTF-8 byte 0xF4: YAML files must be UTF-8 text", range(1, 4, 5)},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    Loaded loaded = load(c.text);
    CHECK(loaded.documents.empty());
    REQUIRE(loaded.findings.size() == 1);
    CHECK(loaded.findings[0].rule == "AKS001");
    CHECK(loaded.findings[0].message == c.message);
    CHECK(show(loaded.findings[0].location.range) == show(c.where));
  }
}

TEST_CASE("load_yaml accepts valid multi-byte UTF-8 of every length", "[load]") {
  Loaded loaded = load("a: \"\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF\"\n");
  CHECK(loaded.findings.empty());
  REQUIRE(loaded.documents.size() == 1);
  CHECK(loaded.documents[0].root["a"] == "\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF");
}

TEST_CASE("load_yaml reads a file with a UTF-8 byte order mark", "[load]") {
  Loaded loaded = load(
      "\xEF\xBB\xBF"
      "name: prod\n"
      "workspace:\n"
      "  location: \"eastus\"\n");
  REQUIRE(loaded.findings.empty());
  REQUIRE(loaded.documents.size() == 1);
  const YamlDocument& doc = loaded.documents[0];
  CHECK(doc.root.dump() == "{\"name\":\"prod\",\"workspace\":{\"location\":\"eastus\"}}");
  // Positions are as an editor shows them: the mark takes no column.
  CHECK(show(doc.locate_key("/name")) == show(range(1, 1, 5)));
  CHECK(show(doc.locate("/name")) == show(range(1, 7, 11)));
  CHECK(show(doc.locate_key("/workspace/location")) == show(range(3, 3, 11)));
  CHECK(show(doc.locate("/workspace/location")) == show(range(3, 13, 21)));
}

TEST_CASE("load_yaml: a syntax error in a file with a byte order mark is placed right", "[load]") {
  Loaded loaded = load(
      "\xEF\xBB\xBF"
      "a: 1\n b: 2\n");
  REQUIRE(loaded.findings.size() == 1);
  CHECK(loaded.findings[0].rule == "AKS001");
  CHECK(show(loaded.findings[0].location.range) == show(range(2, 3, 4)));
}

TEST_CASE("load_yaml types tagged scalars", "[load]") {
  Loaded loaded = load(
      "a: !!str 3\n"
      "b: !!int \"3\"\n"
      "c: !!float 1\n"
      "d: !custom 5\n"
      "e: ! 12\n"
      "f: \"12\"\n");
  REQUIRE(loaded.findings.empty());
  CHECK(loaded.documents.at(0).root.dump() ==
        "{\"a\":\"3\",\"b\":3,\"c\":1.0,\"d\":\"5\",\"e\":\"12\",\"f\":\"12\"}");
}

TEST_CASE("pointer_append escapes '~' and '/'", "[load]") {
  CHECK(aksc::pointer_append("", "a") == "/a");
  CHECK(aksc::pointer_append("/a", "b") == "/a/b");
  CHECK(aksc::pointer_append("/a", "x/y") == "/a/x~1y");
  CHECK(aksc::pointer_append("/a", "x~y") == "/a/x~0y");
  CHECK(aksc::pointer_append("", "") == "/");
  CHECK(aksc::pointer_append("/a", "0") == "/a/0");
  CHECK(aksc::pointer_append("/a", "~x/y~/") == "/a/~0x~1y~0~1");
  CHECK(aksc::pointer_append("", "//~~") == "/~1~1~0~0");
}

TEST_CASE("take_pointer_token takes one unescaped token at a time", "[load]") {
  std::string_view pointer = "/a~1b/~0c~01//0";
  std::string scratch;
  std::vector<std::string> tokens;
  while (!pointer.empty()) {
    std::optional<std::string_view> token = aksc::take_pointer_token(pointer, scratch);
    REQUIRE(token.has_value());
    tokens.push_back(std::string(*token));
  }
  CHECK(tokens == std::vector<std::string>{"a/b", "~c~1", "", "0"});
  std::string_view bad = "/x~2";
  CHECK_FALSE(aksc::take_pointer_token(bad, scratch).has_value());
  std::string_view relative = "x/y";
  CHECK_FALSE(aksc::take_pointer_token(relative, scratch).has_value());
  // A token without an escape is a view of the pointer itself.
  const std::string_view whole = "/plain/x~1y";
  std::string_view rest = whole;
  std::optional<std::string_view> plain = aksc::take_pointer_token(rest, scratch);
  REQUIRE(plain.has_value());
  CHECK(plain->data() == whole.data() + 1);
  CHECK(*aksc::take_pointer_token(rest, scratch) == "x/y");
}

TEST_CASE("node_at finds what nlohmann's json_pointer finds, and nothing more", "[load]") {
  nlohmann::json root = nlohmann::json::parse(
      R"({"a": {"b": [10, {"c": 3}], "x/y": 1, "x~y": 2, "": 4}, "n": null})");
  const std::vector<std::string> pointers = {
      "",     "/a",       "/a/b",       "/a/b/0", "/a/b/1/c",  "/a/x~1y", "/a/x~0y",
      "/a/",  "/n",       "/missing",   "/a/b/2", "/a/b/-",    "/a/b/01", "/a/b/x",
      "/n/x", "/a/b/0/c", "/a/b/1/c/d", "/a//",   "/a/x~1y/z", "//"};
  for (const std::string& pointer : pointers) {
    INFO(pointer);
    nlohmann::json::json_pointer parsed(pointer);
    const nlohmann::json* expected = root.contains(parsed) ? &root[parsed] : nullptr;
    CHECK(aksc::node_at(root, pointer) == expected);
  }
  CHECK(aksc::node_at(root, "/a/b/1/c") == &root["a"]["b"][1]["c"]);
  CHECK(aksc::node_at(root, "a") == nullptr);        // not a pointer
  CHECK(aksc::node_at(root, "/a/x~2y") == nullptr);  // not an escape
}

namespace {

// Every pointer of the document and a few that name nothing: find() must give the node that
// walking from the root gives, with the document's location of it.
void check_find_agrees_with_walking(const YamlDocument& doc) {
  std::vector<std::string> pointers;
  for (const auto& [pointer, location] : doc.locations) {
    pointers.push_back(pointer);
    pointers.push_back(pointer + "/0");
    pointers.push_back(pointer + "/missing");
  }
  for (const std::string& pointer : pointers) {
    INFO(pointer);
    YamlDocument::Found found = doc.find(pointer);
    CHECK(found.node == aksc::node_at(doc.root, pointer));
    auto located = doc.locations.find(pointer);
    CHECK(found.location == (located == doc.locations.end() ? nullptr : &located->second));
  }
}

}  // namespace

TEST_CASE("YamlDocument::find gives the node walking gives, as built, copied and moved", "[load]") {
  // Lists that grow item by item (their items move), lists of lists and of mappings, an alias
  // (whose inner nodes have no location of their own) and a repeated key (dropped).
  Loaded loaded = load(
      "a: [1, 2, 3, 4, 5, 6, 7, 8, 9]\n"
      "b:\n  - [x, y, [z, w]]\n  - {k: v, l: [1, 2]}\n  - - 1\n    - 2\n"
      "c: &anchor {p: {q: [r, s]}}\n"
      "d: *anchor\n"
      "e: 1\ne: {f: 2}\n");
  REQUIRE(loaded.documents.size() == 1);
  YamlDocument& doc = loaded.documents[0];
  REQUIRE(doc.find("/a/8").node != nullptr);
  CHECK(*doc.find("/a/8").node == 9);
  CHECK(*doc.find("/b/0/2/1").node == "w");
  CHECK(doc.find("/b/0/2/1").node == &doc.root["b"][0][2][1]);
  CHECK(doc.find("/d/p/q/1").node == &doc.root["d"]["p"]["q"][1]);  // inside the alias
  CHECK(doc.find("/d/p/q/1").location == nullptr);
  CHECK(doc.find("/e/f").node == nullptr);  // the repeated key's value is not the document's
  check_find_agrees_with_walking(doc);
  // Found in one lookup: every located node but the root knows where it is.
  for (const auto& [pointer, location] : doc.locations) {
    INFO(pointer);
    if (!pointer.empty()) CHECK(location.node == aksc::node_at(doc.root, pointer));
  }

  YamlDocument moved = std::move(doc);
  CHECK(moved.find("/b/1/l/1").node == &moved.root["b"][1]["l"][1]);
  check_find_agrees_with_walking(moved);

  // A copy has a tree of its own: found in it, not in the original.
  YamlDocument copy = moved;
  copy.root["b"][1]["l"][1] = "changed";
  CHECK(*copy.find("/b/1/l/1").node == "changed");
  CHECK(copy.find("/b/1/l/1").node == &copy.root["b"][1]["l"][1]);
  check_find_agrees_with_walking(copy);
}

TEST_CASE("load_yaml locates keys that need escaping in pointers", "[load]") {
  Loaded loaded = load("tags:\n  \"a/b\": 1\n  \"c~d\": 2\n");
  REQUIRE(loaded.findings.empty());
  const YamlDocument& doc = loaded.documents.at(0);
  CHECK(show(doc.locate_key("/tags/a~1b")) == show(range(2, 3, 8)));
  CHECK(show(doc.locate("/tags/c~0d")) == show(range(3, 10, 11)));
}
