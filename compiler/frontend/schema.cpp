#include "frontend/schema.h"

#include <map>
#include <mutex>
#include <stdexcept>

#include <fmt/format.h>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "catalog/embedded_files.h"
#include "diag/text_util.h"
#include "frontend/schema_messages.h"

namespace aksc {

struct Schema::Compiled {
  valijson::Schema schema;
};

Schema::Schema(nlohmann::json json)
    : json_(std::move(json)), compiled_(std::make_unique<Compiled>()) {
  valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
  valijson::adapters::NlohmannJsonAdapter adapter(json_);
  parser.populateSchema(adapter, compiled_->schema);
}

Schema::~Schema() = default;

const Schema& Schema::embedded(std::string_view name) {
  static std::map<std::string, std::unique_ptr<Schema>, std::less<>> cache;
  static std::mutex mutex;
  std::lock_guard lock(mutex);
  auto found = cache.find(name);
  if (found != cache.end()) return *found->second;
  std::string path = "schemas/" + std::string(name);
  std::optional<std::string_view> text = embedded_file(path);
  if (!text) throw std::logic_error("schema not embedded: " + path);
  auto schema = std::make_unique<Schema>(nlohmann::json::parse(*text));
  return *cache.emplace(std::string(name), std::move(schema)).first->second;
}

const nlohmann::json* Schema::follow_ref(const nlohmann::json* schema) const {
  for (int hops = 0; schema && schema->is_object() && schema->contains("$ref") && hops < 8;
       ++hops) {
    std::string ref = (*schema)["$ref"].get<std::string>();
    if (ref.rfind("#", 0) != 0) return nullptr;
    nlohmann::json::json_pointer pointer(ref.substr(1));
    schema = json_.contains(pointer) ? &json_[pointer] : nullptr;
  }
  return schema;
}

const nlohmann::json* Schema::subschema_at(std::string_view pointer) const {
  const nlohmann::json* schema = follow_ref(&json_);
  std::size_t start = 1;
  while (schema && start <= pointer.size()) {
    std::size_t slash = pointer.find('/', start);
    std::string token(
        pointer.substr(start, slash == std::string_view::npos ? slash : slash - start));
    start = slash == std::string_view::npos ? pointer.size() + 1 : slash + 1;
    for (std::size_t at; (at = token.find("~1")) != std::string::npos;)
      token.replace(at, 2, "/");
    for (std::size_t at; (at = token.find("~0")) != std::string::npos;)
      token.replace(at, 2, "~");
    const nlohmann::json* next = nullptr;
    if (schema->contains("properties") && (*schema)["properties"].contains(token)) {
      next = &(*schema)["properties"][token];
    } else if (schema->contains("items") && (*schema)["items"].is_object()) {
      next = &(*schema)["items"];
    } else if (schema->contains("additionalProperties") &&
               (*schema)["additionalProperties"].is_object()) {
      next = &(*schema)["additionalProperties"];
    } else if (schema->contains("patternProperties") &&
               (*schema)["patternProperties"].is_object() &&
               (*schema)["patternProperties"].size() == 1) {
      next = &(*schema)["patternProperties"].begin().value();
    }
    schema = follow_ref(next);
  }
  return schema;
}

std::vector<std::pair<std::string, std::string>> Schema::raw_errors(
    const nlohmann::json& instance) const {
  // One validator per thread keeps its compiled regexes across documents.
  thread_local valijson::Validator validator(valijson::Validator::kStrongTypes);
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter target(instance);
  validator.validate(compiled_->schema, target, &results);
  std::vector<std::pair<std::string, std::string>> errors;
  valijson::ValidationResults::Error error;
  while (results.popError(error)) {
    std::string pointer;
    for (const std::string& part : error.context) {
      if (part.size() >= 2 && part.front() == '[' && part.back() == ']') {
        pointer = pointer_append(pointer, std::string_view(part).substr(1, part.size() - 2));
      }
    }
    errors.emplace_back(std::move(pointer), std::move(error.description));
  }
  return errors;
}

namespace {

void canonicalize_node(nlohmann::json& node, const std::string& pointer, const Schema& schema) {
  if (node.is_object()) {
    for (auto& [key, value] : node.items()) {
      canonicalize_node(value, pointer_append(pointer, key), schema);
    }
  } else if (node.is_array()) {
    for (std::size_t i = 0; i < node.size(); ++i) {
      canonicalize_node(node[i], pointer_append(pointer, std::to_string(i)), schema);
    }
  } else if (node.is_string()) {
    const nlohmann::json* subschema = schema.subschema_at(pointer);
    if (!subschema || !subschema->contains("enum")) return;
    for (const nlohmann::json& option : (*subschema)["enum"]) {
      if (option.is_string() && iequals(option.get<std::string>(), node.get<std::string>())) {
        node = option;
        return;
      }
    }
  }
}

}  // namespace

void canonicalize_enums(YamlDocument& document, const Schema& schema) {
  canonicalize_node(document.root, "", schema);
}

std::set<std::string> validate_document(const YamlDocument& document, const Schema& schema,
                                        const std::string& file, std::string_view rule,
                                        FindingSink& sink) {
  std::vector<SchemaProblem> problems = explain_schema_errors(
      document.root, schema, schema.raw_errors(document.root), document.plain_text);
  append_mode_problems(document.root, schema, problems);
  std::set<std::string> invalid;
  for (SchemaProblem& problem : problems) {
    SourceRange range =
        problem.at_key ? document.locate_key(problem.pointer) : document.locate(problem.pointer);
    sink.report(rule, file, range, std::move(problem.message), std::move(problem.help));
    invalid.insert(problem.pointer);
  }
  return invalid;
}

}  // namespace aksc
