// Hostile text in a pull request's YAML: suppressions hidden in values, reasons that do not
// show, escapes that name no character, workspace names that only look right. Each ends with a
// located finding, and nothing is suppressed or built that should not be.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "../support/process.h"
#include "integration_support.h"
#include "spec_text.h"

using aksc::test::contains;
using aksc::test::create_spec;
using aksc::test::run_aksc;
using aksc::test::TempDir;

namespace {

nlohmann::json lint_json(const TempDir& dir, const std::string& path) {
  return nlohmann::json::parse(run_aksc({"lint", "--format", "json", path}, dir.path()).out);
}

// "rule line:column" of each finding that is not suppressed, but AKS816's: its note stands on
// every AksCompute spec (rules/AKS816-v1-legacy.md) and is not what these tests are about.
std::vector<std::string> findings_of(const nlohmann::json& json) {
  std::vector<std::string> found;
  for (const auto& f : json["findings"]) {
    if (f["rule"] == "AKS816") continue;
    found.push_back(f["rule"].get<std::string>() + " " + std::to_string(f["line"].get<int>()) +
                    ":" + std::to_string(f["column"].get<int>()));
  }
  return found;
}

using Found = std::vector<std::string>;

// A spec named `name` (too short: AKS102) with a description written as given.
std::string with_description(const std::string& name, const std::string& description) {
  return create_spec(name) + "description: " + description;
}

}  // namespace

TEST_CASE("hostile: a suppression inside a block scalar suppresses nothing") {
  TempDir dir;
  dir.write("spec.yaml", with_description("ab",
                                          "|\n"
                                          "  Scoring for the vision team.\n"
                                          "  # aksc-ignore AKS102: r\n"
                                          "  # aksc-ignore-file AKS102: r\n"));
  auto json = lint_json(dir, "spec.yaml");
  CHECK(findings_of(json) == Found{"AKS102 3:7"});
  CHECK(json["summary"]["suppressed"] == 0);
  CHECK(run_aksc({"lint", "spec.yaml"}, dir.path()).exit_code == 1);
}

TEST_CASE("hostile: a file suppression inside a quoted string over lines suppresses nothing") {
  for (const char* description :
       {"\"Scoring for\n# aksc-ignore-file AKS102: r\n  the vision team\"\n",
        "'Scoring for\n# aksc-ignore-file AKS102: r\n  the vision team'\n",
        "\"Scoring \\\"for\\\"\n  # aksc-ignore-file AKS102: r\"\n"}) {
    INFO(description);
    TempDir dir;
    dir.write("spec.yaml", with_description("ab", description));
    auto json = lint_json(dir, "spec.yaml");
    CHECK(findings_of(json) == Found{"AKS102 3:7"});
    CHECK(json["summary"]["suppressed"] == 0);
  }
}

TEST_CASE("hostile: real comments beside those values still suppress") {
  TempDir dir;
  dir.write("spec.yaml",
            "# aksc-ignore-file AKS102: short on purpose\n" +
                with_description("ab", "|  # a comment after the header\n  text # text\n"));
  auto json = lint_json(dir, "spec.yaml");
  CHECK(findings_of(json).empty());
  CHECK(json["summary"]["suppressed"] == 1);
}

TEST_CASE("hostile: an inline reason of invisible characters is AKS005 and suppresses nothing") {
  for (const char* reason : {"\u200B", "\u00A0", "\u200B\u200C\u200D", "\u2060\uFEFF", "\u202E"}) {
    INFO("reason of " << std::string(reason).size() << " bytes");
    TempDir dir;
    dir.write("spec.yaml", create_spec(std::string("ab  # aksc-ignore AKS102: ") + reason));
    auto result = run_aksc({"lint", "spec.yaml"}, dir.path());
    CHECK(result.exit_code == 1);
    CHECK(contains(result.out,
                   "spec.yaml:3:11: warning: suppression's reason has no visible "
                   "character (only U+"));
    CHECK(contains(result.out, "spec.yaml:3:7: error: compute name 'ab' is 2 characters long"));
    CHECK(findings_of(lint_json(dir, "spec.yaml")) == Found{"AKS102 3:7", "AKS005 3:11"});
  }
}

