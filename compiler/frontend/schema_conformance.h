#pragma once

#include <memory>

#include <nlohmann/json.hpp>

namespace aksc {

/// What a quick look at a document says about a JSON Schema.
enum class Conformance {
  kConforms,  ///< Valid: no schema error to find.
  kFails,     ///< Invalid: a keyword it knows is broken.
  kUnknown,   ///< It cannot tell: a keyword, or a kind of value, it does not judge.
};

/// A quick look at documents against one JSON Schema (draft-07): a small interpreter of the
/// keywords aksc's schemas use, with valijson's strong types and its ways of counting and
/// matching (code points up to a NUL, std::regex searches). Most documents conform, and for them
/// this replaces compiling and running valijson; anything else is left to valijson, which finds
/// and explains the errors. It answers kUnknown rather than guess: $ref, exclusive bounds,
/// numbers in `enum` or `const`, strings holding a NUL. Each subschema's keywords are looked up
/// once, when the plan is made. `schema` must outlive the plan and stay unchanged.
class ConformancePlan {
 public:
  explicit ConformancePlan(const nlohmann::json& schema);
  ~ConformancePlan();
  ConformancePlan(const ConformancePlan&) = delete;
  ConformancePlan& operator=(const ConformancePlan&) = delete;

  /// What the quick look says about `instance`.
  Conformance check(const nlohmann::json& instance) const;

 private:
  struct Nodes;
  const nlohmann::json* root_;
  std::unique_ptr<Nodes> nodes_;
};

}  // namespace aksc
