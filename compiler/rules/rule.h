#pragma once

#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "catalog/catalog.h"
#include "diag/finding_sink.h"
#include "frontend/config.h"
#include "frontend/inventory.h"
#include "ir/spec.h"
#include "rules/project_index.h"

namespace aksc {

/// What every rule may consult besides the IR: the Azure data and the project's config.
struct RuleContext {
  const Catalog& catalog;
  const Config& config;
};

/// What a spec rule uses to report: the rule ID and the spec's file are filled in.
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

/// Every spec of a project (the folder holding aksc.yaml, or the common root of the run) and
/// its inventory, for the rules that compare specs with each other.
struct Project {
  /// Every spec with its keys, ordered by file and document; includes specs not reported on.
  ProjectIndex specs;
  std::vector<InventoryEntry> inventory;
  /// Findings only on specs of these files. Views of names that outlive the project (each
  /// spec's `file`, say), so that no name is copied.
  std::unordered_set<std::string_view> reported_files;
};

/// What a project rule uses to report: findings on specs outside `reported_files` are dropped,
/// so a pre-commit run naming some files reports on those only.
class ProjectReporter {
 public:
  ProjectReporter(std::string_view rule, const Project& project, FindingSink& sink)
      : rule_(rule), project_(project), sink_(sink) {}

  /// Reports on `spec` at `range`; returns nullptr when `spec` is not reported on. Add the other
  /// side of a comparison to the finding's `related`.
  Finding* report(const ir::Spec& spec, SourceRange range, std::string message, std::string help) {
    if (!project_.reported_files.count(spec.file)) return nullptr;
    return &sink_.report(rule_, spec.file, range.known() ? range : spec.range, std::move(message),
                         std::move(help));
  }

 private:
  std::string_view rule_;
  const Project& project_;
  FindingSink& sink_;
};

/// A check over one spec. Rules never read files or the clock.
using SpecCheck = void (*)(const ir::Spec& spec, const RuleContext& context, RuleReporter& out);
/// A check over a whole project.
using ProjectCheck = void (*)(const Project& project, const RuleContext& context,
                              ProjectReporter& out);

/// Which spec kinds a rule checks (SPEC-2 §B): most first-wave rules are for the legacy
/// AksCompute only; the rules on names, regions, VM sizes, networking and attach facts check both.
enum class SpecKinds : unsigned char { kAksCompute = 1, kKubernetesCompute = 2, kBoth = 3 };

/// One line of the registry. Rules whose findings come from the front end (AKS001–AKS006) have
/// no check here but are listed, so that configuration and suppressions know them.
struct RuleEntry {
  std::string_view id;
  SpecCheck check = nullptr;
  ProjectCheck project_check = nullptr;
  SpecKinds kinds = SpecKinds::kAksCompute;
};

/// True when `rule` checks specs of `spec`'s kind. Project checks that compare specs skip the
/// specs of other kinds themselves.
bool rule_applies(const RuleEntry& rule, const ir::Spec& spec);

/// Runs every per-spec rule that applies to `spec`'s kind, in the registry's order, into `sink`:
/// what lint does for each spec, and migrate for each spec it writes.
void run_spec_checks(const ir::Spec& spec, const RuleContext& context, FindingSink& sink);

/// Every rule, sorted by ID (rules/registry.cpp).
std::span<const RuleEntry> rule_registry();

/// True when `id` names a registered rule.
bool is_known_rule(std::string_view id);

}  // namespace aksc
