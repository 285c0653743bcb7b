#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "diag/source_range.h"
#include "ir/spec.h"
#include "support/string_hash.h"

namespace aksc {

/// Where each member of a resolved spec was written, by JSON pointer ("" is the spec): a
/// written field's value, a defaulted field's parent, an object's key.
class ResolvedRanges {
 public:
  void record(std::string pointer, SourceRange range) {
    if (range.known()) ranges_.emplace(std::move(pointer), range);
  }
  /// The range of `pointer`, or of its nearest ancestor with one; unknown when none has.
  SourceRange locate(std::string_view pointer) const;

 private:
  std::unordered_map<std::string, SourceRange, StringHash, std::equal_to<>> ranges_;
};

/// The spec as policies and `aksc show --resolved` see it (SPEC-2 §D): the spec's own field
/// names, SDK spellings normalized, defaults applied, the cluster facts read from `facts_from`
/// merged into `cluster.facts`. Fields that are absent or that the schema rejected are left
/// out. Fills `ranges` when given (only a failing policy needs them).
nlohmann::json resolve_spec(const ir::Spec& spec, ResolvedRanges* ranges = nullptr);

}  // namespace aksc
