// Inline suppressions: `# aksc-ignore ID[, ID]: reason` and `# aksc-ignore-file ID: reason`.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "diag/finding_sink.h"
#include "diag/source_file.h"
#include "diag/spellcheck.h"
#include "driver/suppressions.h"
#include "rules/rule.h"

using aksc::Finding;
using aksc::FindingSink;
using aksc::InlineSuppression;
using aksc::SourceFile;

namespace {

struct Scanned {
  std::vector<InlineSuppression> suppressions;
  std::vector<Finding> findings;
};

Scanned scan(const std::string& text) {
  SourceFile source("s.yaml", text);
  FindingSink sink;
  Scanned scanned;
  scanned.suppressions = aksc::scan_suppressions(source, sink);
  scanned.findings = sink.take();
  return scanned;
}

Finding finding_at(const std::string& rule, int line) {
  Finding finding;
  finding.rule = rule;
  finding.location.file = "s.yaml";
  finding.location.range = {{line, 7}, {line, 9}};
  return finding;
}

// The did-you-mean suffix for an unknown rule ID: the registry grows as rules are added.
std::string suggestion(const std::string& id) {
  std::vector<std::string> ids;
  for (const aksc::RuleEntry& rule : aksc::rule_registry())
    ids.emplace_back(rule.id);
  return aksc::did_you_mean(id, ids);
}

const InlineSuppression* covering(const Scanned& scanned, const std::string& rule, int line) {
  return aksc::find_inline_suppression(scanned.suppressions, finding_at(rule, line));
}

}  // namespace

TEST_CASE("scan_suppressions reads a comment after a value", "[suppressions]") {
  Scanned scanned = scan(
      "apiVersion: aksc/v1\n"
      "name: ab  # aksc-ignore AKS102: short on purpose\n");
  CHECK(scanned.findings.empty());
  REQUIRE(scanned.suppressions.size() == 1);
  const InlineSuppression& s = scanned.suppressions[0];
  CHECK(s.line == 2);
  CHECK_FALSE(s.whole_file);
  CHECK(s.rules == std::vector<std::string>{"AKS102"});
  CHECK(s.reason == "short on purpose");
}

TEST_CASE("an inline suppression covers its own line and the next one only", "[suppressions]") {
  Scanned scanned = scan(
      "a: 1\n"
      "# aksc-ignore AKS102: the next line\n"
      "name: ab\n"
      "c: 3\n");
  REQUIRE(scanned.suppressions.size() == 1);
  CHECK(scanned.suppressions[0].line == 2);
  CHECK(covering(scanned, "AKS102", 1) == nullptr);
  CHECK(covering(scanned, "AKS102", 2) == &scanned.suppressions[0]);
  CHECK(covering(scanned, "AKS102", 3) == &scanned.suppressions[0]);
  CHECK(covering(scanned, "AKS102", 4) == nullptr);
  // Only the rules it names.
  CHECK(covering(scanned, "AKS104", 3) == nullptr);
}

TEST_CASE("a suppression may name several rules", "[suppressions]") {
  Scanned scanned = scan(
      "# aksc-ignore AKS102, AKS104: legacy name\n"
      "name: 1a\n"
      "# aksc-ignore AKS101 AKS103: separated by blanks\n"
      "# aksc-ignore AKS102,AKS103,: trailing comma\n");
  CHECK(scanned.findings.empty());
  REQUIRE(scanned.suppressions.size() == 3);
  CHECK(scanned.suppressions[0].rules == std::vector<std::string>{"AKS102", "AKS104"});
  CHECK(scanned.suppressions[0].reason == "legacy name");
  CHECK(scanned.suppressions[1].rules == std::vector<std::string>{"AKS101", "AKS103"});
  CHECK(scanned.suppressions[2].rules == std::vector<std::string>{"AKS102", "AKS103"});
  CHECK(covering(scanned, "AKS102", 2) == &scanned.suppressions[0]);
  CHECK(covering(scanned, "AKS104", 2) == &scanned.suppressions[0]);
  CHECK(covering(scanned, "AKS103", 2) == nullptr);
}

TEST_CASE("a file suppression covers every line", "[suppressions]") {
  Scanned scanned = scan(
      "a: 1\n"
      "b: 2\n"
      "# aksc-ignore-file AKS102: generated names\n"
      "c: 3\n");
  CHECK(scanned.findings.empty());
  REQUIRE(scanned.suppressions.size() == 1);
  const InlineSuppression& s = scanned.suppressions[0];
  CHECK(s.whole_file);
  CHECK(s.line == 3);
  CHECK(s.reason == "generated names");
  for (int line : {1, 2, 3, 4, 99}) {
    INFO("line " << line);
    CHECK(covering(scanned, "AKS102", line) == &s);
  }
  CHECK(covering(scanned, "AKS101", 1) == nullptr);
}

