#include "policy/policy_schema.h"

#include <regex>
#include <set>
#include <stdexcept>

#include <fmt/format.h>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "diag/text_util.h"
#include "frontend/yaml_document.h"

namespace aksc {

struct PolicySchema::Compiled {
  valijson::Schema schema;
};

PolicySchema::PolicySchema() : compiled_(std::make_unique<Compiled>()) {}
PolicySchema::~PolicySchema() = default;

namespace {

// Keywords whose subschemas apply to the same value as the schema holding them: a `$ref` loop
// through these alone never ends.
constexpr const char* kSameValueLists[] = {"allOf", "anyOf", "oneOf"};
constexpr const char* kSameValueSchemas[] = {"not", "if", "then", "else"};

class SchemaChecker {
 public:
  explicit SchemaChecker(const nlohmann::json& root) : root_(root) {}

  std::optional<PolicySchemaError> check() {
    if (auto problem = check_node(root_, "")) return problem;
    std::set<std::string> done;
    for (const auto& [pointer, node] : schemas_) {
      std::set<std::string> path;
      if (auto problem = find_loop(pointer, path, done)) return problem;
    }
    return std::nullopt;
  }
  bool has_patterns() const { return has_patterns_; }

 private:
  // Checks `$ref`s and patterns everywhere; records every object (a possible schema).
  std::optional<PolicySchemaError> check_node(const nlohmann::json& node,
                                              const std::string& pointer) {
    if (node.is_array()) {
      for (std::size_t i = 0; i < node.size(); ++i)
        if (auto problem = check_node(node[i], pointer_append(pointer, std::to_string(i))))
          return problem;
      return std::nullopt;
    }
    if (!node.is_object()) return std::nullopt;
    schemas_.emplace(pointer, &node);
    if (auto ref = node.find("$ref"); ref != node.end()) {
      if (auto problem = check_ref(*ref, pointer_append(pointer, "$ref"))) return problem;
    }
    if (auto pattern = node.find("pattern"); pattern != node.end() && pattern->is_string()) {
      if (auto problem =
              check_pattern(pattern->get<std::string>(), pointer_append(pointer, "pattern")))
        return problem;
    }
    if (auto patterns = node.find("patternProperties");
        patterns != node.end() && patterns->is_object()) {
      for (const auto& [pattern, schema] : patterns->items())
        if (auto problem = check_pattern(
                pattern, pointer_append(pointer_append(pointer, "patternProperties"), pattern)))
          return problem;
    }
    for (const auto& [key, member] : node.items()) {
      if (key == "enum" || key == "const" || key == "examples" || key == "default") continue;
      if (auto problem = check_node(member, pointer_append(pointer, key))) return problem;
    }
    return std::nullopt;
  }

  std::optional<PolicySchemaError> check_ref(const nlohmann::json& ref,
                                             const std::string& pointer) {
    if (!ref.is_string()) return PolicySchemaError{pointer, "$ref must be a string"};
    const std::string& text = ref.get_ref<const std::string&>();
    if (text.empty() || text[0] != '#') {
      return PolicySchemaError{pointer,
                               fmt::format("$ref '{}' points outside the policy: a policy's "
                                           "schemas may refer only within themselves ('#/...')",
                                           text)};
    }
    if (!node_at(root_, std::string_view(text).substr(1))) {
      return PolicySchemaError{pointer,
                               fmt::format("$ref '{}' points to nothing in this schema", text)};
    }
    return std::nullopt;
  }

  std::optional<PolicySchemaError> check_pattern(const std::string& pattern,
                                                 const std::string& pointer) {
    has_patterns_ = true;
    if (pattern.size() > kMaxPattern) {
      return PolicySchemaError{pointer,
                               fmt::format("pattern is {} characters long; aksc accepts up "
                                           "to {}",
                                           pattern.size(), kMaxPattern)};
    }
    try {
      std::regex compiled(pattern, std::regex::ECMAScript);
    } catch (const std::regex_error& error) {
      return PolicySchemaError{pointer,
                               fmt::format("pattern '{}' is not a valid regular expression: "
                                           "{}",
                                           pattern, error.what())};
    }
    return std::nullopt;
  }

