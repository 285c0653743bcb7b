// --format sarif: real output on several fixtures validated against the official SARIF 2.1.0
// schema (../shared/data/sarif, draft-04) with valijson, and the fields code scanning reads.
#include <filesystem>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "integration_support.h"
#include "spec_text.h"

namespace fs = std::filesystem;
using aksc::test::contains;
using aksc::test::create_spec;
using aksc::test::run_aksc;
using aksc::test::TempDir;

namespace {

// The official schema, parsed once; nullptr when ../shared is absent.
const valijson::Schema* sarif_schema() {
  static std::unique_ptr<valijson::Schema> schema;
  static nlohmann::json document;
  static bool loaded = false;
  if (!loaded) {
    loaded = true;
    auto dir = aksc::test::shared_data_dir();
    if (!dir || !fs::exists(*dir / "sarif" / "sarif-schema-2.1.0.json")) return nullptr;
    document =
        nlohmann::json::parse(aksc::test::read_text(*dir / "sarif" / "sarif-schema-2.1.0.json"));
    schema = std::make_unique<valijson::Schema>();
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft4);
    valijson::adapters::NlohmannJsonAdapter adapter(document);
    parser.populateSchema(adapter, *schema);  // every $ref is local (#/definitions/...)
  }
  return schema.get();
}

// Errors of `log` against the schema, one per line; empty when it is valid.
std::string schema_errors(const nlohmann::json& log) {
  valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter target(log);
  if (validator.validate(*sarif_schema(), target, &results)) return "";
  std::string errors;
  valijson::ValidationResults::Error error;
  while (results.popError(error)) {
    std::string context;
    for (const std::string& part : error.context)
      context += part;
    errors += context + ": " + error.description + "\n";
  }
  return errors;
}

// Lints `args` in `dir` as SARIF, checks the exit code and validates the log.
nlohmann::json lint_sarif(const fs::path& dir, std::vector<std::string> args, int exit_code) {
  args.insert(args.begin(), {"lint", "--format", "sarif"});
  auto result = run_aksc(args, dir);
  INFO(result.err);
  CHECK(result.exit_code == exit_code);
  nlohmann::json log = nlohmann::json::parse(result.out);
  if (sarif_schema()) {
    std::string errors = schema_errors(log);
    INFO("schema errors:\n" << errors);
    CHECK(errors.empty());
  }
  return log;
}

bool skip_without_schema() {
  if (sarif_schema()) return false;
  aksc::test::skip_test(
      "../shared/data/sarif/sarif-schema-2.1.0.json is absent: SARIF output not validated "
      "against the official schema");
  return true;
}

// The things every aksc log must hold beyond the schema: rule table, indices, relative URIs.
void check_log_shape(const nlohmann::json& log) {
  CHECK(log["version"] == "2.1.0");
  REQUIRE(log["runs"].size() == 1);
  const auto& run = log["runs"][0];
  const auto& driver = run["tool"]["driver"];
  CHECK(driver["name"] == "aksc");
  CHECK(driver["semanticVersion"] == driver["version"]);
  const auto& rules = driver["rules"];
  for (const auto& rule : rules) {
    INFO(rule.dump());
    CHECK(rule.contains("name"));
    CHECK(rule["shortDescription"]["text"].get<std::string>().size() > 0);
    CHECK(rule["fullDescription"]["text"].get<std::string>().size() > 0);
    bool policy =
        rule["properties"]["tags"] == nlohmann::json::array({"policy"});  // samples/policies
    CHECK(contains(rule["help"]["markdown"].get<std::string>(),
                   policy ? "## The policy as written" : "## Bad"));
    CHECK(contains(rule["help"]["text"].get<std::string>(), "aksc explain"));
    CHECK(rule["defaultConfiguration"].contains("level"));
    if (rule.contains("helpUri")) {
      std::string uri = rule["helpUri"];
      CHECK(uri.rfind("https://", 0) == 0);
      CHECK(uri.find_first_of(" ,") == std::string::npos);
    }
  }
  std::string root = run["originalUriBaseIds"]["%SRCROOT%"]["uri"];
  CHECK(root.rfind("file:///", 0) == 0);
  CHECK(root.back() == '/');
  CHECK(run["columnKind"] == "unicodeCodePoints");
  CHECK(run["properties"]["dataSnapshots"].size() >= 1);
  for (const auto& result : run["results"]) {
    INFO(result.dump());
    int index = result["ruleIndex"];
    REQUIRE(index < static_cast<int>(rules.size()));
    CHECK(rules[index]["id"] == result["ruleId"]);
    const auto& location = result["locations"][0]["physicalLocation"];
    std::string uri = location["artifactLocation"]["uri"];
    CHECK(location["artifactLocation"]["uriBaseId"] == "%SRCROOT%");
    CHECK(uri.front() != '/');
    CHECK(uri.find_first_of(" \\") == std::string::npos);
    CHECK(location["region"]["startLine"] >= 1);
    CHECK(location["region"]["startColumn"] >= 1);
  }
}

