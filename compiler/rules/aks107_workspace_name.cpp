// AKS107 workspace-name — rules/AKS107-workspace-name.md
#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "diag/text_util.h"
#include "frontend/visible_text.h"
#include "rules/name_rules.h"

namespace aksc::rules {
namespace {

// The ARM schema of Microsoft.MachineLearningServices/workspaces (2023-10-01 and later):
// "pattern": "^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$".
constexpr std::size_t kWorkspaceNameMinLength = 3;
constexpr std::size_t kWorkspaceNameMaxLength = 33;

bool is_workspace_name_character(char c) {
  return is_ascii_letter_or_digit(c) || c == '-' || c == '_';
}

// A character as a message shows it: quoted, and named by its code point when it is not ASCII
// (a look-alike such as U+2215 for '/', or one that does not show at all).
std::string shown(std::string_view character) {
  if (character == " ") return "' ' (space)";
  if (character.size() == 1) return fmt::format("'{}'", character);
  if (!has_visible_character(character)) return code_points(character);
  return fmt::format("'{}' ({})", character, code_points(character));
}

// Each character the pattern refuses, once, in order.
std::string refused_characters(std::string_view name) {
  std::string listed;
  std::vector<std::string_view> seen;
  for (std::size_t i = 0; i < name.size();) {
    std::string_view character = first_character(name.substr(i));
    i += character.size();
    if (character.size() == 1 && is_workspace_name_character(character[0])) continue;
    if (std::find(seen.begin(), seen.end(), character) != seen.end()) continue;
    seen.push_back(character);
    if (!listed.empty()) listed += ", ";
    listed += shown(character);
  }
  return listed;
}

}  // namespace

void check_workspace_name(const ir::Spec& spec, const RuleContext& /*context*/, RuleReporter& out) {
  const ir::Field<std::string>& field = spec.workspace.name;
  if (!field.written() || field.value.empty()) return;  // AKS002's case (required, minLength)
  const std::string& name = field.value;
  std::vector<std::string> problems;
  std::size_t length = utf8_length(name);
  if (length < kWorkspaceNameMinLength || length > kWorkspaceNameMaxLength) {
    problems.push_back(fmt::format("it is {} characters long", length));
  }
  if (std::string refused = refused_characters(name); !refused.empty()) {
    problems.push_back("it has " + refused);
  }
  if (!is_ascii_letter_or_digit(name[0])) {
    problems.push_back(fmt::format("it starts with {}", shown(first_character(name))));
  }
  if (problems.empty()) return;
  std::string why = problems.front();
  for (std::size_t i = 1; i < problems.size(); ++i)
    why += (i + 1 == problems.size() ? " and " : ", ") + problems[i];
  out.report(field.range,
             fmt::format("workspace name '{}' is not a name Azure allows for a Machine Learning "
                         "workspace: {}",
                         name, why),
             "write the workspace's name as Azure has it: 3 to 33 letters A-Z and a-z, digits "
             "0-9, '-' and '_', starting with a letter or digit");
}

}  // namespace aksc::rules
