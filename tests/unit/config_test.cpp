// parse_config: aksc.yaml (SPEC §2) read and validated, its problems located in the file.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "diag/finding_sink.h"
#include "diag/source_file.h"
#include "diag/spellcheck.h"
#include "frontend/config.h"
#include "rules/rule.h"

using aksc::Config;
using aksc::Finding;
using aksc::FindingSink;
using aksc::Severity;
using aksc::SourceFile;
using aksc::SourceRange;
using aksc::ir::Origin;

namespace {

struct Parsed {
  Config config;
  std::vector<Finding> findings;
};

Parsed parse(const std::string& text) {
  SourceFile source("proj/aksc.yaml", text);
  FindingSink sink;
  Parsed parsed;
  parsed.config = aksc::parse_config(source, "/work/proj", sink);
  parsed.findings = sink.take();
  return parsed;
}

SourceRange range(int line, int column, int end_column) {
  return {{line, column}, {line, end_column}};
}

// The did-you-mean suffix for an unknown rule ID: the registry grows as rules are added.
std::string suggestion(const std::string& id) {
  std::vector<std::string> ids;
  for (const aksc::RuleEntry& rule : aksc::rule_registry())
    ids.emplace_back(rule.id);
  return aksc::did_you_mean(id, ids);
}

}  // namespace

TEST_CASE("parse_config: an empty or comment-only aksc.yaml means the defaults", "[config]") {
  for (const char* text : {"", "# nothing configured yet\n", "---\n", "~\n"}) {
    INFO('"' << text << '"');
    Parsed parsed = parse(text);
    CHECK(parsed.findings.empty());
    CHECK(parsed.config.file == "proj/aksc.yaml");
    CHECK(parsed.config.directory == "/work/proj");
    CHECK(parsed.config.severities.empty());
    CHECK(parsed.config.ignores.empty());
    CHECK(parsed.config.inventory.origin == Origin::kAbsent);
    CHECK(parsed.config.deny_public_ip.origin == Origin::kAbsent);
    CHECK(parsed.config.data.empty());
  }
}

TEST_CASE("parse_config reads severities, off means nullopt", "[config]") {
  Parsed parsed = parse(
      "rules:\n"
      "  AKS101: error\n"
      "  AKS102: off\n"
      "  AKS103: note\n"
      "  AKS104: Warning\n");
  CHECK(parsed.findings.empty());
  const auto& severities = parsed.config.severities;
  REQUIRE(severities.size() == 4);
  CHECK(severities.at("AKS101") == std::optional<Severity>(Severity::kError));
  CHECK_FALSE(severities.at("AKS102").has_value());
  CHECK(severities.at("AKS103") == std::optional<Severity>(Severity::kNote));
  CHECK(severities.at("AKS104") == std::optional<Severity>(Severity::kWarning));
}

TEST_CASE("parse_config: an unknown rule ID in rules is AKS005 at the key", "[config]") {
  Parsed parsed = parse(
      "rules:\n"
      "  AKS102: warning\n"
      "  AKS010: error\n"
      "  AKS999: note\n");
  CHECK(parsed.config.severities.size() == 1);
  CHECK(parsed.config.severities.count("AKS102") == 1);
  REQUIRE(parsed.findings.size() == 2);
  const Finding& near = parsed.findings[0];
  CHECK(near.rule == "AKS005");
  CHECK(near.location.file == "proj/aksc.yaml");
  CHECK(near.message == "'AKS010' is not an aksc rule (did you mean 'AKS001'?)");
  CHECK(near.help == "see 'aksc rules' for the list of rule IDs");
  CHECK(near.location.range == range(3, 3, 9));
  const Finding& far = parsed.findings[1];
  CHECK(far.rule == "AKS005");
  CHECK(far.message == "'AKS999' is not an aksc rule" + suggestion("AKS999"));
  CHECK(far.location.range == range(4, 3, 9));
}

TEST_CASE("parse_config: a key in rules that is no rule ID is AKS002", "[config]") {
  Parsed parsed = parse("rules: {AKS10: error, AKS102: off}\n");
  CHECK(parsed.config.severities.size() == 1);
  CHECK_FALSE(parsed.config.severities.at("AKS102").has_value());
  REQUIRE(parsed.findings.size() == 1);
  const Finding& f = parsed.findings[0];
  CHECK(f.rule == "AKS002");
  CHECK(f.message == "unknown key 'AKS10' in 'rules'");
  CHECK(f.help ==
        "remove it or fix it: each key is a rule ID (AKS followed by three digits, such as "
        "AKS501) or a policy ID (an upper-case prefix, a dash, then upper-case letters, digits "
        "and dashes, such as ORG-NET-001)");
  CHECK(f.location.range == range(1, 9, 14));
}

