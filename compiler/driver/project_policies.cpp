#include "driver/project_policies.h"

#include <algorithm>
#include <set>

#include "driver/config_resolver.h"
#include "driver/policy_cache.h"
#include "driver/settle.h"

namespace aksc {

ProjectPolicies load_project_policies(const std::optional<std::string>& config_path,
                                      const std::filesystem::path& folder,
                                      std::uintmax_t max_file_size) {
  FindingSink sink;
  ConfigResolver configs(config_path, sink, max_file_size);
  // The config of a spec in `folder`: the nearest aksc.yaml at or above it.
  const Config& config = configs.config_for(folder / "spec.yaml");
  PolicyCache cache(sink, max_file_size);
  ProjectPolicies project;
  project.config_file = config.file;
  project.policies = cache.policies_for(config).policies;
  std::set<std::string> governing(config.chain.begin(), config.chain.end());
  const std::vector<std::string>& files = cache.files_of(config);
  governing.insert(files.begin(), files.end());
  settle_config_findings(sink.findings(), governing, true, project.problems);
  std::stable_sort(project.problems.begin(), project.problems.end(), finding_less);
  return project;
}

}  // namespace aksc
