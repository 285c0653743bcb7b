#include "frontend/schema_messages.h"

#include <algorithm>
#include <cmath>
#include <regex>

#include <fmt/format.h>

#include "diag/spellcheck.h"
#include "frontend/schema.h"
#include "frontend/yaml_document.h"
#include "frontend/yaml_scalar.h"

namespace aksc {
namespace {

std::string quote(const std::string& text) {
  return "'" + text + "'";
}

// A value as a message quotes it: its first line, cut at a length a message can carry. A
// mistaken file (an inventory that is /etc/passwd) reads as one long string, and a message must
// not carry its content beyond the line it points at.
std::string clipped(const std::string& text) {
  constexpr std::size_t kMaxCodePoints = 60;
  std::size_t end = std::min(text.find_first_of("\r\n"), text.size());
  std::size_t points = 0;
  std::size_t at = 0;
  for (; at < end; ++at) {
    if ((static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) continue;
    if (points++ == kMaxCodePoints) break;
  }
  return at < text.size() ? text.substr(0, at) + "..." : text;
}

std::string join(const std::vector<std::string>& items, std::string_view separator = ", ") {
  std::string result;
  for (const std::string& item : items) {
    if (!result.empty()) result += separator;
    result += item;
  }
  return result;
}

std::string value_json_text(const nlohmann::json& value) {
  return value.is_boolean() ? (value.get<bool>() ? "true" : "false") : value.dump();
}

// How a value reads to a person: the string "3", the number 1.2, a mapping.
std::string describe_value(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::null:
      return "an empty value";
    case nlohmann::json::value_t::boolean:
      return fmt::format("the boolean {}", value.get<bool>());
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
      return "the integer " + value.dump();
    case nlohmann::json::value_t::number_float: {
      double number = value.get<double>();
      if (std::isfinite(number) && std::fabs(number) >= 9.2e18 && number == std::floor(number)) {
        return "an integer beyond the 64-bit range";
      }
      return "the number " + value.dump();
    }
    case nlohmann::json::value_t::string:
      return "the string \"" + clipped(value.get<std::string>()) + "\"";
    case nlohmann::json::value_t::array:
      return "a list";
    case nlohmann::json::value_t::object:
      return "a mapping";
    default:
      return "a value";
  }
}

std::string describe_type(const std::string& type) {
  if (type == "string") return "a string";
  if (type == "integer") return "an integer";
  if (type == "number") return "a number";
  if (type == "boolean") return "true or false";
  if (type == "array") return "a list";
  if (type == "object") return "a mapping";
  if (type == "null") return "empty";
  return type;
}

std::string expected_types(const nlohmann::json& subschema) {
  if (!subschema.contains("type")) return "another type";
  const nlohmann::json& type = subschema["type"];
  if (type.is_string()) return describe_type(type.get<std::string>());
  std::vector<std::string> names;
  for (const nlohmann::json& t : type)
    names.push_back(describe_type(t.get<std::string>()));
  return join(names, " or ");
}

// "the field 'workspace.name'" or "the document" for the root.
std::string field_name(const std::string& pointer) {
  return pointer.empty() ? "the document" : quote(display_path(pointer));
}

std::string first_sentence(const std::string& text) {
  std::size_t stop = text.find(". ");
  return stop == std::string::npos ? text : text.substr(0, stop + 1);
}

std::vector<std::string> property_names(const nlohmann::json* subschema) {
  std::vector<std::string> names;
  if (subschema && subschema->contains("properties")) {
    for (const auto& [name, unused] : (*subschema)["properties"].items())
      names.push_back(name);
  }
  return names;
}

std::vector<std::string> enum_values(const nlohmann::json* subschema) {
  std::vector<std::string> values;
  if (subschema && subschema->contains("enum")) {
    for (const nlohmann::json& value : (*subschema)["enum"]) {
      values.push_back(value.is_string() ? value.get<std::string>() : value.dump());
    }
  }
  return values;
}

// The last '...'-quoted name in a valijson message ("... constraints: 'agnet_count'.").
std::string extract_quoted(const std::string& description) {
  std::size_t last = description.rfind('\'');
  std::size_t first = last == std::string::npos || last == 0 ? std::string::npos
                                                             : description.rfind('\'', last - 1);
  return first == std::string::npos ? std::string()
                                    : description.substr(first + 1, last - first - 1);
}

// The properties that an anyOf (with its own x-aksc-message) lists in its `required` branches.
std::vector<std::string> any_of_required(const nlohmann::json* subschema) {
  std::vector<std::string> names;
  if (!subschema || !subschema->contains("anyOf")) return names;
  for (const nlohmann::json& branch : (*subschema)["anyOf"]) {
    if (branch.contains("required")) {
      for (const nlohmann::json& name : branch["required"])
        names.push_back(name.get<std::string>());
    }
  }
  return names;
}

class Explainer {
 public:
  Explainer(const nlohmann::json& instance, const Schema& schema,
            const std::unordered_map<std::string, std::string>& plain_text)
      : instance_(instance), schema_(schema), plain_text_(plain_text) {}