TEST_CASE("hostile: an aksc.yaml ignore reason of invisible characters is AKS005 at the reason") {
  TempDir dir;
  dir.write("aksc.yaml",
            "ignore:\n"
            "  - paths: [\"*.yaml\"]\n"
            "    rules: [AKS102]\n"
            "    reason: \"\u200B\u00A0\"\n");
  dir.write("spec.yaml", create_spec("ab"));
  auto result = run_aksc({"lint", "."}, dir.path());
  CHECK(result.exit_code == 1);
  CHECK(contains(result.out,
                 "aksc.yaml:4:13: warning: this ignore entry's reason has no visible character "
                 "(only U+200B, U+00A0), so it suppresses nothing [AKS005]"));
  CHECK(contains(result.out, "spec.yaml:3:7: error: compute name 'ab'"));
}

TEST_CASE("hostile: escapes that name no character are AKS001 at the escape") {
  struct Case {
    const char* escape;
    int end_column;  // the escape spans from column 8 (after `name: "`) to here
    const char* message;
  };
  for (const Case& c : {
           Case{"\\ud800", 14,
                "'\\ud800' is U+D800, half of a UTF-16 surrogate pair and no character"},
           Case{"\\uDFFF", 14,
                "'\\uDFFF' is U+DFFF, half of a UTF-16 surrogate pair and no character"},
           Case{"\\U0000D800", 18,
                "'\\U0000D800' is U+D800, half of a UTF-16 surrogate pair and no character"},
           Case{"\\uD83D\\uDE00", 20,
                "'\\uD83D\\uDE00' is a UTF-16 surrogate pair written as two escapes"},
           Case{"\\U00110000", 18, "'\\U00110000' asks for U+110000, beyond U+10FFFF"},
           Case{"\\UFFFFFFFF", 18, "'\\UFFFFFFFF' asks for U+FFFFFFFF, beyond U+10FFFF"},
       }) {
    INFO(c.escape);
    TempDir dir;
    dir.write("spec.yaml", create_spec(std::string("\"") + c.escape + "x\""));
    auto result = run_aksc({"lint", "--format", "json", "spec.yaml"}, dir.path());
    CHECK(result.exit_code == 1);
    auto json = nlohmann::json::parse(result.out);
    REQUIRE(json["findings"].size() == 1);
    const auto& f = json["findings"][0];
    CHECK(f["rule"] == "AKS001");
    CHECK(f["line"] == 3);
    CHECK(f["column"] == 8);
    CHECK(f["end_column"] == c.end_column);
    CHECK(contains(f["message"].get<std::string>(), c.message));
    // Nothing gets built under a name the escape garbled.
    auto built = run_aksc({"build", "spec.yaml", "-o", "out"}, dir.path());
    CHECK(built.exit_code == 1);
    CHECK_FALSE(std::filesystem::exists(dir.path() / "out" / "ml-ws"));
  }
}

TEST_CASE("hostile: a pair's help names the one escape to write instead") {
  TempDir dir;
  dir.write("spec.yaml", create_spec("\"vision\\uD83D\\uDE00\""));
  auto result = run_aksc({"lint", "spec.yaml"}, dir.path());
  CHECK(contains(result.out,
                 "help: write the character itself, or one escape of its code "
                 "point: \\U0001F600"));
}

