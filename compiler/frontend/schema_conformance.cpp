#include "frontend/schema_conformance.h"

#include <algorithm>
#include <regex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace aksc {
namespace {

using nlohmann::json;

Conformance from_bool(bool conforms) {
  return conforms ? Conformance::kConforms : Conformance::kFails;
}

enum class Keyword {
  kAnnotation,  // says something about the schema, asks nothing of a document
  kMembers,     // properties, patternProperties, additionalProperties: judged together
  kPartner,     // then, else: judged with `if`
  kType,
  kEnum,
  kConst,
  kMinLength,
  kMaxLength,
  kPattern,
  kMinimum,
  kMaximum,
  kMinItems,
  kMaxItems,
  kRequired,
  kItems,
  kAllOf,
  kAnyOf,
  kOneOf,
  kNot,
  kIf,
  kUnknown,  // $ref, exclusive bounds, formats...: valijson judges
};

// By a table of views, not a chain of std::string == "literal" (a strlen and a compare each):
// the keyword of every schema node is looked up for every document.
Keyword keyword_of(std::string_view name) {
  static constexpr std::pair<std::string_view, Keyword> kKeywords[] = {
      {"type", Keyword::kType},
      {"properties", Keyword::kMembers},
      {"additionalProperties", Keyword::kMembers},
      {"patternProperties", Keyword::kMembers},
      {"required", Keyword::kRequired},
      {"enum", Keyword::kEnum},
      {"const", Keyword::kConst},
      {"pattern", Keyword::kPattern},
      {"minLength", Keyword::kMinLength},
      {"maxLength", Keyword::kMaxLength},
      {"minimum", Keyword::kMinimum},
      {"maximum", Keyword::kMaximum},
      {"items", Keyword::kItems},
      {"minItems", Keyword::kMinItems},
      {"maxItems", Keyword::kMaxItems},
      {"allOf", Keyword::kAllOf},
      {"anyOf", Keyword::kAnyOf},
      {"oneOf", Keyword::kOneOf},
      {"not", Keyword::kNot},
      {"if", Keyword::kIf},
      {"then", Keyword::kPartner},
      {"else", Keyword::kPartner},
      {"$schema", Keyword::kAnnotation},
      {"$id", Keyword::kAnnotation},
      {"$comment", Keyword::kAnnotation},
      {"title", Keyword::kAnnotation},
      {"description", Keyword::kAnnotation},
      {"default", Keyword::kAnnotation},
      {"examples", Keyword::kAnnotation},
  };
  for (const auto& [text, keyword] : kKeywords) {
    if (text == name) return keyword;
  }
  // aksc's own (x-aksc-modes, x-aksc-message) annotate; anything else is valijson's to judge.
  return name.substr(0, 2) == "x-" ? Keyword::kAnnotation : Keyword::kUnknown;
}

// A std::regex per pattern and thread, as valijson keeps them: compiled once, searched often.
const std::regex* compiled_pattern(const std::string& pattern) {
  thread_local std::unordered_map<std::string, std::regex> cache;
  auto found = cache.find(pattern);
  if (found != cache.end()) return &found->second;
  try {
    return &cache.emplace(pattern, std::regex(pattern)).first->second;
  } catch (const std::regex_error&) {
    return nullptr;
  }
}

// Code points, as valijson counts them; nullopt for a string holding a NUL, where valijson's
// count stops.
std::optional<std::size_t> code_points(const std::string& text) {
  if (text.find('\0') != std::string::npos) return std::nullopt;
  std::size_t count = 0;
  for (char c : text)
    count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

std::optional<bool> has_type(const json& value, const json& name) {
  if (!name.is_string()) return std::nullopt;
  std::string_view type = name.get_ref<const std::string&>();
  if (type == "string") return value.is_string();
  if (type == "integer") return value.is_number_integer();
  if (type == "number") return value.is_number();
  if (type == "boolean") return value.is_boolean();
  if (type == "object") return value.is_object();
  if (type == "array") return value.is_array();
  if (type == "null") return value.is_null();
  return std::nullopt;
}

// The verdict on parts that must all hold (keywords, items, members, allOf branches): the first
// failure decides; otherwise one part not judged leaves the whole not judged.
class AllHold {
 public:
  /// Adds a part's verdict; true once one has failed, when the rest need not be judged.
  bool add(Conformance part) {
    if (part == Conformance::kFails) failed_ = true;
    if (part == Conformance::kUnknown) unknown_ = true;
    return failed_;
  }
  Conformance verdict() const {
    if (failed_) return Conformance::kFails;
    return unknown_ ? Conformance::kUnknown : Conformance::kConforms;
  }

 private:
  bool failed_ = false;
  bool unknown_ = false;
};

// A subschema's keywords, looked up once per process instead of per document: the same
// judgement as walking the schema's JSON, in the same order (its keys' order).
struct PlanNode {
  struct Step {
    Keyword keyword;
    const json* argument;
  };
  std::vector<Step> steps;
  bool has_members = false;
  // properties, patternProperties and additionalProperties, and the partners of `if`.
  const json* properties = nullptr;
  const json* patterns = nullptr;
  const json* additional = nullptr;
  const json* then_branch = nullptr;
  const json* else_branch = nullptr;
};

}  // namespace

struct ConformancePlan::Nodes {
  std::unordered_map<const json*, PlanNode> by_schema;
};

ConformancePlan::ConformancePlan(const json& schema)
    : root_(&schema), nodes_(std::make_unique<Nodes>()) {
  // Only subschemas get a plan: the schemas under the keywords that hold them, not the maps of
  // property names or the values of `enum`, `const` and `default`.
  std::vector<const json*> pending{&schema};
  auto add_subschema = [&pending](const json& node) {
    if (node.is_object()) pending.push_back(&node);
  };
  while (!pending.empty()) {
    const json& node = *pending.back();
    pending.pop_back();
    auto [entry, added] = nodes_->by_schema.try_emplace(&node);
    if (!added) continue;
    PlanNode& planned = entry->second;
    planned.steps.reserve(node.size());
    for (auto member = node.begin(); member != node.end(); ++member) {
      const std::string& name = member.key();
      const json& argument = member.value();
      Keyword keyword = keyword_of(name);
      planned.has_members = planned.has_members || keyword == Keyword::kMembers;
      if (keyword != Keyword::kAnnotation) planned.steps.push_back({keyword, &argument});
      if (name == "properties") planned.properties = &argument;
      if (name == "patternProperties") planned.patterns = &argument;
      if (name == "additionalProperties") planned.additional = &argument;
      if (name == "then") planned.then_branch = &argument;
      if (name == "else") planned.else_branch = &argument;
      if (name == "properties" || name == "patternProperties" || name == "definitions" ||
          name == "$defs") {
        if (argument.is_object()) std::for_each(argument.begin(), argument.end(), add_subschema);
      } else if (name == "allOf" || name == "anyOf" || name == "oneOf") {
        if (argument.is_array()) std::for_each(argument.begin(), argument.end(), add_subschema);
      } else if (name == "additionalProperties" || name == "items" || name == "not" ||
                 name == "if" || name == "then" || name == "else") {
        add_subschema(argument);
      }
    }
  }
}

ConformancePlan::~ConformancePlan() = default;

namespace {

class Checker {
 public:
  explicit Checker(const std::unordered_map<const json*, PlanNode>& plan) : plan_(plan) {}