  std::vector<SchemaProblem> explain(const std::string& pointer, const std::string& description) {
    if (description.rfind("Object contains a property that could not be validated", 0) == 0) {
      return unknown_keys(pointer, extract_quoted(description));
    }
    std::optional<SchemaProblem> problem = explain_one(pointer, description);
    if (!problem) return {};
    return {std::move(*problem)};
  }

 private:
  std::optional<SchemaProblem> explain_one(const std::string& pointer,
                                           const std::string& description) {
    const nlohmann::json* subschema = schema_.subschema_at(pointer);
    const nlohmann::json* value = node_at(instance_, pointer);
    if (description.rfind("Missing required property", 0) == 0) {
      return missing(pointer, extract_quoted(description), subschema);
    }
    if (description.rfind("Failed to validate against any schemas allowed by anyOf", 0) == 0) {
      if (!subschema || !subschema->contains("x-aksc-message")) return std::nullopt;
      return SchemaProblem{pointer, true, (*subschema)["x-aksc-message"].get<std::string>(),
                           first_sentence(schema_.description(subschema))};
    }
    if (!value || !subschema) return std::nullopt;
    if (description.rfind("Value type not permitted", 0) == 0) {
      return wrong_type(pointer, *value, *subschema);
    }
    if (description.rfind("Failed to match against any enum values", 0) == 0) {
      // A value its own property allows failed the narrower enum of an if/then (a mode that
      // kind KubernetesCompute does not take): schema_kinds explains it.
      if (const nlohmann::json* options = schema_.enum_options(subschema);
          options && std::find(options->begin(), options->end(), *value) != options->end()) {
        return std::nullopt;
      }
      return bad_enum(pointer, *value, subschema);
    }
    if (description.rfind("Failed to match regex", 0) == 0) {
      std::string message =
          subschema->contains("x-aksc-message")
              ? (*subschema)["x-aksc-message"].get<std::string>()
              : fmt::format("{} is not a valid {}", describe_value(*value), field_name(pointer));
      return SchemaProblem{pointer, false, message, first_sentence(schema_.description(subschema))};
    }
    if (description.rfind("Failed to match expected value set by 'const'", 0) == 0) {
      return SchemaProblem{pointer,
                           false,
                           fmt::format("{} must be {}, not {}", field_name(pointer),
                                       (*subschema)["const"].dump(), describe_value(*value)),
                           {}};
    }
    if (description.find("should be no") != std::string::npos ||       // string length
        description.find("should contain no") != std::string::npos ||  // array length
        description.find("Expected number") != std::string::npos) {
      return bound(pointer, *value, *subschema, description);
    }
    return std::nullopt;  // a wrapper around errors reported on their own
  }

