// policy/policy_schema: what a policy's `when` or `require` may hold, and where a resolved spec
// fails one. Each refused schema is one that valijson would abort on, recurse on forever, or
// whose pattern std::regex cannot compile.
#include <string>
#include <thread>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "policy/policy_schema.h"

using aksc::PolicySchema;
using aksc::PolicySchemaError;
using nlohmann::json;

namespace {

PolicySchemaError problem_of(const char* schema) {
  auto compiled = PolicySchema::compile(json::parse(schema));
  REQUIRE(std::holds_alternative<PolicySchemaError>(compiled));
  return std::get<PolicySchemaError>(compiled);
}

std::shared_ptr<const PolicySchema> compiled(const char* schema) {
  auto result = PolicySchema::compile(json::parse(schema));
  if (auto* problem = std::get_if<PolicySchemaError>(&result)) FAIL(problem->message);
  return std::get<std::shared_ptr<const PolicySchema>>(result);
}

}  // namespace

TEST_CASE("a schema valijson cannot compile is a problem, not an abort") {
  CHECK(problem_of(R"({"type": "strng"})").message ==
        "not a JSON Schema that aksc can use: Unrecognised JSON type name 'strng'");
  CHECK(problem_of(R"({"required": "name"})").message ==
        "not a JSON Schema that aksc can use: JSON value is not an array.");
  CHECK(problem_of(R"({"minLength": -1})").message ==
        "not a JSON Schema that aksc can use: Expected a non-negative integer value for "
        "'minLength' constraint.");
  // The place is the deepest subschema valijson refuses alone, unless it needs a $ref.
  CHECK(problem_of(R"({"properties": {"tags": {"properties": {"team": {"type": "strng"}}}}})")
            .pointer == "/properties/tags/properties/team");
  CHECK(problem_of(R"({"allOf": [{"required": ["a"]}, {"required": "b"}]})").pointer == "/allOf/1");
  CHECK(problem_of(R"({"definitions": {"d": {"type": "strng"}}, "$ref": "#/definitions/d"})")
            .pointer == "/definitions/d");
  CHECK(problem_of(R"({"type": "strng"})").pointer == "");
}

TEST_CASE("a $ref must stay inside the schema and point at something") {
  PolicySchemaError outside = problem_of(R"({"properties": {"a": {"$ref": "other.json#/x"}}})");
  CHECK(outside.pointer == "/properties/a/$ref");
  CHECK(outside.message ==
        "$ref 'other.json#/x' points outside the policy: a policy's schemas "
        "may refer only within themselves ('#/...')");
  PolicySchemaError web = problem_of(R"({"$ref": "https://example.com/s.json"})");
  CHECK(web.pointer == "/$ref");
  PolicySchemaError nowhere = problem_of(R"({"$ref": "#/definitions/nope"})");
  CHECK(nowhere.message == "$ref '#/definitions/nope' points to nothing in this schema");
  compiled(
      R"({"definitions": {"d": {"type": "string"}}, "properties": {"a": {"$ref": "#/definitions/d"}}})");
}

TEST_CASE("a $ref loop that never descends into the spec is refused, recursion that does is fine") {
  for (
      const char* loop :
      {R"({"$ref": "#"})", R"({"allOf": [{"$ref": "#"}]})", R"({"not": {"$ref": "#"}})",
       R"({"if": {"$ref": "#"}})",
       R"({"definitions": {"a": {"$ref": "#/definitions/b"}, "b": {"anyOf": [{"$ref": "#/definitions/a"}]}},
            "properties": {"x": {"$ref": "#/definitions/a"}}})"}) {
    INFO(loop);
    CHECK(problem_of(loop).message ==
          "this schema refers back to itself through $ref without descending into a property "
          "or an item, so checking it would never end");
  }
  auto tree = compiled(R"({"properties": {"child": {"$ref": "#"}}, "required": ["name"]})");
  CHECK(tree->matches(json::parse(R"({"name": "a", "child": {"name": "b"}})")));
  CHECK_FALSE(tree->matches(json::parse(R"({"name": "a", "child": {}})")));
}

TEST_CASE("patterns must be ECMAScript regular expressions of a bounded length") {
  PolicySchemaError bad = problem_of(R"({"properties": {"vm_size": {"pattern": "^Standard_(D"}}})");
  CHECK(bad.pointer == "/properties/vm_size/pattern");
  CHECK(bad.message.rfind("pattern '^Standard_(D' is not a valid regular expression: ", 0) == 0);
  PolicySchemaError key = problem_of(R"({"patternProperties": {"[a-": {}}})");
  CHECK(key.pointer == "/patternProperties/[a-");
  std::string long_pattern = R"({"pattern": ")" + std::string(1001, 'a') + R"("})";
  CHECK(problem_of(long_pattern.c_str()).message ==
        "pattern is 1001 characters long; aksc accepts up to 1000");
}

TEST_CASE("the failure is the deepest failing member, or the object missing a property") {
  auto schema = compiled(R"({
    "properties": {"load_balancer": {"properties": {"type": {"const": "internal"}},
                                      "required": ["type"]}},
    "required": ["load_balancer"]})");
  auto wrong = schema->failure(json::parse(R"({"load_balancer": {"type": "public-ip"}})"));
  REQUIRE(wrong);
  CHECK(wrong->pointer == "/load_balancer/type");
  CHECK(wrong->description == "Failed to match expected value set by 'const' constraint.");
  auto missing = schema->failure(json::parse(R"({"load_balancer": {}})"));
  REQUIRE(missing);
  CHECK(missing->pointer == "/load_balancer");
  CHECK(missing->description == "Missing required property 'type'.");
  auto absent = schema->failure(json::parse(R"({})"));
  REQUIRE(absent);
  CHECK(absent->pointer == "");
  CHECK_FALSE(schema->failure(json::parse(R"({"load_balancer": {"type": "internal"}})")));
  auto items = compiled(R"({"properties": {"pools": {"items": {"properties": {"vm_size":
                           {"pattern": "^Standard_D"}}}}}})");
  auto item = items->failure(json::parse(R"({"pools": [{"vm_size": "Standard_D2"},
                                                        {"vm_size": "Standard_F2"}]})"));
  REQUIRE(item);
  CHECK(item->pointer == "/pools/1/vm_size");
}

