#include "frontend/config.h"

#include <fmt/format.h>

#include "diag/spellcheck.h"
#include "diag/text_util.h"
#include "frontend/load.h"
#include "frontend/schema.h"
#include "frontend/visible_text.h"
#include "policy/policy.h"
#include "rules/rule.h"

namespace aksc {
namespace {

std::vector<std::string> config_known_rule_ids() {
  std::vector<std::string> ids;
  for (const RuleEntry& rule : rule_registry())
    ids.emplace_back(rule.id);
  return ids;
}

// Reports AKS005 unless `id` names a rule; returns whether it does.
bool check_rule_id(const std::string& id, Config& config, SourceRange range, FindingSink& sink) {
  if (is_known_rule(id)) return true;
  if (is_policy_id(id)) {  // checked once the project's policies are loaded (driver/policy_cache)
    config.policy_id_uses.push_back({id, config.file, range});
    return true;
  }
  sink.report(
      "AKS005", config.file, range,
      fmt::format("'{}' is not an aksc rule{}", id, did_you_mean(id, config_known_rule_ids())),
      "see 'aksc rules' for the list of rule IDs");
  return false;
}

void read_severities(const YamlDocument& doc, const InvalidPointers& invalid, Config& config,
                     FindingSink& sink) {
  const nlohmann::json& rules = doc.root["rules"];
  for (const auto& [id, value] : rules.items()) {
    std::string pointer = pointer_append("/rules", id);
    if (invalid.count(pointer) || !value.is_string()) continue;
    if (!check_rule_id(id, config, doc.locate_key(pointer), sink)) continue;
    std::optional<Severity> severity = parse_severity(value.get<std::string>());  // off: nullopt
    if (is_fixed_rule(id) && severity != Severity::kError) {
      sink.report("AKS005", config.file, doc.locate(pointer),
                  fmt::format("{} cannot be turned off or lowered: a file aksc cannot read, or a "
                              "path it refuses, must never pass",
                              id),
                  fmt::format("remove '{}' from rules:", id));
      continue;
    }
    config.severities[id] = severity;
    config.severity_ranges[id] = doc.locate_key(pointer);
  }
}

void read_ignores(const YamlDocument& doc, const InvalidPointers& invalid, Config& config,
                  FindingSink& sink) {
  const nlohmann::json& entries = doc.root["ignore"];
  for (std::size_t i = 0; i < entries.size(); ++i) {
    std::string pointer = "/ignore/" + std::to_string(i);
    const nlohmann::json& entry = entries[i];
    if (!entry.is_object() || invalid.count(pointer)) continue;
    IgnoreEntry ignore;
    ignore.range = doc.locate(pointer);
    ignore.directory = config.directory;
    bool valid = true;
    for (const char* list : {"paths", "rules"}) {
      std::string list_pointer = pointer + "/" + list;
      if (!entry.contains(list) || !entry[list].is_array() || invalid.count(list_pointer)) {
        valid = false;
        continue;
      }
      for (std::size_t k = 0; k < entry[list].size(); ++k) {
        std::string item_pointer = list_pointer + "/" + std::to_string(k);
        const nlohmann::json& item = entry[list][k];
        if (!item.is_string() || invalid.count(item_pointer)) {
          valid = false;
          continue;
        }
        std::string text = item.get<std::string>();
        if (std::string(list) == "rules") {
          valid = check_rule_id(text, config, doc.locate(item_pointer), sink) && valid;
          if (is_fixed_rule(text)) {
            sink.report("AKS005", config.file, doc.locate(item_pointer),
                        fmt::format("{} findings cannot be suppressed, so this ignore entry "
                                    "suppresses nothing",
                                    text),
                        fmt::format("remove {} from the entry's rules", text));
            valid = false;
          }
          ignore.rules.push_back(text);
        } else {
          ignore.paths.push_back(text);
        }
      }
    }
    if (entry.contains("reason") && entry["reason"].is_string()) {
      ignore.reason = std::string(trim(entry["reason"].get<std::string>()));
    }
    if (ignore.reason.empty()) {
      sink.report("AKS005", config.file, ignore.range,
                  "this ignore entry has no reason, so it suppresses nothing",
                  "add 'reason:' saying why these findings are accepted");
      valid = false;
    } else if (!has_visible_character(ignore.reason)) {
      sink.report("AKS005", config.file, doc.locate(pointer + "/reason"),
                  fmt::format("this ignore entry's reason has no visible character (only {}), so "
                              "it suppresses nothing",
                              code_points(ignore.reason)),
                  "say in words why these findings are accepted");
      valid = false;
    }
    if (valid) config.ignores.push_back(std::move(ignore));
  }
}

template <typename T, typename Get>
ir::Field<T> read_field(const YamlDocument& doc, const InvalidPointers& invalid,
                        const std::string& pointer, Get get) {
  ir::Field<T> field;
  nlohmann::json::json_pointer json_pointer(pointer);
  if (!doc.root.contains(json_pointer)) return field;
  field.range = doc.locate(pointer);
  const nlohmann::json& value = doc.root[json_pointer];
  std::optional<T> read = invalid.count(pointer) ? std::nullopt : get(value);
  field.origin = read ? ir::Origin::kWritten : ir::Origin::kInvalid;
  if (read) field.value = *read;
  return field;
}

std::optional<std::string> as_string(const nlohmann::json& v) {
  return v.is_string() ? std::optional(v.get<std::string>()) : std::nullopt;
}
std::optional<bool> as_bool(const nlohmann::json& v) {
  return v.is_boolean() ? std::optional(v.get<bool>()) : std::nullopt;
}

void read_nested(const YamlDocument& doc, const InvalidPointers& invalid, Config& config) {
  if (!doc.root.contains("nested") || invalid.count("/nested")) return;
  config.nested_range = doc.locate_key("/nested");
  const nlohmann::json& nested = doc.root["nested"];
  if (!nested.is_object() || !nested.contains("may_relax") || !nested["may_relax"].is_array()) {
    return;
  }
  for (const nlohmann::json& item : nested["may_relax"]) {
    if (!item.is_string()) continue;
    const std::string& what = item.get_ref<const std::string&>();
    if (what == "rules") config.nested.rules = true;
    if (what == "policy") config.nested.policy = true;
    if (what == "data") config.nested.data = true;
  }
}

}  // namespace

bool is_fixed_rule(std::string_view id) {
  return id == "AKS001" || id == "AKS002" || id == "AKS003" || id == "AKS007" || id == "AKS008" ||
         id == "AKS009";
}

Config parse_config(const SourceFile& source, std::filesystem::path directory, FindingSink& sink) {
  Config config;
  config.file = source.path();
  config.directory = std::move(directory);
  std::vector<YamlDocument> documents = load_yaml(source, sink);
  if (documents.empty()) return config;  // an empty aksc.yaml means the defaults
  if (documents.size() > 1) {
    sink.report("AKS002", config.file, documents[1].range,
                "aksc.yaml must hold one YAML document; the documents after the first are ignored",
                "remove the extra '---' documents");
  }
  YamlDocument& doc = documents.front();
  if (doc.root.is_null()) return config;
  const Schema& schema = Schema::embedded("aksc-config.schema.json");
  canonicalize_enums(doc, schema);
  InvalidPointers invalid = validate_document(doc, schema, config.file, "AKS002", sink);
  if (!doc.root.is_object()) return config;
  if (doc.root.contains("rules") && doc.root["rules"].is_object()) {
    read_severities(doc, invalid, config, sink);
  }
  if (doc.root.contains("ignore") && doc.root["ignore"].is_array()) {
    read_ignores(doc, invalid, config, sink);
  }
  config.inventory = read_field<std::string>(doc, invalid, "/inventory", as_string);
  config.deny_public_ip = read_field<bool>(doc, invalid, "/policy/deny_public_ip", as_bool);
  if (config.deny_public_ip.origin != ir::Origin::kAbsent) config.policy_file = config.file;
  if (doc.root.contains("data") && doc.root["data"].is_object()) {
    for (const auto& [table, unused] : doc.root["data"].items()) {
      config.data[table] = {
          read_field<std::string>(doc, invalid, pointer_append("/data", table), as_string),
          config.directory, config.file};
    }
  }
  const nlohmann::json* policies = node_at(doc.root, "/policies");
  for (std::size_t i = 0; policies && policies->is_array() && i < policies->size(); ++i) {
    config.policies.push_back(
        {read_field<std::string>(doc, invalid, "/policies/" + std::to_string(i), as_string),
         config.directory, config.file});
  }
  read_nested(doc, invalid, config);
  return config;
}

}  // namespace aksc