  std::optional<SchemaProblem> missing(const std::string& pointer, const std::string& property,
                                       const nlohmann::json* subschema) {
    std::vector<std::string> alternatives = any_of_required(subschema);
    if (subschema && subschema->contains("x-aksc-message") &&
        std::find(alternatives.begin(), alternatives.end(), property) != alternatives.end()) {
      return std::nullopt;  // explained once by the anyOf's own message
    }
    std::string child = pointer_append(pointer, property);
    std::string where = pointer.empty() ? "" : " in " + quote(display_path(pointer));
    return SchemaProblem{pointer, true,
                         fmt::format("missing required field '{}'{}", property, where),
                         describe_field(child)};
  }

  // valijson names only the first key that neither `properties` nor `patternProperties` allows;
  // every such key of the mapping is reported. valijson also stops checking `patternProperties`
  // values at the first that fails and then calls the rest unknown, so each key allowed by a
  // pattern is validated on its own.
  std::vector<SchemaProblem> unknown_keys(const std::string& pointer, const std::string& first) {
    const nlohmann::json* subschema = schema_.subschema_at(pointer);
    const nlohmann::json* value = node_at(instance_, pointer);
    if (!value || !value->is_object()) return {unknown_key(pointer, first, subschema)};
    std::vector<SchemaProblem> problems;
    for (const auto& [key, unused] : value->items()) {
      bool named = subschema && subschema->contains("properties") &&
                   (*subschema)["properties"].contains(key);
      if (named) continue;
      if (!matches_pattern(subschema, key)) {
        problems.push_back(unknown_key(pointer, key, subschema));
        continue;
      }
      for (SchemaProblem& problem : validate_alone(pointer, key))
        problems.push_back(std::move(problem));
    }
    return problems;
  }

  static bool matches_pattern(const nlohmann::json* subschema, const std::string& key) {
    if (!subschema || !subschema->contains("patternProperties")) return false;
    for (const auto& [pattern, unused] : (*subschema)["patternProperties"].items()) {
      if (std::regex_search(key, std::regex(pattern))) return true;
    }
    return false;
  }

  // The problems of the entry `key` of the mapping at `pointer`, validated as its only entry.
  std::vector<SchemaProblem> validate_alone(const std::string& pointer, const std::string& key) {
    nlohmann::json alone = instance_;
    nlohmann::json& mapping = alone[nlohmann::json::json_pointer(pointer)];
    nlohmann::json entry = std::move(mapping[key]);
    mapping = nlohmann::json::object();
    mapping[key] = std::move(entry);
    std::string child = pointer_append(pointer, key);
    std::vector<SchemaProblem> problems;
    for (const auto& [path, description] : schema_.raw_errors(alone)) {
      if (path != child && path.rfind(child + "/", 0) != 0) continue;
      for (SchemaProblem& problem : explain(path, description))
        problems.push_back(std::move(problem));
    }
    return problems;
  }

  SchemaProblem unknown_key(const std::string& pointer, const std::string& key,
                            const nlohmann::json* subschema) {
    std::vector<std::string> names = property_names(subschema);
    if (pointer.empty()) drop_other_kinds(subschema, names);
    std::vector<std::string> patterns;
    if (subschema && subschema->contains("patternProperties")) {
      for (const auto& [pattern, unused] : (*subschema)["patternProperties"].items())
        patterns.push_back(pattern);
    }
    std::string where = pointer.empty() ? "" : " in " + quote(display_path(pointer));
    std::string help =
        names.empty() ? "remove it"
                      : "remove it or fix its spelling; the keys allowed here are " + join(names);
    if (names.empty() && !patterns.empty()) {
      help = "remove it or fix it; the keys here must match " + join(patterns, " or ");
    }
    // A pattern in words, where the schema gives them.
    if (subschema && subschema->contains("x-aksc-key-message") && names.empty()) {
      help = "remove it or fix it: " + (*subschema)["x-aksc-key-message"].get<std::string>();
    }
    return SchemaProblem{pointer_append(pointer, key), true,
                         fmt::format("unknown key '{}'{}{}", key, where, did_you_mean(key, names)),
                         help};
  }