TEST_CASE("the first covering suppression is the one returned", "[suppressions]") {
  Scanned scanned = scan(
      "# aksc-ignore-file AKS102: whole file\n"
      "name: ab  # aksc-ignore AKS102: this line\n");
  REQUIRE(scanned.suppressions.size() == 2);
  CHECK(covering(scanned, "AKS102", 2)->reason == "whole file");
}

TEST_CASE("a suppression without a reason is AKS005 and suppresses nothing", "[suppressions]") {
  for (const char* text : {"name: ab  # aksc-ignore AKS102\n", "name: ab  # aksc-ignore AKS102:\n",
                           "name: ab  # aksc-ignore AKS102:   \n"}) {
    INFO(text);
    Scanned scanned = scan(text);
    CHECK(scanned.suppressions.empty());
    REQUIRE(scanned.findings.size() == 1);
    const Finding& f = scanned.findings[0];
    CHECK(f.rule == "AKS005");
    CHECK(f.location.file == "s.yaml");
    CHECK(f.message == "suppression has no reason, so it suppresses nothing");
    CHECK(f.help == "say why after a colon: '# aksc-ignore AKS102: reason'");
    CHECK(f.location.range.begin == aksc::SourcePosition{1, 11});
  }
}

TEST_CASE("a file suppression without a reason is AKS005", "[suppressions]") {
  Scanned scanned = scan("# aksc-ignore-file AKS102\n");
  CHECK(scanned.suppressions.empty());
  REQUIRE(scanned.findings.size() == 1);
  CHECK(scanned.findings[0].message == "suppression has no reason, so it suppresses nothing");
}

TEST_CASE("a suppression naming an unknown rule is AKS005 at the comment", "[suppressions]") {
  Scanned scanned = scan(
      "a: 1\n"
      "name: ab    # aksc-ignore AKS999: why\n");
  CHECK(scanned.suppressions.empty());
  REQUIRE(scanned.findings.size() == 1);
  const Finding& f = scanned.findings[0];
  CHECK(f.rule == "AKS005");
  CHECK(f.message ==
        "suppression names 'AKS999', which is not an aksc rule" + suggestion("AKS999"));
  CHECK(f.help == "see 'aksc rules' for the list of rule IDs");
  // From the '#' to the end of the line.
  CHECK(f.location.range == aksc::SourceRange{{2, 13}, {2, 38}});
}

TEST_CASE("an unknown rule next to a known one voids the whole comment", "[suppressions]") {
  Scanned scanned = scan("# aksc-ignore AKS102, AKS00x: reason\nname: ab\n");
  CHECK(scanned.suppressions.empty());
  REQUIRE(scanned.findings.size() == 1);
  CHECK(scanned.findings[0].message ==
        "suppression names 'AKS00x', which is not an aksc rule (did you mean 'AKS001'?)");
  CHECK(scanned.findings[0].location.range.begin == aksc::SourcePosition{1, 1});
}

TEST_CASE("a suppression naming no rule is AKS005", "[suppressions]") {
  Scanned scanned = scan("a: 1  # aksc-ignore: just because\n");
  CHECK(scanned.suppressions.empty());
  REQUIRE(scanned.findings.size() == 1);
  CHECK(scanned.findings[0].message == "suppression names no rule");
  CHECK(scanned.findings[0].help == "write '# aksc-ignore AKSnnn: reason'");
  Scanned file = scan("# aksc-ignore-file\n");
  REQUIRE(file.findings.size() == 1);
  CHECK(file.findings[0].help == "write '# aksc-ignore-file AKSnnn: reason'");
}

TEST_CASE("'#' inside a quoted string is not a comment", "[suppressions]") {
  Scanned scanned = scan(
      "description: \"# aksc-ignore AKS102: x\"\n"
      "other: '# aksc-ignore AKS102: y'\n"
      "escaped: 'it''s # aksc-ignore AKS102: z'\n"
      "backslash: \"say \\\" # aksc-ignore AKS102: w\"\n"
      "list: [\"# aksc-ignore AKS102: v\"]\n");
  CHECK(scanned.suppressions.empty());
  CHECK(scanned.findings.empty());
}

TEST_CASE("a comment after a quoted string is still read", "[suppressions]") {
  Scanned scanned = scan("description: \"a # b\"  # aksc-ignore AKS102: real\n");
  REQUIRE(scanned.suppressions.size() == 1);
  CHECK(scanned.suppressions[0].reason == "real");
}