const nlohmann::json* result_of(const nlohmann::json& log, const std::string& rule) {
  for (const auto& result : log["runs"][0]["results"]) {
    if (result["ruleId"] == rule) return &result;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("sarif: the samples validate against the SARIF 2.1.0 schema") {
  if (skip_without_schema()) return;
  auto log = lint_sarif(aksc::test::source_dir() / "samples", {"."}, 1);
  check_log_shape(log);
  const auto& run = log["runs"][0];
  CHECK(run["invocations"][0]["executionSuccessful"] == true);
  const auto* unknown_key = result_of(log, "AKS002");
  REQUIRE(unknown_key);
  CHECK((*unknown_key)["level"] == "error");
  const auto& region = (*unknown_key)["locations"][0]["physicalLocation"]["region"];
  CHECK(region.contains("endLine"));
  CHECK(region.contains("endColumn"));
  CHECK(run["properties"]["dataSnapshots"][0].contains("date"));
  // The rule table names every rule with its slug and default level.
  bool found = false;
  for (const auto& rule : run["tool"]["driver"]["rules"]) {
    if (rule["id"] != "AKS102") continue;
    found = true;
    CHECK(rule["name"] == "name-length");
    CHECK(rule["defaultConfiguration"]["level"] == "error");
    CHECK(rule["helpUri"] ==
          "https://learn.microsoft.com/en-us/azure/machine-learning/"
          "how-to-create-attach-kubernetes?view=azureml-api-1#limitations");
    CHECK(rule["properties"]["documentation"] == "rules/AKS102-name-length.md");
  }
  CHECK(found);
}

TEST_CASE("sarif: the schema check rejects what SARIF forbids") {
  if (skip_without_schema()) return;
  auto log = lint_sarif(aksc::test::source_dir() / "samples", {"broken"}, 1);
  CHECK(schema_errors(log).empty());
  auto bad_level = log;
  bad_level["runs"][0]["results"][0]["level"] = "fatal";
  CHECK_FALSE(schema_errors(bad_level).empty());
  auto bad_line = log;
  bad_line["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0;
  CHECK_FALSE(schema_errors(bad_line).empty());
  auto bad_suppression = log;
  bad_suppression["runs"][0]["results"][0]["suppressions"] = {{{"kind", "inline"}}};
  CHECK_FALSE(schema_errors(bad_suppression).empty());
  auto no_driver_name = log;
  no_driver_name["runs"][0]["tool"]["driver"].erase("name");
  CHECK_FALSE(schema_errors(no_driver_name).empty());
}

TEST_CASE("sarif: suppressed findings are kept with their kind and justification") {
  if (skip_without_schema()) return;
  TempDir dir;
  dir.write("aksc.yaml",
            "ignore:\n"
            "  - paths: [\"legacy/*.yaml\"]\n"
            "    rules: [AKS102]\n"
            "    reason: names kept until the migration\n");
  dir.write("legacy/old.yaml", create_spec("x"));
  dir.write("inline.yaml", create_spec("y  # aksc-ignore AKS102: a test fixture"));
  auto log = lint_sarif(dir.path(), {"."}, 0);
  check_log_shape(log);
  std::map<std::string, nlohmann::json> by_file;
  for (const auto& result : log["runs"][0]["results"])
    by_file[result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]] = result;
  REQUIRE(by_file.count("legacy/old.yaml"));
  REQUIRE(by_file.count("inline.yaml"));
  const auto& external = by_file["legacy/old.yaml"]["suppressions"][0];
  CHECK(external["kind"] == "external");
  CHECK(external["justification"] == "names kept until the migration");
  const auto& in_source = by_file["inline.yaml"]["suppressions"][0];
  CHECK(in_source["kind"] == "inSource");
  CHECK(in_source["justification"] == "a test fixture");
  CHECK(log["runs"][0]["properties"]["summary"]["suppressed"] == 2);
}

TEST_CASE("sarif: related locations, odd file names and input errors") {
  if (skip_without_schema()) return;
  TempDir dir;
  std::string spec = create_spec() + "vm_size: Standard_D4_v2\n";  // AKS003 with a related place
  dir.write("specs/with space, comma:é.yaml", spec);
  auto log = lint_sarif(dir.path(), {"specs", "missing.yaml"}, 2);
  check_log_shape(log);
  const auto& run = log["runs"][0];
  CHECK(run["invocations"][0]["executionSuccessful"] == false);
  CHECK(contains(run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"],
                 "missing.yaml"));
  const auto* duplicate = result_of(log, "AKS003");
  REQUIRE(duplicate);
  CHECK((*duplicate)["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
        "specs/with%20space%2C%20comma%3A%C3%A9.yaml");
  REQUIRE((*duplicate)["relatedLocations"].size() == 1);
  const auto& related = (*duplicate)["relatedLocations"][0];
  CHECK(related["id"] == 1);
  CHECK(related["physicalLocation"]["region"]["startLine"] == 12);
  CHECK(related["message"]["text"].get<std::string>().size() > 0);
}

// Needs no schema: lint_sarif validates the log where ../shared has one.
TEST_CASE("sarif: whole-project findings point at the other spec") {
  TempDir dir;
  dir.write("aksc.yaml", "rules: {}\n");
  dir.write("a/one.yaml", create_spec("shared-name"));
  dir.write("b/two.yaml", create_spec("shared-name"));
  auto log = lint_sarif(dir.path(), {"a/one.yaml"}, 1);
  check_log_shape(log);
  const auto* clash = result_of(log, "AKS105");
  REQUIRE(clash);
  CHECK((*clash)["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "a/one.yaml");
  REQUIRE((*clash)["relatedLocations"].size() >= 1);
  CHECK((*clash)["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
        "b/two.yaml");
}
