// AKS105 name-unique-in-workspace — rules/AKS105-name-unique-in-workspace.md
#include <string>

#include <fmt/format.h>

#include "rules/project_keys.h"
#include "rules/project_rules.h"

namespace aksc::rules {
namespace {

// "The compute name for the AKS cluster MUST be unique within your Azure Machine Learning
// workspace." (article, Limitations)
std::string spelled(const ir::Spec& self, const ir::Spec& other) {
  if (self.name.value == other.name.value) return "";
  return fmt::format(" (spelled '{}' there; Azure compares names case-insensitively)",
                     other.name.value);
}

}  // namespace

void check_name_unique_in_workspace(const Project& project, const RuleContext& /*context*/,
                                    ProjectReporter& out) {
  FindingPlan plan(project);
  // Workspace identity + compute name → the first spec that uses it.
  ViewKeyMap<2, const ir::Spec*> first_use;
  for (const IndexedSpec& indexed : project.specs) {
    const ir::Spec* spec = indexed.spec;
    const ProjectKeys& keys = indexed.keys;
    if (keys.workspace.empty() || keys.name.empty()) continue;
    auto [found, inserted] = first_use.try_emplace({keys.workspace, keys.name}, spec);
    if (inserted) continue;
    const ir::Spec& first = *found->second;
    plan.clash(*spec, spec->name.range, first, first.name.range, [&](bool on_later) {
      const ir::Spec& self = on_later ? *spec : first;
      const ir::Spec& other = on_later ? first : *spec;
      return FindingPlan::ClashText{
          fmt::format("compute name '{}' is {} in workspace {} by the spec at {}{}; a compute "
                      "name must be unique within its Azure ML workspace",
                      self.name.value, on_later ? "already used" : "used again",
                      describe_workspace(self), where(other.file, other.name.range),
                      spelled(self, other)),
          "rename one of the two computes, or delete one spec if both describe the same compute",
          on_later ? "first used here" : "used again here"};
    });
  }
  plan.report(out);
}

}  // namespace aksc::rules