  // The top-level keys of the other kind (x-aksc-kinds) are no spelling of this document's.
  void drop_other_kinds(const nlohmann::json* subschema, std::vector<std::string>& names) const {
    auto kind = instance_.find("kind");
    if (!subschema || kind == instance_.end() || !kind->is_string()) return;
    std::erase_if(names, [&](const std::string& name) {
      const nlohmann::json* property = schema_.child_schema(subschema, name);
      if (!property || !property->is_object() || !property->contains("x-aksc-kinds")) return false;
      const nlohmann::json& kinds = (*property)["x-aksc-kinds"];
      return std::find(kinds.begin(), kinds.end(), *kind) == kinds.end();
    });
  }

  SchemaProblem wrong_type(const std::string& pointer, const nlohmann::json& value,
                           const nlohmann::json& subschema) {
    std::string expected = expected_types(subschema);
    std::string message =
        fmt::format("{} must be {}, not {}", field_name(pointer), expected, describe_value(value));
    auto written = plain_text_.find(pointer);
    if (written != plain_text_.end() && written->second != value_json_text(value)) {
      message = fmt::format("{} must be {}; YAML reads {} as {}", field_name(pointer), expected,
                            written->second, describe_value(value));
    }
    std::string help = first_sentence(schema_.description(&subschema));
    std::string type = subschema.value("type", nlohmann::json()).is_string()
                           ? subschema["type"].get<std::string>()
                           : std::string();
    if (type == "string" && (value.is_number() || value.is_boolean())) {
      help = "quote the value, e.g. \"" + value_text(pointer) + "\": YAML reads it unquoted as " +
             describe_value(value);
    } else if ((type == "integer" || type == "boolean" || type == "number") && value.is_string()) {
      // Only a string that reads as the right type unquoted is fixed by dropping the quotes.
      nlohmann::json unquoted = resolve_plain_scalar(value.get<std::string>());
      bool fits = type == "boolean"   ? unquoted.is_boolean()
                  : type == "integer" ? unquoted.is_number_integer()
                                      : unquoted.is_number();
      if (fits) {
        help = "write the value without quotes";
      } else if (type == "boolean") {
        help =
            "write true or false, without quotes (YAML 1.2 reads yes, no, on and off as strings)";
      } else {
        help = type == "integer" ? "write a whole number, without quotes"
                                 : "write a number, without quotes";
      }
    }
    return {pointer, false, std::move(message), std::move(help)};
  }

  SchemaProblem bad_enum(const std::string& pointer, const nlohmann::json& value,
                         const nlohmann::json* subschema) {
    std::vector<std::string> values = enum_values(subschema);
    std::string written = clipped(value.is_string() ? value.get<std::string>() : value.dump());
    return {pointer, false,
            fmt::format("'{}' is not a valid value for {}{}", written, field_name(pointer),
                        did_you_mean(written, values)),
            "use one of: " + join(values)};
  }

  SchemaProblem bound(const std::string& pointer, const nlohmann::json& value,
                      const nlohmann::json& subschema, const std::string& description) {
    auto limit = [&](const char* key) { return subschema.value(key, nlohmann::json()).dump(); };
    std::string message;
    if (subschema.contains("minimum") && description.find("greater") != std::string::npos) {
      message = fmt::format("{} must be at least {}, not {}", field_name(pointer), limit("minimum"),
                            value.dump());
    } else if (subschema.contains("maximum") && description.find("less") != std::string::npos) {
      message = fmt::format("{} must be at most {}, not {}", field_name(pointer), limit("maximum"),
                            value.dump());
    } else {
      bool fewer = description.find("fewer") != std::string::npos;
      std::string count = limit(value.is_array() ? (fewer ? "minItems" : "maxItems")
                                                 : (fewer ? "minLength" : "maxLength"));
      std::string unit = value.is_array() ? "item" : "character";
      message = fmt::format("{} must have at {} {} {}{}", field_name(pointer),
                            fewer ? "least" : "most", count, unit, count == "1" ? "" : "s");
    }
    return {pointer, false, std::move(message), first_sentence(schema_.description(&subschema))};
  }