TEST_CASE("parse_config: every bad severity is AKS002 with the allowed values", "[config]") {
  // valijson stops at the first bad value under patternProperties; each is still reported.
  Parsed parsed =
      parse("rules:\n  AKS102: fatal\n  AKS103: erorr\n  AKS104: never\n  AKS101: off\n");
  REQUIRE(parsed.config.severities.size() == 1);
  CHECK_FALSE(parsed.config.severities.at("AKS101").has_value());
  REQUIRE(parsed.findings.size() == 3);
  CHECK(parsed.findings[0].rule == "AKS002");
  CHECK(parsed.findings[0].message == "'fatal' is not a valid value for 'rules.AKS102'");
  CHECK(parsed.findings[0].help == "use one of: off, note, warning, error");
  CHECK(parsed.findings[0].location.range == range(2, 11, 16));
  CHECK(parsed.findings[1].message ==
        "'erorr' is not a valid value for 'rules.AKS103' (did you mean 'error'?)");
  CHECK(parsed.findings[1].location.range == range(3, 11, 16));
  CHECK(parsed.findings[2].message == "'never' is not a valid value for 'rules.AKS104'");
  CHECK(parsed.findings[2].help == "use one of: off, note, warning, error");
  CHECK(parsed.findings[2].location.range == range(4, 11, 16));
}

TEST_CASE("parse_config reads ignore entries", "[config]") {
  Parsed parsed = parse(
      "ignore:\n"
      "  - paths: [\"legacy/*.yaml\", \"old/**\"]\n"
      "    rules: [AKS102, AKS103]\n"
      "    reason: \"  pinned until migration  \"\n"
      "  - paths: [a.yaml]\n"
      "    rules: [AKS101]\n"
      "    reason: second\n");
  CHECK(parsed.findings.empty());
  REQUIRE(parsed.config.ignores.size() == 2);
  const aksc::IgnoreEntry& first = parsed.config.ignores[0];
  CHECK(first.paths == std::vector<std::string>{"legacy/*.yaml", "old/**"});
  CHECK(first.rules == std::vector<std::string>{"AKS102", "AKS103"});
  CHECK(first.reason == "pinned until migration");
  CHECK(first.range == range(2, 5, 6));
  CHECK(parsed.config.ignores[1].paths == std::vector<std::string>{"a.yaml"});
  CHECK(parsed.config.ignores[1].rules == std::vector<std::string>{"AKS101"});
  CHECK(parsed.config.ignores[1].reason == "second");
  CHECK(parsed.config.ignores[1].range == range(5, 5, 6));
}

TEST_CASE("parse_config: an ignore entry without a reason is AKS005 and dropped", "[config]") {
  Parsed parsed = parse(
      "ignore:\n"
      "  - paths: [a.yaml]\n"
      "    rules: [AKS101]\n"
      "  - paths: [b.yaml]\n"
      "    rules: [AKS102]\n"
      "    reason: \"   \"\n"
      "  - paths: [c.yaml]\n"
      "    rules: [AKS103]\n"
      "    reason: kept\n");
  REQUIRE(parsed.config.ignores.size() == 1);
  CHECK(parsed.config.ignores[0].paths == std::vector<std::string>{"c.yaml"});
  REQUIRE(parsed.findings.size() == 2);
  for (const Finding& f : parsed.findings) {
    CHECK(f.rule == "AKS005");
    CHECK(f.message == "this ignore entry has no reason, so it suppresses nothing");
    CHECK(f.help == "add 'reason:' saying why these findings are accepted");
  }
  CHECK(parsed.findings[0].location.range == range(2, 5, 6));
  CHECK(parsed.findings[1].location.range == range(4, 5, 6));
}

TEST_CASE("parse_config: a reason of invisible characters is AKS005 at the reason, dropped",
          "[config]") {
  // A zero width space written raw, a no-break space by its escape, a word joiner and a BOM.
  Parsed parsed = parse(
      "ignore:\n"
      "  - paths: [a.yaml]\n"
      "    rules: [AKS101]\n"
      "    reason: \"\u200B\"\n"
      "  - paths: [b.yaml]\n"
      "    rules: [AKS102]\n"
      "    reason: \"\\u00A0 \\u2060\\uFEFF\"\n"
      "  - paths: [c.yaml]\n"
      "    rules: [AKS103]\n"
      "    reason: \"\u200Bkept\"\n");
  REQUIRE(parsed.config.ignores.size() == 1);
  CHECK(parsed.config.ignores[0].paths == std::vector<std::string>{"c.yaml"});
  REQUIRE(parsed.findings.size() == 2);
  CHECK(parsed.findings[0].rule == "AKS005");
  CHECK(parsed.findings[0].message ==
        "this ignore entry's reason has no visible character (only U+200B), so it suppresses "
        "nothing");
  CHECK(parsed.findings[0].help == "say in words why these findings are accepted");
  CHECK(parsed.findings[0].location.range.begin == aksc::SourcePosition{4, 13});
  CHECK(parsed.findings[1].message ==
        "this ignore entry's reason has no visible character (only U+00A0, U+0020, U+2060, "
        "U+FEFF), so it suppresses nothing");
  CHECK(parsed.findings[1].location.range.begin == aksc::SourcePosition{7, 13});
}