TEST_CASE("hostile: escapes that name no character are refused in aksc.yaml and inventories") {
  TempDir dir;
  dir.write("aksc.yaml",
            "inventory: inventory.json\nignore:\n  - paths: [\"*\"]\n"
            "    rules: [AKS102]\n    reason: \"ok\\udc00\"\n");
  dir.write(
      "inventory.json",
      "[\n  {\"workspace\": \"ml-ws\", \"name\": \"x\\ud800\", \"location\": \"eastus\"}\n]\n");
  dir.write("spec.yaml", create_spec("ab"));
  auto result = run_aksc({"lint", "."}, dir.path());
  CHECK(result.exit_code == 1);
  CHECK(contains(result.out,
                 "aksc.yaml:5:16: error: '\\udc00' is U+DC00, half of a UTF-16 "
                 "surrogate pair and no character"));
  CHECK(contains(result.out, "spec.yaml:3:7: error: compute name 'ab'"));
  dir.write("aksc.yaml", "inventory: inventory.json\n");
  auto inventory = run_aksc({"lint", "."}, dir.path());
  CHECK(contains(inventory.out,
                 "inventory.json:2:36: error: '\\ud800' is U+D800, half of a "
                 "UTF-16 surrogate pair and no character"));
}

TEST_CASE("hostile: x-escapes and in-range U-escapes are characters and are kept") {
  TempDir dir;
  // \x41 is 'A'; \U0010FFFF is the last code point, \u00e9 is 'é': AKS103 names them.
  dir.write("spec.yaml", create_spec("\"\\x41b-\\u00e9\\U0010FFFF\""));
  auto result = run_aksc({"lint", "spec.yaml"}, dir.path());
  CHECK(contains(result.out,
                 "compute name 'Ab-\u00e9\U0010FFFF' has characters Azure ML does "
                 "not allow: '\u00e9', '\U0010FFFF' [AKS103]"));
}

TEST_CASE("hostile: workspace names that only look right are AKS107, and nothing is built") {
  for (const char* name : {"\"ml-ws \"", "ml\u2215ws", "\uFF4D\uFF4C-ws", "\"ml-ws\\u200B\"",
                           "ml\u00A0ws", "\"ml-ws\\t\""}) {
    INFO(name);
    TempDir dir;
    std::string spec = create_spec();
    spec.replace(spec.find("name: ml-ws"), 11, std::string("name: ") + name);
    dir.write("spec.yaml", spec);
    auto json = lint_json(dir, "spec.yaml");
    CHECK(findings_of(json) == Found{"AKS107 6:9"});
    auto built = run_aksc({"build", "spec.yaml", "-o", "out"}, dir.path());
    CHECK(built.exit_code == 1);
    CHECK(contains(built.err, "aksc: error: spec.yaml: compute 'vision-dev' has 1 error"));
    CHECK_FALSE(std::filesystem::exists(dir.path() / "out"));
  }
}

TEST_CASE("hostile: AKS107 names what does not show by its code point") {
  TempDir dir;
  std::string spec = create_spec();
  spec.replace(spec.find("name: ml-ws"), 11, "name: \"ml\u2215ws\\u200B \"");
  dir.write("spec.yaml", spec);
  auto result = run_aksc({"lint", "spec.yaml"}, dir.path());
  CHECK(contains(result.out,
                 "error: workspace name 'ml\u2215ws\u200B ' is not a name Azure allows for a "
                 "Machine Learning workspace: it has '\u2215' (U+2215), U+200B, ' ' (space) "
                 "[AKS107]"));
}

TEST_CASE("hostile: an inventory workspace name Azure does not allow is AKS002 at the value") {
  TempDir dir;
  dir.write("aksc.yaml", "inventory: inventory.json\n");
  dir.write(
      "inventory.json",
      "[\n  {\"workspace\": \"ml-ws \", \"name\": \"legacy\", \"location\": \"eastus\"}\n]\n");
  dir.write("spec.yaml", create_spec());
  auto result = run_aksc({"lint", "."}, dir.path());
  CHECK(result.exit_code == 1);
  CHECK(contains(result.out, "inventory.json:2:17: error: "));
  CHECK(contains(result.out,
                 "A workspace name has 3 to 33 letters A-Z and a-z, digits 0-9, '-' "
                 "and '_', and starts with a letter or digit. [AKS002]"));
}