  // The schemas that apply to the same value as the one at `pointer`.
  std::vector<std::string> same_value_edges(const std::string& pointer) const {
    std::vector<std::string> edges;
    const nlohmann::json& node = *schemas_.at(pointer);
    if (auto ref = node.find("$ref"); ref != node.end() && ref->is_string()) {
      edges.push_back(ref->get<std::string>().substr(1));
    }
    for (const char* key : kSameValueLists) {
      auto list = node.find(key);
      if (list == node.end() || !list->is_array()) continue;
      for (std::size_t i = 0; i < list->size(); ++i)
        edges.push_back(pointer_append(pointer_append(pointer, key), std::to_string(i)));
    }
    for (const char* key : kSameValueSchemas)
      if (node.contains(key)) edges.push_back(pointer_append(pointer, key));
    return edges;
  }

  std::optional<PolicySchemaError> find_loop(const std::string& pointer,
                                             std::set<std::string>& path,
                                             std::set<std::string>& done) {
    if (done.count(pointer) || !schemas_.count(pointer)) return std::nullopt;
    if (!path.insert(pointer).second) {
      return PolicySchemaError{pointer,
                               "this schema refers back to itself through $ref without "
                               "descending into a property or an item, so checking it "
                               "would never end"};
    }
    for (const std::string& next : same_value_edges(pointer))
      if (auto problem = find_loop(next, path, done)) return problem;
    path.erase(pointer);
    done.insert(pointer);
    return std::nullopt;
  }