TEST_CASE("parse_config: an ignore entry naming an unknown rule is AKS005 and dropped",
          "[config]") {
  Parsed parsed = parse(
      "ignore:\n"
      "  - paths: [a.yaml]\n"
      "    rules: [AKS102, AKS998]\n"
      "    reason: r\n");
  CHECK(parsed.config.ignores.empty());
  REQUIRE(parsed.findings.size() == 1);
  CHECK(parsed.findings[0].rule == "AKS005");
  CHECK(parsed.findings[0].message == "'AKS998' is not an aksc rule" + suggestion("AKS998"));
  CHECK(parsed.findings[0].location.range == range(3, 21, 27));
}

TEST_CASE("parse_config: malformed ignore entries are AKS002 and dropped", "[config]") {
  Parsed parsed = parse(
      "ignore:\n"
      "  - rules: [AKS101]\n"
      "    reason: no paths\n"
      "  - paths: []\n"
      "    rules: [AKS101]\n"
      "    reason: empty paths\n"
      "  - paths: [x.yaml]\n"
      "    rules: [AKS1]\n"
      "    reason: bad id\n"
      "  - just a string\n");
  CHECK(parsed.config.ignores.empty());
  REQUIRE(parsed.findings.size() == 4);
  for (const Finding& f : parsed.findings)
    CHECK(f.rule == "AKS002");
  CHECK(parsed.findings[0].message == "missing required field 'paths' in 'ignore[0]'");
  CHECK(parsed.findings[0].help == "add it: Glob patterns of spec files, relative to this file.");
  CHECK(parsed.findings[0].location.range == range(2, 5, 6));
  CHECK(parsed.findings[1].message == "'ignore[1].paths' must have at least 1 item");
  CHECK(parsed.findings[1].location.range == range(4, 12, 13));
  CHECK(parsed.findings[2].message ==
        "A rule ID is AKS followed by three digits, such as AKS501; a policy ID is an upper-case "
        "prefix, a dash and upper-case letters, digits and dashes, such as ORG-NET-001.");
  CHECK(parsed.findings[2].location.range == range(8, 13, 17));
  CHECK(parsed.findings[3].message ==
        "'ignore[3]' must be a mapping, not the string \"just a string\"");
  CHECK(parsed.findings[3].location.range == range(10, 5, 18));
}

TEST_CASE("parse_config: an unknown top-level key is AKS002 with did-you-mean", "[config]") {
  Parsed parsed = parse("polcy:\n  deny_public_ip: true\n");
  CHECK(parsed.config.deny_public_ip.origin == Origin::kAbsent);
  REQUIRE(parsed.findings.size() == 1);
  const Finding& f = parsed.findings[0];
  CHECK(f.rule == "AKS002");
  CHECK(f.message == "unknown key 'polcy' (did you mean 'policy'?)");
  CHECK(f.help ==
        "remove it or fix its spelling; the keys allowed here are data, ignore, inventory, "
        "nested, policies, policy, rules");
  CHECK(f.location.range == range(1, 1, 6));
}

TEST_CASE("parse_config reads inventory, policy and data with their locations", "[config]") {
  Parsed parsed = parse(
      "inventory: inventory.json\n"
      "policy:\n"
      "  deny_public_ip: true\n"
      "data:\n"
      "  service_tags: ServiceTags_Public.json\n"
      "  vm_sizes: \"extra-vm-sizes.csv\"\n");
  CHECK(parsed.findings.empty());
  const Config& config = parsed.config;
  CHECK(config.inventory.origin == Origin::kWritten);
  CHECK(config.inventory.value == "inventory.json");
  CHECK(config.inventory.range == range(1, 12, 26));
  CHECK(config.deny_public_ip.origin == Origin::kWritten);
  CHECK(config.deny_public_ip.value);
  CHECK(config.deny_public_ip.range == range(3, 19, 23));
  REQUIRE(config.data.size() == 2);
  CHECK(config.data.at("service_tags").path.value == "ServiceTags_Public.json");
  CHECK(config.data.at("service_tags").path.origin == Origin::kWritten);
  CHECK(config.data.at("service_tags").path.range == range(5, 17, 40));
  CHECK(config.data.at("vm_sizes").path.value == "extra-vm-sizes.csv");
  CHECK(config.data.at("vm_sizes").path.range == range(6, 13, 33));
}