  std::string describe_field(const std::string& pointer) {
    const nlohmann::json* subschema = schema_.subschema_at(pointer);
    std::string sentence = first_sentence(schema_.description(subschema));
    return sentence.empty() ? "add it" : "add it: " + sentence;
  }

  std::string value_text(const std::string& pointer) {
    auto written = plain_text_.find(pointer);
    if (written != plain_text_.end()) return written->second;
    const nlohmann::json* value = node_at(instance_, pointer);
    if (!value) return {};
    if (value->is_boolean()) return value->get<bool>() ? "true" : "false";
    return value->dump();
  }

  const nlohmann::json& instance_;
  const Schema& schema_;
  const std::unordered_map<std::string, std::string>& plain_text_;
};

}  // namespace

std::string display_path(const std::string& pointer) {
  std::string result;
  std::size_t start = 1;
  while (start <= pointer.size()) {
    std::size_t slash = pointer.find('/', start);
    std::string token =
        pointer.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    start = slash == std::string::npos ? pointer.size() + 1 : slash + 1;
    for (std::size_t at = 0; (at = token.find("~1", at)) != std::string::npos; ++at)
      token.replace(at, 2, "/");
    for (std::size_t at = 0; (at = token.find("~0", at)) != std::string::npos; ++at)
      token.replace(at, 2, "~");
    bool index = !token.empty() && std::all_of(token.begin(), token.end(), ::isdigit);
    if (index) {
      result += "[" + token + "]";
    } else {
      if (!result.empty()) result += '.';
      result += token;
    }
  }
  return result;
}

std::vector<SchemaProblem> explain_schema_errors(
    const nlohmann::json& instance, const Schema& schema,
    const std::vector<std::pair<std::string, std::string>>& errors,
    const std::unordered_map<std::string, std::string>& plain_text) {
  Explainer explainer(instance, schema, plain_text);
  std::vector<SchemaProblem> problems;
  for (const auto& [pointer, description] : errors) {
    for (SchemaProblem& problem : explainer.explain(pointer, description)) {
      bool repeated = std::any_of(problems.begin(), problems.end(), [&](const SchemaProblem& p) {
        return p.pointer == problem.pointer && p.message == problem.message;
      });
      if (!repeated) problems.push_back(std::move(problem));
    }
  }
  return problems;
}

void append_mode_problems(const nlohmann::json& instance, const Schema& schema,
                          std::vector<SchemaProblem>& problems) {
  if (!instance.is_object()) return;
  auto mode_value = instance.find("mode");
  if (mode_value == instance.end() || !mode_value->is_string()) return;
  const std::string& mode = mode_value->get_ref<const std::string&>();
  const nlohmann::json* root = schema.subschema_at("");
  if (!root || !root->contains("properties")) return;
  // Compared as strings: comparing a json with a std::string builds a json of it each time.
  auto names_mode = [&mode](const nlohmann::json& names) {
    return std::any_of(names.begin(), names.end(), [&mode](const nlohmann::json& name) {
      return name.is_string() && name.get_ref<const std::string&>() == mode;
    });
  };
  const nlohmann::json* mode_schema = schema.child_schema(root, "mode");
  const nlohmann::json* modes_known = schema.enum_options(mode_schema);
  if (modes_known && !names_mode(*modes_known)) {
    return;  // an unknown mode is reported once, as a bad enum value
  }
  for (const auto& [key, value] : instance.items()) {
    const Schema::TopLevelNotes* notes = schema.top_level_notes(key);
    if (!notes || !notes->modes || names_mode(*notes->modes)) continue;
    const nlohmann::json* modes = notes->modes;
    std::vector<std::string> names = modes->get<std::vector<std::string>>();
    problems.push_back(
        {pointer_append("", key), true, fmt::format("'{}' does not apply to mode '{}'", key, mode),
         fmt::format("remove it; it applies only to mode {}", join(names, " and "))});
  }
}

}  // namespace aksc
