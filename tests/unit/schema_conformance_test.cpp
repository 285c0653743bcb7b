// ConformancePlan: the quick look that spares valijson for valid documents. It must never call
// valid what valijson calls invalid (that would hide findings), nor invalid what it calls valid.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "diag/finding_sink.h"
#include "diag/source_file.h"
#include "frontend/load.h"
#include "frontend/schema.h"
#include "frontend/schema_conformance.h"

namespace fs = std::filesystem;
using aksc::Conformance;
using aksc::ConformancePlan;
using nlohmann::json;

namespace {

Conformance judge(const char* instance, const char* schema) {
  json parsed = json::parse(schema);
  return ConformancePlan(parsed).check(json::parse(instance));
}

constexpr Conformance kConforms = Conformance::kConforms;
constexpr Conformance kFails = Conformance::kFails;
constexpr Conformance kUnknown = Conformance::kUnknown;

}  // namespace

TEST_CASE("ConformancePlan: types under strong typing", "[schema][conformance]") {
  CHECK(judge(R"("3")", R"({"type": "string"})") == kConforms);
  CHECK(judge("3", R"({"type": "string"})") == kFails);
  CHECK(judge("3", R"({"type": "integer"})") == kConforms);
  CHECK(judge("3.5", R"({"type": "integer"})") == kFails);
  CHECK(judge("3.5", R"({"type": "number"})") == kConforms);
  CHECK(judge("null", R"({"type": ["string", "null"]})") == kConforms);
  CHECK(judge("true", R"({"type": ["string", "null"]})") == kFails);
  CHECK(judge("{}", R"({"type": "object"})") == kConforms);
  CHECK(judge("[]", R"({"type": "object"})") == kFails);
  CHECK(judge("1", R"({"type": "whole"})") == kUnknown);
}

TEST_CASE("ConformancePlan: enum judges strings and booleans, const strings",
          "[schema][conformance]") {
  CHECK(judge(R"("gpu")", R"({"enum": ["none", "gpu"]})") == kConforms);
  CHECK(judge(R"("GPU")", R"({"enum": ["none", "gpu"]})") == kFails);
  CHECK(judge("1", R"({"enum": [1, 2]})") == kUnknown);
  // The extension's settings: true, false and the strings True and False.
  const char* setting = R"({"enum": [true, false, "True", "False"]})";
  CHECK(judge("true", setting) == kConforms);
  CHECK(judge(R"("False")", setting) == kConforms);
  CHECK(judge(R"("yes")", setting) == kFails);
  CHECK(judge("1", setting) == kUnknown);
  CHECK(judge("false", R"({"enum": [true]})") == kFails);
  CHECK(judge("true", R"({"enum": ["true"]})") == kFails);  // strong types: no conversion
  CHECK(judge(R"("aksc/v1")", R"({"const": "aksc/v1"})") == kConforms);
  CHECK(judge(R"("aksc/v2")", R"({"const": "aksc/v1"})") == kFails);
  CHECK(judge("2", R"({"const": 2})") == kUnknown);
}

