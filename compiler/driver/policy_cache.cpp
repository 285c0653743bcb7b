#include "driver/policy_cache.h"

#include <algorithm>
#include <system_error>

#include <fmt/format.h>

#include "driver/glob.h"
#include "frontend/input_error.h"
#include "frontend/path_fence.h"
#include "policy/policy_file.h"

namespace aksc {
namespace fs = std::filesystem;
namespace {

// A walk for a glob stops after this many entries, so that a glob over a huge tree cannot make
// a run slow; a project's policies are a handful of files.
constexpr std::size_t kMaxWalkedEntries = 100'000;

bool has_wildcard(std::string_view text) {
  return text.find_first_of("*?[") != std::string_view::npos;
}

// The folder a glob's walk starts from: its leading segments without a wildcard.
std::string literal_prefix(std::string_view glob) {
  std::size_t wildcard = glob.find_first_of("*?[");
  std::size_t slash = glob.rfind('/', wildcard);
  return slash == std::string_view::npos ? "" : std::string(glob.substr(0, slash));
}

// The files under `directory` whose path relative to it matches `glob`, sorted.
std::vector<std::string> expand_glob(const fs::path& directory, const std::string& glob,
                                     bool& truncated) {
  std::vector<std::string> matches;
  if (!has_wildcard(glob)) {
    matches.push_back(glob);
    return matches;
  }
  fs::path start = directory / literal_prefix(glob);
  std::error_code error;
  fs::recursive_directory_iterator walk(start, fs::directory_options::skip_permission_denied,
                                        error);
  std::size_t entries = 0;
  for (; !error && walk != fs::recursive_directory_iterator(); walk.increment(error)) {
    if (++entries > kMaxWalkedEntries) {
      truncated = true;
      break;
    }
    std::error_code kind_error;
    if (!walk->is_regular_file(kind_error)) continue;
    std::string relative = walk->path().lexically_relative(directory).generic_string();
    if (glob_match(glob, relative)) matches.push_back(std::move(relative));
  }
  std::sort(matches.begin(), matches.end());
  return matches;
}

std::string display_of(const PolicyGlob& glob, const std::string& relative) {
  fs::path config_folder = fs::path(glob.file).parent_path();
  return (config_folder / relative).lexically_normal().generic_string();
}

}  // namespace

void PolicyCache::report_once(std::string_view rule, const std::string& file, SourceRange range,
                              std::string message, std::string help,
                              std::vector<RelatedLocation> related) {
  std::string key =
      fmt::format("{}\n{}\n{}:{}\n{}", rule, file, range.begin.line, range.begin.column, message);
  if (!reported_.insert(std::move(key)).second) return;
  sink_.report(rule, file, range, std::move(message), std::move(help)).related = std::move(related);
}

const PolicyCache::ReadFile& PolicyCache::read_policy_file(const fs::path& canonical,
                                                           std::string display) {
  auto found = read_.find(canonical);
  if (found != read_.end()) return found->second;
  ReadFile& file = read_[canonical];
  file.display = std::move(display);
  try {
    auto source = std::make_shared<SourceFile>(
        read_source(canonical, file.display, max_file_size_, FileKind::kListedRegular));
    file.policies = parse_policy_file(*source, sink_);
    sources_[file.display] = std::move(source);
  } catch (const InputError& error) {
    sink_.report("AKS008", file.display, {{1, 1}, {1, 1}},
                 fmt::format("the policy file cannot be read: {}", error.what()),
                 "fix the file, or take it out of aksc.yaml's policies:");
  }
  return file;
}

const PolicySet& PolicyCache::policies_for(const Config& config) {
  auto found = sets_.find(&config);
  if (found != sets_.end()) return *found->second;
  auto set = std::make_unique<PolicySet>();
  std::vector<std::string>& files = files_[&config];
  std::set<fs::path> seen;
  PathFence fence{config.project().directory, allowed_};
  for (const PolicyGlob& glob : config.policies) {
    if (!glob.glob.written()) continue;
    // A glob's walk may not list a folder outside the project either: the names it found would
    // show in the findings.
    std::string walk_start = literal_prefix(glob.glob.value);
    FencedPath start = fence_path(walk_start.empty() ? "." : walk_start, glob.directory, fence);
    if (has_wildcard(glob.glob.value) && !start.admitted()) {
      report_once("AKS007", glob.file, glob.glob.range,
                  fmt::format("policies: '{}' is not read: {}", glob.glob.value, start.refusal),
                  fence_help("aksc.yaml"));
      continue;
    }
    bool truncated = false;
    std::vector<std::string> matches = expand_glob(glob.directory, glob.glob.value, truncated);
    if (truncated) {
      report_once("AKS008", glob.file, glob.glob.range,
                  fmt::format("policies: '{}' walked {} files and stopped; policies past them "
                              "are not read",
                              glob.glob.value, kMaxWalkedEntries),
                  "name the folder that holds the policy files in the glob");
    }
    if (matches.empty() && !truncated) {
      report_once(
          "AKS008", glob.file, glob.glob.range,
          fmt::format("policies: '{}' matches no file, so no policy of it runs", glob.glob.value),
          "fix the glob (relative to aksc.yaml), or remove it");
    }
    for (const std::string& relative : matches) {
      FencedPath path = fence_path(relative, glob.directory, fence);
      if (!path.admitted()) {
        report_once("AKS007", glob.file, glob.glob.range,
                    fmt::format("policy file '{}' is not read: {}", relative, path.refusal),
                    fence_help("aksc.yaml"));
        continue;
      }
      if (!seen.insert(path.path).second) continue;
      const ReadFile& file = read_policy_file(path.path, display_of(glob, relative));
      files.push_back(file.display);
      for (const Policy& policy : file.policies) {
        if (const Policy* first = set->find(policy.id)) {
          report_once("AKS008", policy.file, policy.range,
                      fmt::format("policy ID '{}' is taken already, so this policy does not run",
                                  policy.id),
                      "give each policy an ID of its own",
                      {{{first->file, first->range}, "the policy that has it"}});
          continue;
        }
        set->policies.push_back(policy);
      }
    }
  }
  for (const PolicyIdUse& use : config.policy_id_uses) {
    if (set->find(use.id)) continue;
    report_once("AKS005", use.file, use.range,
                fmt::format("'{}' is no policy of this project (policies: of aksc.yaml)", use.id),
                "see 'aksc rules' for the project's policies and aksc's rules");
  }
  return *sets_.emplace(&config, std::move(set)).first->second;
}

std::vector<std::string> PolicyCache::all_files() const {
  std::vector<std::string> files;
  for (const auto& [canonical, file] : read_)
    files.push_back(file.display);
  return files;
}

const std::vector<std::string>& PolicyCache::files_of(const Config& config) const {
  static const std::vector<std::string> none;
  auto found = files_.find(&config);
  return found == files_.end() ? none : found->second;
}

}  // namespace aksc