  Conformance check(const json& value, const json& schema) {
    auto planned = plan_.find(&schema);
    if (planned == plan_.end()) return Conformance::kUnknown;  // not an object
    const PlanNode& node = planned->second;
    AllHold all;
    for (const PlanNode::Step& step : node.steps) {
      if (all.add(check_keyword(step.keyword, *step.argument, value, node))) return all.verdict();
    }
    if (node.has_members) all.add(members(value, node));
    return all.verdict();
  }

 private:
  Conformance check_keyword(Keyword keyword, const json& argument, const json& value,
                            const PlanNode& schema) {
    switch (keyword) {
      case Keyword::kAnnotation:
      case Keyword::kMembers:  // judged together, after the others
      case Keyword::kPartner:  // judged with `if`
        return Conformance::kConforms;
      case Keyword::kType:
        return type(value, argument);
      case Keyword::kEnum:
        return one_of_strings(value, argument);
      case Keyword::kConst:
        return equal_strings(value, argument);
      case Keyword::kMinLength:
      case Keyword::kMaxLength:
        return length(keyword, value, argument);
      case Keyword::kPattern:
        return pattern(value, argument);
      case Keyword::kMinimum:
      case Keyword::kMaximum:
        return bound(keyword, value, argument);
      case Keyword::kMinItems:
      case Keyword::kMaxItems:
        return items_count(keyword, value, argument);
      case Keyword::kRequired:
        return required(value, argument);
      case Keyword::kItems:
        return items(value, argument);
      case Keyword::kAllOf:
      case Keyword::kAnyOf:
      case Keyword::kOneOf:
        return combination(keyword, value, argument);
      case Keyword::kNot:
        return negation(check(value, argument));
      case Keyword::kIf:
        return conditional(value, argument, schema);
      case Keyword::kUnknown:
        break;
    }
    return Conformance::kUnknown;
  }

