#pragma once

#include <span>
#include <string>
#include <string_view>

#include "diag/finding_sink.h"
#include "ir/spec.h"

namespace aksc {

/// What a rule's check uses to report: the rule ID and the spec's file are filled in.
class RuleReporter {
 public:
  RuleReporter(std::string_view rule, const ir::Spec& spec, FindingSink& sink)
      : rule_(rule), spec_(spec), sink_(sink) {}

  /// Reports a finding at `range` (use the field's range: value, or key when absent).
  Finding& report(SourceRange range, std::string message, std::string help) {
    return sink_.report(rule_, spec_.file, range.known() ? range : spec_.range, std::move(message),
                        std::move(help));
  }

 private:
  std::string_view rule_;
  const ir::Spec& spec_;
  FindingSink& sink_;
};

/// A check over one spec. Rules never read files or the clock.
using SpecCheck = void (*)(const ir::Spec& spec, RuleReporter& out);

/// One line of the registry. Rules whose findings come from the front end (AKS001–AKS005)
/// have no check here but are listed, so that configuration and suppressions know them.
struct RuleEntry {
  std::string_view id;
  SpecCheck check;
};

/// Every rule, sorted by ID (rules/registry.cpp).
std::span<const RuleEntry> rule_registry();

/// True when `id` names a registered rule.
bool is_known_rule(std::string_view id);

}  // namespace aksc