TEST_CASE("ConformancePlan: lengths count code points, patterns search", "[schema][conformance]") {
  CHECK(judge(R"("héllo")", R"({"maxLength": 5})") == kConforms);  // 6 bytes, 5 code points
  CHECK(judge(R"("héllo!")", R"({"maxLength": 5})") == kFails);
  CHECK(judge(R"("")", R"({"minLength": 1})") == kFails);
  CHECK(judge(R"("a\u0000b")", R"({"minLength": 1})") == kUnknown);  // valijson stops at NUL
  CHECK(judge("12", R"({"minLength": 5})") == kConforms);            // not a string: no say
  CHECK(judge(R"("1.27")", R"({"pattern": "^[0-9]+\\.[0-9]+$"})") == kConforms);
  CHECK(judge(R"("v1.27")", R"({"pattern": "^[0-9]+\\.[0-9]+$"})") == kFails);
  CHECK(judge(R"("x-1")", R"({"pattern": "[0-9]"})") == kConforms);  // a search, not a match
  CHECK(judge(R"("x")", R"({"pattern": "(["})") == kUnknown);        // not a regex
}

TEST_CASE("ConformancePlan: bounds and counts", "[schema][conformance]") {
  CHECK(judge("1", R"({"minimum": 1})") == kConforms);
  CHECK(judge("0", R"({"minimum": 1})") == kFails);
  CHECK(judge("0.5", R"({"minimum": 1})") == kFails);
  CHECK(judge("9", R"({"maximum": 8})") == kFails);
  CHECK(judge(R"("0")", R"({"minimum": 1})") == kConforms);
  CHECK(judge("0", R"({"exclusiveMinimum": 0})") == kUnknown);
  CHECK(judge("[]", R"({"minItems": 1})") == kFails);
  CHECK(judge("[1]", R"({"minItems": 1})") == kConforms);
  CHECK(judge("[1, 2]", R"({"maxItems": 1})") == kFails);
  CHECK(judge(R"(["a", 1])", R"({"items": {"type": "string"}})") == kFails);
  CHECK(judge(R"(["a", "b"])", R"({"items": {"type": "string"}})") == kConforms);
  CHECK(judge(R"(["a"])", R"({"items": [{"type": "string"}]})") == kUnknown);
}

TEST_CASE("ConformancePlan: required, properties, patterns, additionalProperties",
          "[schema][conformance]") {
  const char* schema = R"({"type": "object", "required": ["name"],
      "properties": {"name": {"type": "string"}},
      "patternProperties": {"^x-": {"type": "integer"}},
      "additionalProperties": false})";
  CHECK(judge(R"({"name": "a"})", schema) == kConforms);
  CHECK(judge(R"({"name": "a", "x-count": 2})", schema) == kConforms);
  CHECK(judge(R"({"name": "a", "x-count": "2"})", schema) == kFails);
  CHECK(judge(R"({"name": "a", "extra": 1})", schema) == kFails);
  CHECK(judge(R"({"extra": 1})", schema) == kFails);
  CHECK(judge(R"({})", R"({"required": ["name"]})") == kFails);
  CHECK(judge(R"({"tag": "v"})", R"({"additionalProperties": {"type": "string"}})") == kConforms);
  CHECK(judge(R"({"tag": 1})", R"({"additionalProperties": {"type": "string"}})") == kFails);
  CHECK(judge(R"({"any": 1})", R"({"properties": {}})") == kConforms);  // absent: anything
}

