#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "diag/severity.h"
#include "diag/source_range.h"
#include "ir/spec.h"
#include "policy/policy_schema.h"

namespace aksc {

/// One `kind: Policy` document (SPEC-2 §D), checked and compiled.
struct Policy {
  std::string id;  ///< ORG-NET-001
  std::string title;
  Severity severity = Severity::kError;
  std::string message;
  std::string help;
  std::string source;                        ///< Where the organisation documents it; may be empty.
  std::vector<ir::Kind> kinds;               ///< applies_to.kinds; empty = every kind.
  std::vector<ir::Mode> modes;               ///< applies_to.modes; empty = every mode.
  std::shared_ptr<const PolicySchema> when;  ///< null: every selected spec.
  std::shared_ptr<const PolicySchema> require;
  std::string file;   ///< The policy file, as shown in findings.
  SourceRange range;  ///< Its `id` value.
  std::string text;   ///< The document as written, for `aksc explain`.

  /// Whether `applies_to` selects `spec` (a spec without a usable mode is selected by kind).
  bool selects(const ir::Spec& spec) const;
};

/// The policies of a project, in the order of their files and documents; IDs are unique.
struct PolicySet {
  std::vector<Policy> policies;

  const Policy* find(std::string_view id) const;
  bool empty() const { return policies.empty(); }
};

/// The shape of a policy ID (`[A-Z][A-Z0-9]*-[A-Z0-9-]+`, not starting with AKS): what
/// aksc.yaml and suppression comments may name besides aksc's own rules.
bool is_policy_id(std::string_view id);

}  // namespace aksc