  static Conformance type(const json& value, const json& argument) {
    if (!argument.is_array()) {
      std::optional<bool> matches = has_type(value, argument);
      return matches ? from_bool(*matches) : Conformance::kUnknown;
    }
    bool any = false;
    for (const json& name : argument) {
      std::optional<bool> matches = has_type(value, name);
      if (!matches) return Conformance::kUnknown;
      any = any || *matches;
    }
    return from_bool(any);
  }

  // An `enum` judged for strings and booleans (the extension's settings list true, false,
  // "True" and "False"): under strong types neither equals a value of another type.
  static Conformance one_of_strings(const json& value, const json& options) {
    if (!options.is_array()) return Conformance::kUnknown;
    if (value.is_boolean()) {
      bool flag = value.get<bool>();
      bool listed = std::any_of(options.begin(), options.end(), [flag](const json& option) {
        return option.is_boolean() && option.get<bool>() == flag;
      });
      return from_bool(listed);
    }
    if (!value.is_string()) return Conformance::kUnknown;
    for (const json& option : options) {
      if (option.is_string() &&
          option.get_ref<const std::string&>() == value.get_ref<const std::string&>()) {
        return Conformance::kConforms;
      }
    }
    return Conformance::kFails;
  }

  static Conformance equal_strings(const json& value, const json& argument) {
    if (!value.is_string() || !argument.is_string()) return Conformance::kUnknown;
    return from_bool(value.get_ref<const std::string&>() == argument.get_ref<const std::string&>());
  }

  static Conformance length(Keyword keyword, const json& value, const json& argument) {
    if (!argument.is_number_unsigned()) return Conformance::kUnknown;
    if (!value.is_string()) return Conformance::kConforms;
    std::optional<std::size_t> count = code_points(value.get_ref<const std::string&>());
    if (!count) return Conformance::kUnknown;
    auto limit = argument.get<std::uint64_t>();
    return from_bool(keyword == Keyword::kMinLength ? *count >= limit : *count <= limit);
  }

  static Conformance pattern(const json& value, const json& argument) {
    if (!argument.is_string()) return Conformance::kUnknown;
    if (!value.is_string()) return Conformance::kConforms;
    const std::regex* regex = compiled_pattern(argument.get_ref<const std::string&>());
    if (!regex) return Conformance::kUnknown;
    return from_bool(std::regex_search(value.get_ref<const std::string&>(), *regex));
  }

  static Conformance bound(Keyword keyword, const json& value, const json& argument) {
    if (!argument.is_number()) return Conformance::kUnknown;
    if (!value.is_number()) return Conformance::kConforms;
    double number = value.get<double>();
    double limit = argument.get<double>();
    // As valijson compares: a NaN breaks neither bound.
    return from_bool(keyword == Keyword::kMinimum ? !(number < limit) : !(number > limit));
  }

  static Conformance items_count(Keyword keyword, const json& value, const json& argument) {
    if (!argument.is_number_unsigned()) return Conformance::kUnknown;
    if (!value.is_array()) return Conformance::kConforms;
    auto limit = argument.get<std::uint64_t>();
    return from_bool(keyword == Keyword::kMinItems ? value.size() >= limit : value.size() <= limit);
  }