TEST_CASE("'#' inside a plain word is not a comment", "[suppressions]") {
  Scanned scanned = scan("name: ab#aksc-ignore AKS102: x\n");
  CHECK(scanned.suppressions.empty());
  CHECK(scanned.findings.empty());
}

TEST_CASE("words that merely start like the directive are not directives", "[suppressions]") {
  Scanned scanned = scan(
      "# aksc-ignored AKS102: x\n"
      "# aksc-ignore-files AKS102: x\n"
      "# aksc-ignoreAKS102: x\n"
      "# do not aksc-ignore AKS102: x\n");
  CHECK(scanned.suppressions.empty());
  CHECK(scanned.findings.empty());
}

TEST_CASE("the directive needs no blank after '#'", "[suppressions]") {
  Scanned scanned = scan("#aksc-ignore AKS101: tight\n");
  REQUIRE(scanned.suppressions.size() == 1);
  CHECK(scanned.suppressions[0].rules == std::vector<std::string>{"AKS101"});
}

TEST_CASE("a file without the directive has no suppressions", "[suppressions]") {
  Scanned scanned = scan("# a comment\nname: x  # another\n");
  CHECK(scanned.suppressions.empty());
  CHECK(scanned.findings.empty());
}

TEST_CASE("a directive inside a block scalar is text, not a suppression", "[suppressions]") {
  Scanned scanned = scan(
      "name: ab\n"
      "description: |\n"
      "  # aksc-ignore AKS102: r\n"
      "  # aksc-ignore-file AKS102: r\n"
      "tags: {team: x}\n");
  CHECK(scanned.suppressions.empty());
  CHECK(scanned.findings.empty());
}

TEST_CASE("a directive inside a quoted string over several lines is text", "[suppressions]") {
  for (const char* text : {"description: \"first line\n# aksc-ignore-file AKS102: r\n\"\n",
                           "description: 'first line\n# aksc-ignore-file AKS102: r\n'\n",
                           "description: \"a \\\"quote\\\"\n  # aksc-ignore-file AKS102: r\"\n"}) {
    INFO(text);
    Scanned scanned = scan(text);
    CHECK(scanned.suppressions.empty());
    CHECK(scanned.findings.empty());
  }
}

TEST_CASE("a comment after a block scalar's header, or where the scalar ends, is read",
          "[suppressions]") {
  Scanned scanned = scan(
      "description: |  # aksc-ignore AKS102: header\n"
      "  text\n"
      "# aksc-ignore AKS103: after the text\n"
      "name: a_b\n");
  REQUIRE(scanned.suppressions.size() == 2);
  CHECK(scanned.suppressions[0].line == 1);
  CHECK(scanned.suppressions[1].line == 3);
}

TEST_CASE("a reason without a visible character is AKS005 and suppresses nothing",
          "[suppressions]") {
  // Zero width space, no-break space, word joiner, BOM, soft hyphen, a bidi override, an
  // ideographic space, and a mix.
  for (const char* reason : {"\u200B", "\u00A0", "\u2060", "\uFEFF", "\u00AD", "\u202E", "\u3000",
                             "\u200B \u200C\u200D\u00A0"}) {
    std::string text = std::string("name: ab  # aksc-ignore AKS102: ") + reason + "\n";
    INFO(text);
    Scanned scanned = scan(text);
    CHECK(scanned.suppressions.empty());
    REQUIRE(scanned.findings.size() == 1);
    const Finding& f = scanned.findings[0];
    CHECK(f.rule == "AKS005");
    CHECK(f.message.rfind("suppression's reason has no visible character (only U+", 0) == 0);
    CHECK(f.location.range.begin == aksc::SourcePosition{1, 11});
  }
  Scanned zwsp = scan("name: ab  # aksc-ignore AKS102: \u200B\u200B\n");
  REQUIRE(zwsp.findings.size() == 1);
  CHECK(zwsp.findings[0].message ==
        "suppression's reason has no visible character (only U+200B), so it suppresses nothing");
}

TEST_CASE("a reason with one visible character among invisible ones counts", "[suppressions]") {
  Scanned scanned = scan("name: ab  # aksc-ignore AKS102: \u200Bx\u00A0\n");
  CHECK(scanned.findings.empty());
  REQUIRE(scanned.suppressions.size() == 1);
  CHECK(scanned.suppressions[0].reason == "\u200Bx\u00A0");
}

TEST_CASE("a '#' glued to a token is skipped by yaml-cpp but is no suppression", "[suppressions]") {
  Scanned scanned = scan("name: \"ab\"#aksc-ignore AKS102: glued\n");
  CHECK(scanned.suppressions.empty());
  CHECK(scanned.findings.empty());
}
