#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "diag/finding_sink.h"
#include "diag/render.h"
#include "frontend/config.h"
#include "frontend/read_source.h"
#include "policy/policy.h"

namespace aksc {

/// The policies of each config (SPEC-2 §D): the files its `policies:` globs match, read and
/// compiled once per run. A glob that matches nothing, a policy file that cannot be read or a
/// bad policy is an AKS008 finding; a file outside the project is not read (AKS007); a policy ID
/// that aksc.yaml names but no policy has is AKS005. Not thread-safe: configs are resolved on
/// one thread.
class PolicyCache {
 public:
  PolicyCache(FindingSink& sink, std::uintmax_t max_file_size,
              std::vector<std::filesystem::path> allowed = {})
      : sink_(sink), max_file_size_(max_file_size), allowed_(std::move(allowed)) {}

  const PolicySet& policies_for(const Config& config);
  /// Every policy file read, by display path: for excerpts and to know which findings count.
  const SourceMap& sources() const { return sources_; }
  /// The policy files of `config`, as shown in findings.
  const std::vector<std::string>& files_of(const Config& config) const;
  /// Every policy file named so far, as shown in findings: their findings always count, since a
  /// policy that does not run must never pass.
  std::vector<std::string> all_files() const;
  /// Whether `canonical` is a policy file of some config: the walk leaves it to the policies.
  bool is_policy_file(const std::filesystem::path& canonical) const {
    return read_.count(canonical) != 0;
  }

 private:
  struct ReadFile {
    std::string display;
    std::vector<Policy> policies;
  };
  const ReadFile& read_policy_file(const std::filesystem::path& canonical, std::string display);
  void report_once(std::string_view rule, const std::string& file, SourceRange range,
                   std::string message, std::string help,
                   std::vector<RelatedLocation> related = {});

  FindingSink& sink_;
  std::uintmax_t max_file_size_;
  std::vector<std::filesystem::path> allowed_;
  std::map<const Config*, std::unique_ptr<PolicySet>> sets_;
  std::map<const Config*, std::vector<std::string>> files_;
  std::map<std::filesystem::path, ReadFile> read_;
  SourceMap sources_;
  std::set<std::string> reported_;
};

}  // namespace aksc