  static Conformance required(const json& value, const json& argument) {
    if (!argument.is_array()) return Conformance::kUnknown;
    for (const json& name : argument) {
      if (!name.is_string()) return Conformance::kUnknown;
    }
    if (!value.is_object()) return Conformance::kConforms;
    for (const json& name : argument) {
      if (!value.contains(name.get_ref<const std::string&>())) return Conformance::kFails;
    }
    return Conformance::kConforms;
  }

  Conformance items(const json& value, const json& argument) {
    if (!argument.is_object()) return Conformance::kUnknown;  // tuples and booleans
    if (!value.is_array()) return Conformance::kConforms;
    AllHold all;
    for (const json& item : value) {
      if (all.add(check(item, argument))) break;
    }
    return all.verdict();
  }

  // `properties`, `patternProperties` and `additionalProperties` together: each member is
  // judged by its property's schema, by every pattern its key matches, and when neither names
  // it, by `additionalProperties` (absent or true: anything; false: nothing).
  Conformance members(const json& value, const PlanNode& schema) {
    static const json empty = json::object();
    const json& properties = schema.properties ? *schema.properties : empty;
    const json& patterns = schema.patterns ? *schema.patterns : empty;
    const json* additional = schema.additional;
    if (!properties.is_object() || !patterns.is_object()) return Conformance::kUnknown;
    if (additional && !additional->is_boolean() && !additional->is_object()) {
      return Conformance::kUnknown;
    }
    if (!value.is_object()) return Conformance::kConforms;
    AllHold all;
    for (const auto& [key, member] : value.items()) {
      bool named = false;
      Conformance result = Conformance::kConforms;
      auto property = properties.find(key);
      if (property != properties.end()) {
        named = true;
        result = check(member, *property);
      }
      for (const auto& [pattern, subschema] : patterns.items()) {
        if (result == Conformance::kFails) break;
        const std::regex* regex = compiled_pattern(pattern);
        if (!regex) return Conformance::kUnknown;
        if (!std::regex_search(key, *regex)) continue;
        named = true;
        Conformance matched = check(member, subschema);
        if (matched != Conformance::kConforms) result = matched;
      }
      if (!named && additional) {
        result = additional->is_boolean() ? from_bool(additional->get<bool>())
                                          : check(member, *additional);
      }
      if (all.add(result)) break;
    }
    return all.verdict();
  }

  Conformance combination(Keyword keyword, const json& value, const json& branches) {
    if (!branches.is_array() || branches.empty()) return Conformance::kUnknown;
    if (keyword == Keyword::kAllOf) {
      AllHold all;
      for (const json& branch : branches) {
        if (all.add(check(value, branch))) break;
      }
      return all.verdict();
    }
    int conforming = 0;
    bool unknown = false;
    for (const json& branch : branches) {
      Conformance result = check(value, branch);
      if (result == Conformance::kUnknown) unknown = true;
      if (result == Conformance::kConforms) ++conforming;
    }
    if (keyword == Keyword::kAnyOf && conforming > 0) return Conformance::kConforms;
    if (unknown) return Conformance::kUnknown;
    return from_bool(keyword == Keyword::kAnyOf ? conforming > 0 : conforming == 1);
  }

  static Conformance negation(Conformance result) {
    if (result == Conformance::kUnknown) return result;
    return from_bool(result == Conformance::kFails);
  }

  Conformance conditional(const json& value, const json& condition, const PlanNode& schema) {
    Conformance test = check(value, condition);
    if (test == Conformance::kUnknown) return test;
    const json* branch = test == Conformance::kConforms ? schema.then_branch : schema.else_branch;
    return branch ? check(value, *branch) : Conformance::kConforms;
  }

  const std::unordered_map<const json*, PlanNode>& plan_;
};

}  // namespace

Conformance ConformancePlan::check(const json& instance) const {
  return Checker(nodes_->by_schema).check(instance, *root_);
}

}  // namespace aksc
