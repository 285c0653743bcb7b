#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "backends/artifact_context.h"
#include "backends/intent.h"

namespace aksc {

/// Which back-ends `aksc build --target` runs.
enum class Target { kArm, kAz, kCli, kAll };

/// Parses `arm`, `az`, `cli` or `all`.
std::optional<Target> parse_target(std::string_view text);

/// One file of a compute's artifact folder.
struct Artifact {
  std::string file_name;  ///< azuredeploy.json, azuredeploy.parameters.json, deploy.sh,
                          ///< compute.yml or instance-types.yaml.
  std::string content;
  bool executable = false;
};

/// The files `target` produces for one deployment, in a fixed order. Pure: same input, same
/// bytes. AksCompute has no `cli` files; KubernetesCompute's deploy.sh needs
/// instance-types.yaml beside it, so `az` writes that file too.
std::vector<Artifact> render_artifacts(const intent::Deployment& deployment, Target target,
                                       const ArtifactContext& context);

}  // namespace aksc