  static constexpr std::size_t kMaxPattern = 1000;
  const nlohmann::json& root_;
  std::map<std::string, const nlohmann::json*> schemas_;
  bool has_patterns_ = false;
};

std::optional<LongPolicySubject> long_subject_under(const nlohmann::json& node,
                                                    const std::string& pointer) {
  if (node.is_string()) {
    std::size_t length = node.get_ref<const std::string&>().size();
    if (length > PolicySchema::kMaxPatternSubject) return LongPolicySubject{pointer, length};
    return std::nullopt;
  }
  if (node.is_object()) {
    for (const auto& [key, member] : node.items()) {
      std::string member_pointer = pointer_append(pointer, key);
      if (key.size() > PolicySchema::kMaxPatternSubject)
        return LongPolicySubject{member_pointer, key.size()};
      if (auto found = long_subject_under(member, member_pointer)) return found;
    }
  } else if (node.is_array()) {
    for (std::size_t i = 0; i < node.size(); ++i)
      if (auto found = long_subject_under(node[i], pointer_append(pointer, std::to_string(i))))
        return found;
  }
  return std::nullopt;
}

// Members whose values are data, not subschemas.
bool holds_data(std::string_view key) {
  return key == "enum" || key == "const" || key == "examples" || key == "default" ||
         key == "required";
}

bool has_ref(const nlohmann::json& node) {
  if (node.is_object() && node.contains("$ref")) return true;
  if (!node.is_structured()) return false;
  for (const nlohmann::json& member : node)
    if (has_ref(member)) return true;
  return false;
}

bool valijson_refuses(const nlohmann::json& node) {
  try {
    valijson::Schema schema;
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    valijson::adapters::NlohmannJsonAdapter adapter(node);
    parser.populateSchema(adapter, schema);
    return false;
  } catch (const std::exception&) {
    return true;
  }
}

// Where valijson's refusal is: the deepest subschema it refuses on its own ("" when none is, or
// the culprit uses a $ref, which resolves only from the whole schema). Runs only once a schema
// is refused, so that the finding points at the keyword's object rather than at `require`.
std::string refused_subschema(const nlohmann::json& node, const std::string& pointer) {
  if (!node.is_object()) return "";
  for (const auto& [key, member] : node.items()) {
    if (holds_data(key)) continue;
    std::string member_pointer = pointer_append(pointer, key);
    if (member.is_object()) {
      std::string found = refused_subschema(member, member_pointer);
      if (!found.empty()) return found;
    } else if (member.is_array()) {
      for (std::size_t i = 0; i < member.size(); ++i) {
        std::string found =
            refused_subschema(member[i], pointer_append(member_pointer, std::to_string(i)));
        if (!found.empty()) return found;
      }
    }
  }
  if (pointer.empty() || has_ref(node) || !valijson_refuses(node)) return "";
  return pointer;
}

}  // namespace

std::variant<std::shared_ptr<const PolicySchema>, PolicySchemaError> PolicySchema::compile(
    const nlohmann::json& json) {
  SchemaChecker checker(json);
  if (auto problem = checker.check()) return *problem;
  std::shared_ptr<PolicySchema> schema(new PolicySchema());
  schema->has_patterns_ = checker.has_patterns();
  try {
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    valijson::adapters::NlohmannJsonAdapter adapter(json);
    parser.populateSchema(adapter, schema->compiled_->schema);
  } catch (const std::exception& error) {
    return PolicySchemaError{refused_subschema(json, ""),
                             fmt::format("not a JSON Schema that aksc can use: {}", error.what())};
  }
  return std::shared_ptr<const PolicySchema>(std::move(schema));
}

namespace {

// valijson keeps the std::regex of each pattern in its Validator: one per thread, kept for the
// run, compiles each policy pattern once per thread instead of once per spec.
valijson::Validator& thread_validator() {
  thread_local valijson::Validator validator;
  return validator;
}

// valijson writes the numbers of its messages with std::to_string ("greater than or equal to
// 4.000000"); a finding says them as a policy writes them ("4", "50.5"). Only a fraction of
// exactly six digits, std::to_string's, loses its padding zeros; other numbers stay as they are.
std::string tidy_numbers(std::string_view text) {
  std::string tidy;
  tidy.reserve(text.size());
  std::size_t at = 0;
  while (at < text.size()) {
    bool starts_number = is_ascii_digit(text[at]) &&
                         (at == 0 || (!is_ascii_digit(text[at - 1]) && text[at - 1] != '.'));
    if (!starts_number) {
      tidy += text[at++];
      continue;
    }
    std::size_t point = at;
    while (point < text.size() && is_ascii_digit(text[point]))
      ++point;
    std::size_t end = point;
    if (point + 1 < text.size() && text[point] == '.' && is_ascii_digit(text[point + 1])) {
      end = point + 1;
      while (end < text.size() && is_ascii_digit(text[end]))
        ++end;
    }
    tidy += text.substr(at, point - at);
    std::string_view fraction = text.substr(point, end - point);  // ".500000", or empty
    if (fraction.size() == 7) fraction = fraction.substr(0, fraction.find_last_not_of('0') + 1);
    if (fraction == ".") fraction = {};
    tidy += fraction;
    at = end;
  }
  return tidy;
}

}  // namespace

bool PolicySchema::matches(const nlohmann::json& instance) const {
  valijson::adapters::NlohmannJsonAdapter adapter(instance);
  return thread_validator().validate(compiled_->schema, adapter, nullptr);
}

std::optional<PolicyFailure> PolicySchema::failure(const nlohmann::json& instance) const {
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter adapter(instance);
  if (thread_validator().validate(compiled_->schema, adapter, &results)) return std::nullopt;
  // The deepest failure says most; of equally deep ones, the first.
  std::optional<PolicyFailure> deepest;
  std::size_t depth = 0;
  for (const valijson::ValidationResults::Error& error : results) {
    if (deepest && error.context.size() <= depth) continue;
    depth = error.context.size();
    deepest = PolicyFailure{pointer_from_context(error.context), tidy_numbers(error.description)};
  }
  if (!deepest) deepest = PolicyFailure{"", "does not match"};
  return deepest;
}

std::optional<LongPolicySubject> find_long_subject(const nlohmann::json& instance) {
  return long_subject_under(instance, "");
}

}  // namespace aksc
