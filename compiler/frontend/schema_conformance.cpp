#include "frontend/schema_conformance.h"

#include <algorithm>
#include <memory>
#include <mutex>
#include <optional>
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

// A pattern's std::regex, compiled once per process the first time a document needs it
// (compiling one costs more than checking a spec) and then searched from any thread: searching
// only reads it.
class LazyRegex {
 public:
  explicit LazyRegex(std::string pattern) : pattern_(std::move(pattern)) {}
  /// nullptr when std::regex refuses the pattern.
  const std::regex* get() const {
    std::call_once(compiled_, [this] {
      try {
        regex_ = std::make_unique<std::regex>(pattern_);
      } catch (const std::regex_error&) {
      }
    });
    return regex_.get();
  }

 private:
  std::string pattern_;
  mutable std::once_flag compiled_;
  mutable std::unique_ptr<std::regex> regex_;
};

// Code points, as valijson counts them; nullopt for a string holding a NUL, where valijson's
// count stops.
std::optional<std::size_t> code_points(const std::string& text) {
  if (text.find('\0') != std::string::npos) return std::nullopt;
  std::size_t count = 0;
  for (char c : text)
    count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

// JSON types as bits, so that a `type` keyword is a mask made once per schema.
enum TypeBit : unsigned {
  kString = 1,
  kInteger = 2,
  kNumber = 4,
  kBoolean = 8,
  kObject = 16,
  kArray = 32,
  kNull = 64,
};

// The bit of a `type` name; 0 for a name that is not one.
unsigned type_bit(const json& name) {
  if (!name.is_string()) return 0;
  std::string_view type = name.get_ref<const std::string&>();
  if (type == "string") return kString;
  if (type == "integer") return kInteger;
  if (type == "number") return kNumber;
  if (type == "boolean") return kBoolean;
  if (type == "object") return kObject;
  if (type == "array") return kArray;
  if (type == "null") return kNull;
  return 0;
}

// The types a `type` keyword allows: one name or a list of them (an empty list allows none);
// nullopt when one is not a type name.
std::optional<unsigned> type_mask(const json& argument) {
  if (!argument.is_array()) {
    unsigned bit = type_bit(argument);
    return bit == 0 ? std::nullopt : std::optional<unsigned>(bit);
  }
  unsigned mask = 0;
  for (const json& name : argument) {
    unsigned bit = type_bit(name);
    if (bit == 0) return std::nullopt;
    mask |= bit;
  }
  return mask;
}

// The types a value has: an integer is a number too, under valijson's strong types.
unsigned types_of(const json& value) {
  if (value.is_string()) return kString;
  if (value.is_number_integer()) return kInteger | kNumber;
  if (value.is_number()) return kNumber;
  if (value.is_boolean()) return kBoolean;
  if (value.is_object()) return kObject;
  if (value.is_array()) return kArray;
  if (value.is_null()) return kNull;
  return 0;
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
// judgement as walking the schema's JSON, in the same order (its keys' order), with what each
// keyword names found in advance (the plans of its subschemas, a `type` as a mask, a pattern's
// regex). A subschema that is not an object has no plan (nullptr): it is not judged.
struct PlanNode {
  struct Step {
    Keyword keyword = Keyword::kUnknown;
    const json* argument = nullptr;
    const PlanNode* subschema = nullptr;    // items, not, if
    std::vector<const PlanNode*> branches;  // allOf, anyOf, oneOf
    std::optional<unsigned> types;          // type; nullopt when a name is not a type
    const LazyRegex* regex = nullptr;       // pattern
  };
  struct Property {
    std::string_view name;  // a key of the schema's `properties`, in their order
    const PlanNode* schema;
  };
  struct Pattern {
    const LazyRegex* regex;
    const PlanNode* schema;
  };
  std::vector<Step> steps;
  bool has_members = false;
  // properties, patternProperties and additionalProperties, and the partners of `if`, as
  // written (nullptr when absent) and planned.
  const json* properties = nullptr;
  const json* patterns = nullptr;
  const json* additional = nullptr;
  const json* then_branch = nullptr;
  const json* else_branch = nullptr;
  std::vector<Property> planned_properties;  // sorted by name, as an object's members are
  std::vector<Pattern> planned_patterns;
  const PlanNode* planned_additional = nullptr;
  const PlanNode* planned_then = nullptr;
  const PlanNode* planned_else = nullptr;
};

}  // namespace

struct ConformancePlan::Nodes {
  std::unordered_map<const json*, PlanNode> by_schema;
  std::unordered_map<std::string, LazyRegex> regexes;  // by pattern

  const PlanNode* plan_of(const json* schema) const {
    if (!schema) return nullptr;
    auto found = by_schema.find(schema);
    return found == by_schema.end() ? nullptr : &found->second;
  }
  const LazyRegex* regex_for(const std::string& pattern) {
    return &regexes.try_emplace(pattern, pattern).first->second;
  }
  void link(PlanNode& node);
};

// Fills in what a node's keywords name, once every subschema has its node.
void ConformancePlan::Nodes::link(PlanNode& node) {
  for (PlanNode::Step& step : node.steps) {
    const json& argument = *step.argument;
    switch (step.keyword) {
      case Keyword::kItems:
      case Keyword::kNot:
      case Keyword::kIf:
        step.subschema = plan_of(&argument);
        break;
      case Keyword::kAllOf:
      case Keyword::kAnyOf:
      case Keyword::kOneOf:
        if (argument.is_array()) {
          for (const json& branch : argument)
            step.branches.push_back(plan_of(&branch));
        }
        break;
      case Keyword::kType:
        step.types = type_mask(argument);
        break;
      case Keyword::kPattern:
        if (argument.is_string()) step.regex = regex_for(argument.get_ref<const std::string&>());
        break;
      default:
        break;
    }
  }
  if (node.properties && node.properties->is_object()) {
    for (auto member = node.properties->begin(); member != node.properties->end(); ++member)
      node.planned_properties.push_back({member.key(), plan_of(&member.value())});
  }
  if (node.patterns && node.patterns->is_object()) {
    for (auto member = node.patterns->begin(); member != node.patterns->end(); ++member)
      node.planned_patterns.push_back({regex_for(member.key()), plan_of(&member.value())});
  }
  node.planned_additional = plan_of(node.additional);
  node.planned_then = plan_of(node.then_branch);
  node.planned_else = plan_of(node.else_branch);
}

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
      if (keyword != Keyword::kAnnotation) {
        PlanNode::Step& step = planned.steps.emplace_back();
        step.keyword = keyword;
        step.argument = &argument;
      }
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
  for (auto& entry : nodes_->by_schema)
    nodes_->link(entry.second);
}

