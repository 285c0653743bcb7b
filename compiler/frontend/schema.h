#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "diag/finding_sink.h"
#include "frontend/schema_conformance.h"
#include "frontend/yaml_document.h"

namespace aksc {

/// A JSON Schema (draft-07) for valijson, with its JSON kept to explain failures in plain words.
/// Schemas are compiled once per process, when a document first needs it.
class Schema {
 public:
  /// The embedded schema `schemas/<name>`, compiled from its lean copy (frontend/lean_schemas.h);
  /// throws std::logic_error if it is missing or broken (a build defect, caught by the tests).
  static const Schema& embedded(std::string_view name);

  /// Compiles `json`. Its descriptions are read from `annotated`, the text of the same schema
  /// with its annotations, parsed the first time one is asked for; when that is empty, from
  /// `json` itself.
  explicit Schema(nlohmann::json json, std::string_view annotated = {});
  ~Schema();

  const nlohmann::json& json() const { return json_; }
  /// The `description` of `subschema` (a node of json()), or "" when it has none.
  std::string description(const nlohmann::json* subschema) const;
  /// The subschema describing the node at `pointer` of a document, following `properties`,
  /// `additionalProperties`, `items` and local `$ref`s; nullptr when the schema says nothing.
  const nlohmann::json* subschema_at(std::string_view pointer) const;
  /// The subschema of the member `token` (a key or an index, unescaped) of a node described by
  /// `schema`, with local `$ref`s followed; nullptr when the schema says nothing about it.
  const nlohmann::json* child_schema(const nlohmann::json* schema, std::string_view token) const;
  /// The `enum` array of `subschema` (a node of json()), or nullptr when it has none.
  const nlohmann::json* enum_options(const nlohmann::json* subschema) const;
  /// False when neither `subschema` nor any schema child_schema reaches from it has an `enum`:
  /// canonicalize_enums skips what it describes.
  bool may_hold_enum(const nlohmann::json* subschema) const;
  /// What aksc's own keywords say of a member of a document's top level: the kinds
  /// (`x-aksc-kinds`, with `x-aksc-kind-help`) and modes (`x-aksc-modes`) it applies to, each
  /// nullptr when its schema does not say.
  struct TopLevelNotes {
    const nlohmann::json* kinds = nullptr;
    const nlohmann::json* kind_help = nullptr;
    const nlohmann::json* modes = nullptr;
  };
  /// The notes of the top-level member `name` (its property's schema, or the schema of any
  /// other member), found once per process; nullptr when that schema is not an object.
  const TopLevelNotes* top_level_notes(std::string_view name) const;
  /// Validates `instance` and returns valijson's raw errors as (path, description) pairs. A
  /// document that the quick look (ConformancePlan) finds valid has none, and needs no valijson.
  std::vector<std::pair<std::string, std::string>> raw_errors(const nlohmann::json& instance) const;
  /// raw_errors without the quick look: valijson always (the tests compare the two).
  std::vector<std::pair<std::string, std::string>> valijson_errors(
      const nlohmann::json& instance) const;

 private:
  const nlohmann::json* follow_ref(const nlohmann::json* schema) const;
  void index_refs(const nlohmann::json& node);
  void index_members(const nlohmann::json& node);
  void mark_enums_below();
  void note_top_level();

  // The annotated schema and, for each node of json_, the node it came from; built once, on
  // the first description asked for (only messages need them).
  struct Annotations {
    nlohmann::json json;
    std::unordered_map<const nlohmann::json*, const nlohmann::json*> source_of;
  };
  const Annotations& annotations() const;

  nlohmann::json json_;
  ConformancePlan conformance_{json_};  // after json_, which it points into
  std::string_view annotated_;
  mutable std::once_flag annotations_built_;
  mutable std::unique_ptr<Annotations> annotations_;
  // The target of every local `$ref` in json_, by the address of the object holding it (nullptr
  // for one that points nowhere): resolved once, not per document node.
  std::unordered_map<const nlohmann::json*, const nlohmann::json*> ref_targets_;
  // What child_schema and enum_options read of each object of json_, found once: looking
  // "properties" up by name for every node of every document was a tenth of a lint.
  struct Members {
    const nlohmann::json* properties = nullptr;  // when an object
    const nlohmann::json* any_other = nullptr;   // items, additionalProperties or the only
                                                 // patternProperties, $ref followed
    const nlohmann::json* enum_options = nullptr;
    bool enum_below = true;  // this or a schema below has an enum (mark_enums_below)
  };
  std::unordered_map<const nlohmann::json*, Members> members_;
  // top_level_notes by property name (nullopt where that schema is not an object), and for any
  // other member.
  std::map<std::string, std::optional<TopLevelNotes>, std::less<>> top_level_;
  std::optional<TopLevelNotes> top_level_other_;
  // valijson's form of json_, compiled the first time a document needs it: most documents are
  // judged valid without it, and compiling costs a one-spec run more than its spec.
  struct Compiled;
  const Compiled& compiled() const;
  mutable std::once_flag compiled_once_;
  mutable std::unique_ptr<Compiled> compiled_;
};

/// Rewrites every string whose schema has an `enum` to the enum's own spelling when they match
/// case-insensitively, as aksc accepts `fastprod` for `FastProd`.
void canonicalize_enums(YamlDocument& document, const Schema& schema);

/// Validates `document` against `schema` and reports every failure as a finding of `rule` at
/// the YAML node's line:col, in plain words, with a did-you-mean for unknown keys and enum
/// values. Also reports fields that do not apply to the document's `mode` (`x-aksc-modes`).
/// Returns the JSON pointers of the nodes found invalid.
InvalidPointers validate_document(const YamlDocument& document, const Schema& schema,
                                  const std::string& file, std::string_view rule,
                                  FindingSink& sink);

}  // namespace aksc
