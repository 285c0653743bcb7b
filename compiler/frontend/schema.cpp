#include "frontend/schema.h"

#include <functional>
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
#include "frontend/lean_schemas.h"
#include "frontend/schema_conformance.h"
#include "frontend/schema_kinds.h"
#include "frontend/schema_messages.h"

namespace aksc {

struct Schema::Compiled {
  valijson::Schema schema;
};

Schema::Schema(nlohmann::json json, std::string_view annotated)
    : json_(std::move(json)), annotated_(annotated) {
  index_refs(json_);
  index_members(json_);  // follows $refs: after index_refs
  mark_enums_below();
  note_top_level();
}

const Schema::Compiled& Schema::compiled() const {
  std::call_once(compiled_once_, [this] {
    auto compiled = std::make_unique<Compiled>();
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    valijson::adapters::NlohmannJsonAdapter adapter(json_);
    parser.populateSchema(adapter, compiled->schema);
    compiled_ = std::move(compiled);
  });
  return *compiled_;
}

void Schema::index_refs(const nlohmann::json& node) {
  if (node.is_object()) {
    auto ref = node.find("$ref");
    if (ref != node.end() && ref->is_string()) {
      const std::string& text = ref->get_ref<const std::string&>();
      const nlohmann::json* target = nullptr;
      if (text.rfind("#", 0) == 0) {
        try {
          nlohmann::json::json_pointer pointer(text.substr(1));
          if (json_.contains(pointer)) target = &json_.at(pointer);
        } catch (const nlohmann::json::exception&) {  // not a JSON pointer: points nowhere
        }
      }
      ref_targets_[&node] = target;
    }
  }
  if (node.is_structured()) {
    for (const nlohmann::json& member : node)
      index_refs(member);
  }
}

Schema::~Schema() = default;

namespace {

// Pairs each node of a lean schema with the node of the annotated schema it was copied from.
void pair_nodes(const nlohmann::json& lean, const nlohmann::json& annotated,
                std::unordered_map<const nlohmann::json*, const nlohmann::json*>& source_of) {
  source_of[&lean] = &annotated;
  if (lean.is_object() && annotated.is_object()) {
    for (auto member = lean.begin(); member != lean.end(); ++member) {
      auto source = annotated.find(member.key());
      if (source != annotated.end()) pair_nodes(*member, *source, source_of);
    }
  } else if (lean.is_array() && annotated.is_array()) {
    for (std::size_t i = 0; i < lean.size() && i < annotated.size(); ++i)
      pair_nodes(lean[i], annotated[i], source_of);
  }
}

}  // namespace

const Schema::Annotations& Schema::annotations() const {
  std::call_once(annotations_built_, [this] {
    auto built = std::make_unique<Annotations>();
    built->json = nlohmann::json::parse(annotated_);
    pair_nodes(json_, built->json, built->source_of);
    annotations_ = std::move(built);
  });
  return *annotations_;
}

std::string Schema::description(const nlohmann::json* subschema) const {
  if (subschema && !annotated_.empty()) {
    const auto& source_of = annotations().source_of;
    auto source = source_of.find(subschema);
    subschema = source == source_of.end() ? nullptr : source->second;
  }
  if (!subschema || !subschema->is_object()) return {};
  auto text = subschema->find("description");
  return text != subschema->end() && text->is_string() ? text->get<std::string>() : "";
}

const Schema& Schema::embedded(std::string_view name) {
  static std::map<std::string, std::unique_ptr<Schema>, std::less<>> cache;
  static std::mutex mutex;
  std::lock_guard lock(mutex);
  auto found = cache.find(name);
  if (found != cache.end()) return *found->second;
  std::string path = "schemas/" + std::string(name);
  std::optional<std::string_view> text = embedded_file(path);
  if (!text) throw std::logic_error("schema not embedded: " + path);
  std::optional<std::string_view> lean = lean_schema(name);
  auto schema = lean ? std::make_unique<Schema>(nlohmann::json::parse(*lean), *text)
                     : std::make_unique<Schema>(nlohmann::json::parse(*text));
  return *cache.emplace(std::string(name), std::move(schema)).first->second;
}

const nlohmann::json* Schema::follow_ref(const nlohmann::json* schema) const {
  for (int hops = 0; schema && hops < 8; ++hops) {
    auto target = ref_targets_.find(schema);
    if (target == ref_targets_.end()) return schema;
    schema = target->second;
  }
  return schema;
}

namespace {

// The member `key` of `schema` when it is an object; else nullptr.
const nlohmann::json* member(const nlohmann::json& schema, std::string_view key) {
  auto found = schema.find(key);
  return found != schema.end() && found->is_object() ? &*found : nullptr;
}

}  // namespace

void Schema::index_members(const nlohmann::json& node) {
  if (node.is_object()) {
    Members& members = members_[&node];
    members.properties = member(node, "properties");
    if (const nlohmann::json* items = member(node, "items")) {
      members.any_other = follow_ref(items);
    } else if (const nlohmann::json* additional = member(node, "additionalProperties")) {
      members.any_other = follow_ref(additional);
    } else if (const nlohmann::json* patterns = member(node, "patternProperties");
               patterns && patterns->size() == 1) {
      members.any_other = follow_ref(&patterns->begin().value());
    }
    auto options = node.find("enum");
    if (options != node.end() && options->is_array()) members.enum_options = &*options;
  }
  if (node.is_structured()) {
    for (const nlohmann::json& child : node)
      index_members(child);
  }
}

const nlohmann::json* Schema::child_schema(const nlohmann::json* schema,
                                           std::string_view token) const {
  if (!schema) return nullptr;
  auto found = members_.find(schema);
  if (found == members_.end()) return nullptr;  // not an object of json_
  const Members& members = found->second;
  if (members.properties) {
    auto property = members.properties->find(token);
    if (property != members.properties->end()) return follow_ref(&*property);
  }
  return members.any_other;
}

void Schema::mark_enums_below() {
  enum class State { kUnseen, kVisiting, kDone };
  std::unordered_map<const nlohmann::json*, State> state;
  std::function<bool(const nlohmann::json*)> visit = [&](const nlohmann::json* schema) {
    auto found = schema ? members_.find(schema) : members_.end();
    if (found == members_.end()) return false;  // nothing below a schema that is not an object
    Members& members = found->second;
    State& seen = state[schema];
    if (seen == State::kVisiting) return true;  // a $ref loop: assume an enum
    if (seen == State::kDone) return members.enum_below;
    seen = State::kVisiting;
    bool below = members.enum_options != nullptr;
    if (members.properties) {
      for (const nlohmann::json& property : *members.properties)
        below = visit(follow_ref(&property)) || below;
    }
    below = visit(members.any_other) || below;
    members.enum_below = below;
    state[schema] = State::kDone;
    return below;
  };
  for (auto& entry : members_)
    visit(entry.first);
}

void Schema::note_top_level() {
  auto notes_of = [](const nlohmann::json& schema) {
    auto annotation = [&schema](const char* key) {
      auto found = schema.find(key);
      return found == schema.end() ? nullptr : &*found;
    };
    return TopLevelNotes{annotation("x-aksc-kinds"), annotation("x-aksc-kind-help"),
                         annotation("x-aksc-modes")};
  };
  const nlohmann::json* root = subschema_at("");
  auto found = root ? members_.find(root) : members_.end();
  if (found == members_.end()) return;
  const Members& members = found->second;
  if (members.properties) {
    for (auto property = members.properties->begin(); property != members.properties->end();
         ++property) {
      const nlohmann::json* schema = follow_ref(&property.value());
      top_level_.emplace(property.key(), schema && schema->is_object()
                                             ? std::optional<TopLevelNotes>(notes_of(*schema))
                                             : std::nullopt);
    }
  }
  if (members.any_other && members.any_other->is_object())
    top_level_other_ = notes_of(*members.any_other);
}

const Schema::TopLevelNotes* Schema::top_level_notes(std::string_view name) const {
  auto found = top_level_.find(name);
  if (found == top_level_.end()) return top_level_other_ ? &*top_level_other_ : nullptr;
  return found->second ? &*found->second : nullptr;
}

bool Schema::may_hold_enum(const nlohmann::json* subschema) const {
  auto found = members_.find(subschema);
  return found != members_.end() && found->second.enum_below;
}

const nlohmann::json* Schema::enum_options(const nlohmann::json* subschema) const {
  auto found = members_.find(subschema);
  return found == members_.end() ? nullptr : found->second.enum_options;
}

const nlohmann::json* Schema::subschema_at(std::string_view pointer) const {
  const nlohmann::json* schema = follow_ref(&json_);
  std::string scratch;
  while (schema && !pointer.empty()) {
    std::optional<std::string_view> token = take_pointer_token(pointer, scratch);
    if (!token) return nullptr;
    schema = child_schema(schema, *token);
  }
  return schema;
}

std::vector<std::pair<std::string, std::string>> Schema::raw_errors(
    const nlohmann::json& instance) const {
  if (conformance_.check(instance) == Conformance::kConforms) return {};
  return valijson_errors(instance);
}

std::vector<std::pair<std::string, std::string>> Schema::valijson_errors(
    const nlohmann::json& instance) const {
  // One validator per thread keeps its compiled regexes across documents.
  thread_local valijson::Validator validator(valijson::Validator::kStrongTypes);
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter target(instance);
  validator.validate(compiled().schema, target, &results);
  std::vector<std::pair<std::string, std::string>> errors;
  valijson::ValidationResults::Error error;
  while (results.popError(error)) {
    errors.emplace_back(pointer_from_context(error.context), std::move(error.description));
  }
  return errors;
}

namespace {

// Walks the document and its schema together, so no node's subschema is looked up from the
// root again.
void canonicalize_node(nlohmann::json& node, const nlohmann::json* subschema,
                       const Schema& schema) {
  if (!subschema || !schema.may_hold_enum(subschema)) return;  // nothing below says `enum`
  if (node.is_object()) {
    for (auto& [key, value] : node.items()) {
      canonicalize_node(value, schema.child_schema(subschema, key), schema);
    }
  } else if (node.is_array()) {
    for (std::size_t i = 0; i < node.size(); ++i) {
      canonicalize_node(node[i], schema.child_schema(subschema, std::to_string(i)), schema);
    }
  } else if (node.is_string()) {
    const nlohmann::json* options = schema.enum_options(subschema);
    if (!options) return;
    const std::string& text = node.get_ref<const std::string&>();
    for (const nlohmann::json& option : *options) {
      if (option.is_string() && iequals(option.get_ref<const std::string&>(), text)) {
        node = option;
        return;
      }
    }
  }
}

}  // namespace

void canonicalize_enums(YamlDocument& document, const Schema& schema) {
  canonicalize_node(document.root, schema.subschema_at(""), schema);
}

InvalidPointers validate_document(const YamlDocument& document, const Schema& schema,
                                  const std::string& file, std::string_view rule,
                                  FindingSink& sink) {
  std::vector<SchemaProblem> problems = explain_schema_errors(
      document.root, schema, schema.raw_errors(document.root), document.plain_text);
  if (append_kind_problems(document.root, schema, problems)) {
    append_mode_problems(document.root, schema, problems);
  }
  InvalidPointers invalid;
  for (SchemaProblem& problem : problems) {
    SourceRange range =
        problem.at_key ? document.locate_key(problem.pointer) : document.locate(problem.pointer);
    sink.report(rule, file, range, std::move(problem.message), std::move(problem.help));
    invalid.insert(problem.pointer);
  }
  return invalid;
}

}  // namespace aksc
