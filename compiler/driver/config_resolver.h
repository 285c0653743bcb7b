#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "diag/finding_sink.h"
#include "diag/source_file.h"
#include "frontend/config.h"
#include "frontend/read_source.h"
#include "support/string_hash.h"

namespace aksc {

/// Finds the aksc.yaml that governs each spec: `--config` for all, or the nearest one found by
/// walking up from the spec's folder, resolved with the aksc.yaml files above it up to the top
/// of the repository (the folder holding `.git`) as its parents (frontend/config_chain.h).
/// Each config file is read and validated once.
class ConfigResolver {
 public:
  /// `explicit_config`: the --config path, if given. Its problems, and those of every config
  /// found, are reported into `sink`; their sources are kept for excerpts.
  ConfigResolver(std::optional<std::string> explicit_config, FindingSink& sink,
                 std::uintmax_t max_file_size = kDefaultMaxFileSize);

  /// The config for a spec file. Throws InputError when a config exists but cannot be read.
  const Config& config_for(const std::filesystem::path& spec_path);

  /// The config files read so far, for rendering excerpts of their findings.
  const std::map<std::string, std::shared_ptr<const SourceFile>>& sources() const {
    return sources_;
  }

 private:
  const Config& load(const std::filesystem::path& path);
  std::optional<std::filesystem::path> find_upwards(const std::filesystem::path& folder);
  /// The aksc.yaml above the one in `config_folder`, not above the repository's top folder.
  std::optional<std::filesystem::path> find_parent(const std::filesystem::path& config_folder);

  std::optional<std::string> explicit_config_;
  FindingSink& sink_;
  std::uintmax_t max_file_size_;
  Config defaults_;
  std::map<std::filesystem::path, std::unique_ptr<Config>> by_file_;  ///< By canonical path.
  std::map<std::filesystem::path, const Config*> by_path_;            ///< By path as found.
  /// By an absolute folder, as text: the aksc.yaml nearest above it, if any.
  std::unordered_map<std::string, std::optional<std::filesystem::path>, StringHash, std::equal_to<>>
      by_folder_;
  /// By a spec's folder as written ("specs/prod/"; "" for a bare file name).
  std::unordered_map<std::string, const Config*, StringHash, std::equal_to<>> by_spec_folder_;
  std::map<std::string, std::shared_ptr<const SourceFile>> sources_;
};

}  // namespace aksc