TEST_CASE("ConformancePlan: combinations carry 'unknown' instead of guessing",
          "[schema][conformance]") {
  const char* any_of = R"({"anyOf": [{"required": ["resource_id"]},
                                     {"required": ["name", "resource_group"]}]})";
  CHECK(judge(R"({"resource_id": "x"})", any_of) == kConforms);
  CHECK(judge(R"({"name": "x"})", any_of) == kFails);
  CHECK(judge("{}", R"({"anyOf": [{"$ref": "#/a"}, {"required": ["b"]}]})") == kUnknown);
  CHECK(judge("{}", R"({"anyOf": [{"$ref": "#/a"}, {"type": "object"}]})") == kConforms);
  CHECK(judge("1", R"({"allOf": [{"type": "integer"}, {"minimum": 2}]})") == kFails);
  CHECK(judge("1", R"({"oneOf": [{"type": "integer"}, {"minimum": 0}]})") == kFails);
  CHECK(judge("1", R"({"oneOf": [{"type": "integer"}, {"minimum": 2}]})") == kConforms);
  CHECK(judge("1", R"({"not": {"type": "string"}})") == kConforms);
  CHECK(judge("1", R"({"not": {"$ref": "#/a"}})") == kUnknown);
  const char* conditional = R"({"if": {"properties": {"mode": {"const": "attach"}},
                                       "required": ["mode"]},
                                "then": {"required": ["cluster"]}})";
  CHECK(judge(R"({"mode": "attach"})", conditional) == kFails);
  CHECK(judge(R"({"mode": "attach", "cluster": {}})", conditional) == kConforms);
  CHECK(judge(R"({"mode": "create"})", conditional) == kConforms);
  CHECK(judge(R"({"mode": 3})", conditional) == kUnknown);  // const of a number: not judged
  CHECK(judge("1", R"({"$ref": "#/definitions/a"})") == kUnknown);
  CHECK(judge("1", R"({"description": "d", "x-aksc-modes": ["create"]})") == kConforms);
}

namespace {

// Every document aksc's tests and samples hold (specs, configs, inventories, broken ones, ARM
// output), and variants of each spec with one field dropped or given a value of another type.
std::vector<json> test_documents() {
  std::vector<json> documents;
  const fs::path root(AKSC_SOURCE_DIR);
  const aksc::Schema& spec = aksc::Schema::embedded("aksc-spec.schema.json");
  for (const char* folder : {"tests", "samples"}) {
    for (const auto& entry : fs::recursive_directory_iterator(root / folder)) {
      std::string extension = entry.path().extension().string();
      if (!entry.is_regular_file() ||
          (extension != ".yaml" && extension != ".yml" && extension != ".json")) {
        continue;
      }
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream text;
      text << in.rdbuf();
      aksc::FindingSink sink;
      for (aksc::YamlDocument& document :
           aksc::load_yaml(aksc::SourceFile(entry.path().string(), text.str()), sink)) {
        aksc::canonicalize_enums(document, spec);
        documents.push_back(std::move(document.root));
      }
    }
  }
  std::size_t originals = documents.size();
  const json replacements[] = {json(1),       json("x"),      json(true), json(nullptr),
                               json::array(), json::object(), json(-1.5)};
  for (std::size_t i = 0; i < originals; ++i) {
    if (!documents[i].is_object() || !documents[i].contains("kind")) continue;
    const json spec_document = documents[i];
    for (const auto& [key, value] : spec_document.items()) {
      json dropped = spec_document;
      dropped.erase(key);
      documents.push_back(std::move(dropped));
      for (const json& replacement : replacements) {
        json changed = spec_document;
        changed[key] = replacement;
        documents.push_back(std::move(changed));
      }
      if (!value.is_object()) continue;
      for (const auto& [inner, unused] : value.items()) {
        json changed = spec_document;
        changed[key].erase(inner);
        documents.push_back(changed);
        changed[key][inner] = json("");
        documents.push_back(std::move(changed));
      }
    }
  }
  return documents;
}

}  // namespace

TEST_CASE("ConformancePlan agrees with valijson on every test document and its variants",
          "[schema][conformance]") {
  std::vector<json> documents = test_documents();
  REQUIRE(documents.size() > 1000);
  for (const char* name :
       {"aksc-spec.schema.json", "aksc-config.schema.json", "aksc-inventory.schema.json"}) {
    const aksc::Schema& schema = aksc::Schema::embedded(name);
    ConformancePlan plan(schema.json());
    std::size_t conforming = 0, failing = 0;
    for (const json& document : documents) {
      Conformance quick = plan.check(document);
      if (quick == kUnknown) continue;
      bool valid = schema.valijson_errors(document).empty();
      INFO(name << ": " << document.dump());
      REQUIRE(valid == (quick == kConforms));
      ++(valid ? conforming : failing);
    }
    // Both answers are given often, so the comparison above means something.
    INFO(name);
    CHECK(conforming >= 5);
    CHECK(failing >= 100);
  }
}

TEST_CASE("ConformancePlan judges every valid document of the tests and samples itself",
          "[schema][conformance]") {
  // A valid document the quick look cannot judge goes to valijson: right, but slow. aksc's own
  // schemas use only what the quick look judges, so none of their valid documents should.
  std::vector<json> documents = test_documents();
  for (const char* name :
       {"aksc-spec.schema.json", "aksc-config.schema.json", "aksc-inventory.schema.json"}) {
    const aksc::Schema& schema = aksc::Schema::embedded(name);
    ConformancePlan plan(schema.json());
    std::size_t valid = 0;
    for (const json& document : documents) {
      if (!schema.valijson_errors(document).empty()) continue;
      ++valid;
      INFO(name << ": " << document.dump());
      CHECK(plan.check(document) == kConforms);
    }
    INFO(name);
    CHECK(valid >= 5);
  }
}
