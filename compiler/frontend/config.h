#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "diag/finding_sink.h"
#include "diag/severity.h"
#include "diag/source_file.h"
#include "ir/field.h"

namespace aksc {

/// One `ignore:` entry of aksc.yaml: findings of `rules` in files matching `paths`.
struct IgnoreEntry {
  std::vector<std::string> paths;  ///< Globs relative to the config's folder.
  std::vector<std::string> rules;
  std::string reason;
  SourceRange range;
};

/// A project's aksc.yaml (SPEC §2), or the defaults when there is none.
struct Config {
  std::string file;                 ///< Display path; empty for the defaults.
  std::filesystem::path directory;  ///< Where relative paths and globs resolve.
  /// Severity overrides; nullopt means `off`.
  std::map<std::string, std::optional<Severity>> severities;
  std::vector<IgnoreEntry> ignores;  ///< Valid entries only (with a reason and known rules).
  ir::Field<std::string> inventory;
  ir::Field<bool> deny_public_ip;
  std::map<std::string, ir::Field<std::string>> data;  ///< Table name → override path.
};

/// Parses and validates an aksc.yaml against schemas/aksc-config.schema.json. Problems become
/// located findings in the config file (AKS001–AKS003; AKS005 for an ignore entry or rule
/// override without a reason or naming an unknown rule); invalid parts are left out.
Config parse_config(const SourceFile& source, std::filesystem::path directory, FindingSink& sink);

}  // namespace aksc
