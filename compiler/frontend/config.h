#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/finding_sink.h"
#include "diag/severity.h"
#include "diag/source_file.h"
#include "ir/field.h"

namespace aksc {

/// One `ignore:` entry of aksc.yaml: findings of `rules` in files matching `paths`.
struct IgnoreEntry {
  std::vector<std::string> paths;  ///< Globs relative to `directory`.
  std::vector<std::string> rules;
  std::string reason;
  SourceRange range;
  std::filesystem::path directory;  ///< The folder of the aksc.yaml that wrote the entry.
};

/// A `data:` override: the path as written, and the aksc.yaml it is relative to.
struct DataOverride {
  ir::Field<std::string> path;
  std::filesystem::path directory;  ///< The folder of the aksc.yaml that wrote it.
  std::string file;                 ///< That aksc.yaml, as shown in findings.
};

/// One `policies:` glob of aksc.yaml: policy files relative to the aksc.yaml that wrote it.
struct PolicyGlob {
  ir::Field<std::string> glob;
  std::filesystem::path directory;  ///< The folder of the aksc.yaml that wrote it.
  std::string file;                 ///< That aksc.yaml, as shown in findings.
};

/// A policy ID that `rules:` or `ignore:` names: checked once the project's policies are loaded.
struct PolicyIdUse {
  std::string id;
  std::string file;  ///< The aksc.yaml that names it.
  SourceRange range;
};

/// What an aksc.yaml in a subfolder may loosen (`nested: may_relax:` of the project's top
/// aksc.yaml); by default a nested aksc.yaml may only add to and tighten its parent.
struct NestedPermissions {
  bool rules = false;   ///< Lower a rule's severity or turn it off.
  bool policy = false;  ///< Set policy.deny_public_ip to false.
  bool data = false;    ///< Override data tables.
};

/// A project's aksc.yaml (SPEC §2), or the defaults when there is none. Once resolved (see
/// driver/config_resolver.h), a config holds what its whole chain of aksc.yaml files says.
struct Config {
  std::string file;                 ///< Display path; empty for the defaults.
  std::filesystem::path directory;  ///< Where relative paths resolve.
  /// Severity overrides; nullopt means `off`.
  std::map<std::string, std::optional<Severity>> severities;
  std::map<std::string, SourceRange> severity_ranges;  ///< Where each override is written.
  std::vector<IgnoreEntry> ignores;  ///< Valid entries only (with a reason and known rules).
  ir::Field<std::string> inventory;
  ir::Field<bool> deny_public_ip;
  std::string policy_file;  ///< The aksc.yaml that set deny_public_ip, as shown in findings.
  std::map<std::string, DataOverride> data;  ///< Table name → override.
  /// `policies:` of the whole chain, top first: a nested aksc.yaml adds to its parent's.
  std::vector<PolicyGlob> policies;
  /// The policy IDs the chain's `rules:` and `ignore:` name.
  std::vector<PolicyIdUse> policy_id_uses;
  NestedPermissions nested;  ///< `nested: may_relax:`, as written.
  SourceRange nested_range;  ///< Where `nested:` is written; unknown if not.
  /// The aksc.yaml files this config is made of, top first (display paths).
  std::vector<std::string> chain;
  /// The top of the chain, whose folder is the project (SPEC §2); null for itself.
  const Config* top = nullptr;
  /// The config whose `data:` this one uses; null for itself.
  const Config* data_owner = nullptr;

  const Config& project() const { return top ? *top : *this; }
  const Config& data_source() const { return data_owner ? *data_owner : *this; }
};

/// Rules whose findings no aksc.yaml or comment may turn off, lower or suppress: a file aksc
/// cannot read, or a path it refused, must never pass.
bool is_fixed_rule(std::string_view id);

/// Parses and validates an aksc.yaml against schemas/aksc-config.schema.json. Problems become
/// located findings in the config file (AKS001–AKS003; AKS005 for an ignore entry or rule
/// override without a reason or naming an unknown rule); invalid parts are left out.
Config parse_config(const SourceFile& source, std::filesystem::path directory, FindingSink& sink);

}  // namespace aksc
