#include "frontend/schema_kinds.h"

#include <algorithm>
#include <string>

#include <fmt/format.h>

#include "frontend/schema.h"
#include "frontend/yaml_document.h"
#include "ir/spelling.h"

namespace aksc {
namespace {

bool lists(const nlohmann::json& names, const std::string& name) {
  return names.is_array() && std::any_of(names.begin(), names.end(), [&](const nlohmann::json& n) {
           return n.is_string() && n.get_ref<const std::string&>() == name;
         });
}

std::string joined(const nlohmann::json& names, std::string_view separator) {
  std::string result;
  for (const nlohmann::json& name : names) {
    if (!name.is_string()) continue;
    if (!result.empty()) result += separator;
    result += name.get<std::string>();
  }
  return result;
}

const std::string* string_member(const nlohmann::json& object, const char* key) {
  auto found = object.find(key);
  return found != object.end() && found->is_string() ? &found->get_ref<const std::string&>()
                                                     : nullptr;
}

// A boolean setting as the extension accepts it: true, false, or the strings True and False.
std::optional<bool> setting(const nlohmann::json& object, const char* key) {
  auto found = object.find(key);
  if (found == object.end()) return std::nullopt;
  if (found->is_boolean()) return found->get<bool>();
  if (found->is_string()) return ir::parse_spelling<bool>(found->get_ref<const std::string&>());
  return std::nullopt;
}

// A pinned version needs the minor upgrades off: the ARM schema of
// Microsoft.KubernetesConfiguration/extensions says version "can only be set if
// autoUpgradeMinorVersion is false"; auto_upgrade_minor_version defaults to true.
void check_version_pin(const nlohmann::json& extension, std::vector<SchemaProblem>& problems) {
  const std::string* version = string_member(extension, "version");
  if (!version || version->empty()) return;
  bool written = extension.contains("auto_upgrade_minor_version");
  std::optional<bool> upgrade = setting(extension, "auto_upgrade_minor_version");
  if (written && upgrade.value_or(false) == false) return;  // false, or another problem's
  problems.push_back(
      {written ? "/extension/auto_upgrade_minor_version" : "/extension/version", !written,
       written ? fmt::format("auto_upgrade_minor_version is true but extension.version pins '{}'; "
                             "Azure sets a version only when minor upgrades are off",
                             *version)
               : fmt::format("extension.version pins '{}' but auto_upgrade_minor_version is true "
                             "by default; Azure sets a version only when minor upgrades are off",
                             *version),
       "write auto_upgrade_minor_version: false under extension, or remove version to follow the "
       "release train"});
}

void check_user_assigned(const nlohmann::json& identity, std::vector<SchemaProblem>& problems) {
  const std::string* type = string_member(identity, "type");
  if (!type || ir::parse_spelling<ir::IdentityType>(*type) != ir::IdentityType::kUserAssigned) {
    return;
  }
  auto identities = identity.find("user_assigned_identities");
  if (identities == identity.end() || !identities->is_array() || !identities->empty()) return;
  problems.push_back({"/identity/user_assigned_identities", false,
                      "identity type user-assigned names no identity in user_assigned_identities",
                      "list the resource ID of at least one user-assigned managed identity, or "
                      "use type: system-assigned"});
}

}  // namespace

bool append_kind_problems(const nlohmann::json& instance, const Schema& schema,
                          std::vector<SchemaProblem>& problems) {
  if (!instance.is_object()) return true;
  const std::string* kind = string_member(instance, "kind");
  const nlohmann::json* root = schema.subschema_at("");
  if (!kind || !root) return true;
  bool mode_fits = true;
  const nlohmann::json* kind_schema = schema.child_schema(root, "kind");
  const std::string* mode = string_member(instance, "mode");
  const nlohmann::json* known_modes = schema.enum_options(schema.child_schema(root, "mode"));
  if (mode && kind_schema && known_modes && lists(*known_modes, *mode)) {
    auto modes_of_kind = kind_schema->find("x-aksc-kind-modes");
    if (modes_of_kind != kind_schema->end() && modes_of_kind->contains(*kind) &&
        !lists((*modes_of_kind)[*kind], *mode)) {
      mode_fits = false;
      problems.push_back(
          {"/mode", false, fmt::format("mode '{}' does not apply to kind '{}'", *mode, *kind),
           fmt::format("use {}{}", joined((*modes_of_kind)[*kind], " or "),
                       *mode == "create" ? " (provision-and-attach creates the cluster with AKS, "
                                           "then attaches it)"
                                         : "")});
    }
  }
  for (const auto& [key, value] : instance.items()) {
    const Schema::TopLevelNotes* notes = schema.top_level_notes(key);
    if (!notes || !notes->kinds || lists(*notes->kinds, *kind)) continue;
    const nlohmann::json* kinds = notes->kinds;
    const std::string* instead = notes->kind_help && notes->kind_help->is_string()
                                     ? &notes->kind_help->get_ref<const std::string&>()
                                     : nullptr;
    problems.push_back({pointer_append("", key), true,
                        fmt::format("'{}' does not apply to kind '{}'", key, *kind),
                        instead ? "remove it; " + *instead
                                : "remove it; it applies only to kind " + joined(*kinds, " and ")});
  }
  if (*kind == ir::to_string(ir::Kind::kKubernetesCompute)) {
    auto extension = instance.find("extension");
    if (extension != instance.end() && extension->is_object()) {
      check_version_pin(*extension, problems);
    }
    auto identity = instance.find("identity");
    if (identity != instance.end() && identity->is_object())
      check_user_assigned(*identity, problems);
  }
  return mode_fits;
}

}  // namespace aksc