ConformancePlan::~ConformancePlan() = default;

namespace {

class Checker {
 public:
  Conformance check(const json& value, const PlanNode* node) {
    if (!node) return Conformance::kUnknown;  // not an object
    AllHold all;
    for (const PlanNode::Step& step : node->steps) {
      if (all.add(check_keyword(step, value, *node))) return all.verdict();
    }
    if (node->has_members) all.add(members(value, *node));
    return all.verdict();
  }

 private:
  Conformance check_keyword(const PlanNode::Step& step, const json& value, const PlanNode& schema) {
    const json& argument = *step.argument;
    switch (step.keyword) {
      case Keyword::kAnnotation:
      case Keyword::kMembers:  // judged together, after the others
      case Keyword::kPartner:  // judged with `if`
        return Conformance::kConforms;
      case Keyword::kType:
        if (!step.types) return Conformance::kUnknown;
        return from_bool((types_of(value) & *step.types) != 0);
      case Keyword::kEnum:
        return one_of_strings(value, argument);
      case Keyword::kConst:
        return equal_strings(value, argument);
      case Keyword::kMinLength:
      case Keyword::kMaxLength:
        return length(step.keyword, value, argument);
      case Keyword::kPattern:
        return pattern(value, step.regex);
      case Keyword::kMinimum:
      case Keyword::kMaximum:
        return bound(step.keyword, value, argument);
      case Keyword::kMinItems:
      case Keyword::kMaxItems:
        return items_count(step.keyword, value, argument);
      case Keyword::kRequired:
        return required(value, argument);
      case Keyword::kItems:
        return items(value, argument, step.subschema);
      case Keyword::kAllOf:
      case Keyword::kAnyOf:
      case Keyword::kOneOf:
        return combination(step.keyword, value, argument, step.branches);
      case Keyword::kNot:
        return negation(check(value, step.subschema));
      case Keyword::kIf:
        return conditional(value, step.subschema, schema);
      case Keyword::kUnknown:
        break;
    }
    return Conformance::kUnknown;
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

  // `regex` is nullptr when the pattern is not a string.
  static Conformance pattern(const json& value, const LazyRegex* regex) {
    if (!regex) return Conformance::kUnknown;
    if (!value.is_string()) return Conformance::kConforms;
    const std::regex* compiled = regex->get();
    if (!compiled) return Conformance::kUnknown;
    return from_bool(std::regex_search(value.get_ref<const std::string&>(), *compiled));
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

  Conformance items(const json& value, const json& argument, const PlanNode* schema) {
    if (!argument.is_object()) return Conformance::kUnknown;  // tuples and booleans
    if (!value.is_array()) return Conformance::kConforms;
    AllHold all;
    for (const json& item : value) {
      if (all.add(check(item, schema))) break;
    }
    return all.verdict();
  }

  // `properties`, `patternProperties` and `additionalProperties` together: each member is
  // judged by its property's schema, by every pattern its key matches, and when neither names
  // it, by `additionalProperties` (absent or true: anything; false: nothing). An object's
  // members and the schema's properties come sorted by name alike, so one pass over both finds
  // each member's property.
  Conformance members(const json& value, const PlanNode& schema) {
    if (schema.properties && !schema.properties->is_object()) return Conformance::kUnknown;
    if (schema.patterns && !schema.patterns->is_object()) return Conformance::kUnknown;
    const json* additional = schema.additional;
    if (additional && !additional->is_boolean() && !additional->is_object()) {
      return Conformance::kUnknown;
    }
    if (!value.is_object()) return Conformance::kConforms;
    const std::vector<PlanNode::Property>& properties = schema.planned_properties;
    std::size_t next_property = 0;
    AllHold all;
    for (const auto& [key, member] : value.get_ref<const json::object_t&>()) {
      bool named = false;
      Conformance result = Conformance::kConforms;
      std::string_view name = key;
      while (next_property < properties.size() && properties[next_property].name < name)
        ++next_property;
      if (next_property < properties.size() && properties[next_property].name == name) {
        named = true;
        result = check(member, properties[next_property].schema);
      }
      for (const PlanNode::Pattern& pattern : schema.planned_patterns) {
        if (result == Conformance::kFails) break;
        const std::regex* regex = pattern.regex->get();
        if (!regex) return Conformance::kUnknown;
        if (!std::regex_search(key, *regex)) continue;
        named = true;
        Conformance matched = check(member, pattern.schema);
        if (matched != Conformance::kConforms) result = matched;
      }
      if (!named && additional) {
        result = additional->is_boolean() ? from_bool(additional->get<bool>())
                                          : check(member, schema.planned_additional);
      }
      if (all.add(result)) break;
    }
    return all.verdict();
  }

  Conformance combination(Keyword keyword, const json& value, const json& argument,
                          const std::vector<const PlanNode*>& branches) {
    if (!argument.is_array() || branches.empty()) return Conformance::kUnknown;
    if (keyword == Keyword::kAllOf) {
      AllHold all;
      for (const PlanNode* branch : branches) {
        if (all.add(check(value, branch))) break;
      }
      return all.verdict();
    }
    int conforming = 0;
    bool unknown = false;
    for (const PlanNode* branch : branches) {
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

  Conformance conditional(const json& value, const PlanNode* condition, const PlanNode& schema) {
    Conformance test = check(value, condition);
    if (test == Conformance::kUnknown) return test;
    bool then = test == Conformance::kConforms;
    const json* branch = then ? schema.then_branch : schema.else_branch;
    if (!branch) return Conformance::kConforms;
    return check(value, then ? schema.planned_then : schema.planned_else);
  }
};

}  // namespace

Conformance ConformancePlan::check(const json& instance) const {
  return Checker().check(instance, nodes_->plan_of(root_));
}

}  // namespace aksc
