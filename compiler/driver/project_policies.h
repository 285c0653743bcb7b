#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "diag/finding.h"
#include "policy/policy.h"

namespace aksc {

/// The policies of the project a folder belongs to, as a lint of a spec there would run them:
/// for `aksc rules` and `aksc explain`.
struct ProjectPolicies {
  std::string config_file;  ///< The aksc.yaml that governs the folder; empty when none.
  std::vector<Policy> policies;
  std::vector<Finding> problems;  ///< In aksc.yaml and the policy files, severities settled.
};

/// Loads the policies of `folder`'s config (`config_path` when given). Throws InputError when
/// a config exists but cannot be read.
ProjectPolicies load_project_policies(const std::optional<std::string>& config_path,
                                      const std::filesystem::path& folder,
                                      std::uintmax_t max_file_size);

}  // namespace aksc
