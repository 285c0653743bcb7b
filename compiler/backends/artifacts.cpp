#include "backends/artifacts.h"

#include "backends/arm/arm_template.h"
#include "backends/az/deploy_script.h"

namespace aksc {

std::optional<Target> parse_target(std::string_view text) {
  if (text == "arm") return Target::kArm;
  if (text == "az") return Target::kAz;
  if (text == "all") return Target::kAll;
  return std::nullopt;
}

std::vector<Artifact> render_artifacts(const intent::Deployment& deployment, Target target,
                                       const ArtifactContext& context) {
  std::vector<Artifact> files;
  if (target != Target::kAz) {
    files.push_back(
        {"azuredeploy.json", arm::to_text(arm::deployment_template(deployment, context)), false});
    files.push_back({"azuredeploy.parameters.json",
                     arm::to_text(arm::deployment_parameters(deployment)), false});
  }
  if (target != Target::kArm) {
    files.push_back({"deploy.sh", az::deploy_script(deployment, context), true});
  }
  return files;
}

}  // namespace aksc