TEST_CASE("parse_config: values of the wrong type are AKS002 and kInvalid", "[config]") {
  Parsed parsed = parse(
      "inventory: 5\n"
      "policy:\n"
      "  deny_public_ip: \"yes\"\n");
  CHECK(parsed.config.inventory.origin == Origin::kInvalid);
  CHECK(parsed.config.inventory.range == range(1, 12, 13));
  CHECK(parsed.config.deny_public_ip.origin == Origin::kInvalid);
  REQUIRE(parsed.findings.size() == 2);
  CHECK(parsed.findings[0].message == "'inventory' must be a string, not the integer 5");
  CHECK(parsed.findings[0].help ==
        "quote the value, e.g. \"5\": YAML reads it unquoted as the integer 5");
  CHECK(parsed.findings[1].message ==
        "'policy.deny_public_ip' must be true or false, not the string \"yes\"");
  CHECK(parsed.findings[1].help ==
        "write true or false, without quotes (YAML 1.2 reads yes, no, on and off as strings)");
  CHECK(parsed.findings[1].location.range == range(3, 19, 24));
}

TEST_CASE("parse_config: data keys are escaped as JSON pointer tokens", "[config]") {
  Parsed parsed = parse("data:\n  \"a~b\": x\n  \"c/d\": y\n");
  REQUIRE(parsed.findings.size() == 2);
  CHECK(parsed.findings[0].message == "unknown key 'a~b' in 'data'");
  CHECK(parsed.findings[0].location.range == range(2, 3, 8));
  CHECK(parsed.findings[1].message == "unknown key 'c/d' in 'data'");
  CHECK(parsed.config.data.at("a~b").path.origin == Origin::kInvalid);
  CHECK(parsed.config.data.at("c/d").path.origin == Origin::kInvalid);
}

TEST_CASE("parse_config: a config that is not a mapping is AKS002", "[config]") {
  Parsed parsed = parse("- rules\n");
  CHECK(parsed.config.severities.empty());
  REQUIRE(parsed.findings.size() == 1);
  CHECK(parsed.findings[0].rule == "AKS002");
  CHECK(parsed.findings[0].message == "the document must be a mapping, not a list");
  CHECK(parsed.findings[0].location.range == range(1, 1, 2));
}

TEST_CASE("parse_config: documents after the first are AKS002 and ignored", "[config]") {
  Parsed parsed = parse("rules: {AKS102: off}\n---\nrules: {AKS103: off}\n");
  CHECK(parsed.config.severities.size() == 1);
  CHECK(parsed.config.severities.count("AKS102") == 1);
  REQUIRE(parsed.findings.size() == 1);
  CHECK(parsed.findings[0].rule == "AKS002");
  CHECK(parsed.findings[0].message ==
        "aksc.yaml must hold one YAML document; the documents after the first are ignored");
  CHECK(parsed.findings[0].help == "remove the extra '---' documents");
  CHECK(parsed.findings[0].location.range == range(2, 1, 2));
}

TEST_CASE("parse_config: YAML problems of aksc.yaml are reported as for specs", "[config]") {
  Parsed duplicate = parse("inventory: a.json\ninventory: b.json\n");
  CHECK(duplicate.config.inventory.value == "a.json");
  REQUIRE(duplicate.findings.size() == 1);
  CHECK(duplicate.findings[0].rule == "AKS003");
  CHECK(duplicate.findings[0].location.file == "proj/aksc.yaml");
  CHECK(duplicate.findings[0].location.range == range(2, 1, 10));

  Parsed broken = parse("rules: [AKS102\n");
  CHECK(broken.config.severities.empty());
  REQUIRE(broken.findings.size() == 1);
  CHECK(broken.findings[0].rule == "AKS001");
}

TEST_CASE("parse_config reads the shipped samples/aksc.yaml without findings", "[config]") {
  Parsed parsed = parse(
      "rules:\n"
      "  AKS005: error   # a suppression without a reason must fail CI\n"
      "ignore:\n"
      "  - paths: [\"vision/*.yaml\"]\n"
      "    rules: [AKS103]\n"
      "    reason: \"generated names\"\n"
      "inventory: inventory.json\n"
      "policy:\n"
      "  deny_public_ip: false\n");
  CHECK(parsed.findings.empty());
  CHECK(parsed.config.severities.at("AKS005") == std::optional<Severity>(Severity::kError));
  CHECK(parsed.config.ignores.size() == 1);
  CHECK(parsed.config.deny_public_ip.origin == Origin::kWritten);
  CHECK_FALSE(parsed.config.deny_public_ip.value);
}