TEST_CASE("the failure says numbers as a policy writes them, not as valijson formats them") {
  auto bounds = compiled(R"({"properties": {"nodes": {"minimum": 4, "maximum": 50.5},
                                             "offset": {"minimum": -2.25}}})");
  auto low = bounds->failure(json::parse(R"({"nodes": 3})"));
  REQUIRE(low);
  CHECK(low->description == "Expected number greater than or equal to 4");
  auto high = bounds->failure(json::parse(R"({"nodes": 60})"));
  REQUIRE(high);
  CHECK(high->description == "Expected number less than or equal to 50.5");
  auto negative = bounds->failure(json::parse(R"({"offset": -3})"));
  REQUIRE(negative);
  CHECK(negative->description == "Expected number greater than or equal to -2.25");
}

TEST_CASE("values too long for std::regex are named before any pattern sees them") {
  auto patterned = compiled(R"({"properties": {"name": {"pattern": "^((a|b)+c?)*$"}}})");
  std::string at_limit(PolicySchema::kMaxPatternSubject, 'a');
  json spec = {{"name", at_limit}, {"tags", {{"team", "x"}}}};
  CHECK(patterned->has_patterns());
  CHECK_FALSE(aksc::find_long_subject(spec));
  // The longest value allowed runs through the worst pattern above on a thread's stack, as the
  // lint's worker threads run policies.
  bool matched = false;
  std::thread worker([&] { matched = patterned->matches(spec); });
  worker.join();
  CHECK(matched);
  spec["tags"][std::string(PolicySchema::kMaxPatternSubject + 1, 'k')] = "v";
  auto long_key = aksc::find_long_subject(spec);
  REQUIRE(long_key);
  CHECK(long_key->pointer == "/tags/" + std::string(PolicySchema::kMaxPatternSubject + 1, 'k'));
  CHECK(long_key->length == PolicySchema::kMaxPatternSubject + 1);
  auto plain = compiled(R"({"properties": {"name": {"const": "x"}}})");
  CHECK_FALSE(plain->has_patterns());  // no pattern: nothing to guard
}
