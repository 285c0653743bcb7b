#include "frontend/config_chain.h"

#include <fmt/format.h>

#include "rules/rule_doc.h"

namespace aksc {
namespace {

// What the parent holds a rule at; nullopt for off.
std::optional<Severity> parent_severity(const Config& parent, const std::string& rule) {
  auto found = parent.severities.find(rule);
  if (found != parent.severities.end()) return found->second;
  const RuleDoc* doc = find_rule_doc(rule);
  return doc ? doc->severity : Severity::kError;
}

std::string severity_name(std::optional<Severity> severity) {
  return severity ? std::string(to_string(*severity)) : "off";
}

std::string where_set(const Config& parent, const std::string& rule) {
  return parent.severities.count(rule) ? "as the aksc.yaml above sets it" : "its default";
}

std::string allow_help(const Config& top, std::string_view what) {
  return fmt::format(
      "remove it; to let nested aksc.yaml files do this, the project's top aksc.yaml ({}) says "
      "'nested: {{may_relax: [{}]}}'",
      top.file, what);
}

void inherit_severities(const Config& parent, Config& child, Config& merged, FindingSink& sink) {
  const Config& top = parent.project();
  for (const auto& [rule, severity] : child.severities) {
    std::optional<Severity> inherited = parent_severity(parent, rule);
    bool lower = inherited && (!severity || *severity < *inherited);
    if (lower && !top.nested.rules) {
      sink.report(
          "AKS009", child.file, child.severity_ranges[rule],
          fmt::format("{}: {} would lower the rule below {} ({}), so it is left out", rule,
                      severity_name(severity), severity_name(inherited), where_set(parent, rule)),
          allow_help(top, "rules"));
      continue;
    }
    merged.severities[rule] = severity;
    merged.severity_ranges[rule] = child.severity_ranges[rule];
  }
}

void inherit_policy(const Config& parent, Config& child, Config& merged, FindingSink& sink) {
  const Config& top = parent.project();
  if (child.deny_public_ip.origin == ir::Origin::kAbsent) return;
  bool loosens = parent.deny_public_ip.usable() && parent.deny_public_ip.value &&
                 !(child.deny_public_ip.usable() && child.deny_public_ip.value);
  if (loosens && !top.nested.policy) {
    sink.report("AKS009", child.file, child.deny_public_ip.range,
                fmt::format("policy.deny_public_ip cannot be turned off here: {} sets it to true, "
                            "so it is left on",
                            parent.policy_file),
                allow_help(top, "policy"));
    return;
  }
  merged.deny_public_ip = child.deny_public_ip;
  merged.policy_file = child.file;
}

void inherit_data(const Config& parent, Config& child, Config& merged, FindingSink& sink) {
  const Config& top = parent.project();
  if (child.data.empty()) return;
  if (!top.nested.data) {
    for (const auto& [table, override] : child.data) {
      sink.report("AKS009", child.file, override.path.range,
                  fmt::format("data override '{}' is left out: the data tables the project's "
                              "rules judge by are set in its top aksc.yaml",
                              table),
                  allow_help(top, "data"));
    }
    return;
  }
  for (auto& [table, override] : child.data)
    merged.data[table] = std::move(override);
  merged.data_owner = nullptr;  // a catalog of its own
}

}  // namespace

Config inherit_config(const Config& parent, Config child, FindingSink& sink) {
  Config merged = parent;
  merged.file = child.file;
  merged.directory = child.directory;
  merged.top = &parent.project();
  merged.data_owner = &parent.data_source();
  merged.chain.push_back(child.file);
  merged.nested_range = {};
  inherit_severities(parent, child, merged, sink);
  for (IgnoreEntry& entry : child.ignores)
    merged.ignores.push_back(std::move(entry));
  for (PolicyGlob& glob : child.policies)
    merged.policies.push_back(std::move(glob));
  for (PolicyIdUse& use : child.policy_id_uses)
    merged.policy_id_uses.push_back(std::move(use));
  inherit_policy(parent, child, merged, sink);
  inherit_data(parent, child, merged, sink);
  const Config& top = parent.project();
  if (child.inventory.origin != ir::Origin::kAbsent) {
    sink.report("AKS009", child.file, child.inventory.range,
                fmt::format("inventory is left out: the project's computes are listed by its top "
                            "aksc.yaml ({})",
                            top.file),
                fmt::format("move the entries into the inventory that {} names", top.file));
  }
  if (child.nested_range.known()) {
    sink.report("AKS009", child.file, child.nested_range,
                "nested: is left out: only the project's top aksc.yaml says what nested files "
                "may loosen",
                fmt::format("remove it, or move it to {}", top.file));
  }
  return merged;
}

}  // namespace aksc
