#include "backends/artifacts.h"

#include "backends/arm/arm_template.h"
#include "backends/arm/kubernetes_template.h"
#include "backends/az/deploy_script.h"
#include "backends/az/kubernetes_script.h"
#include "backends/yaml/cli_files.h"

namespace aksc {
namespace {

bool wants(Target target, Target one) {
  return target == Target::kAll || target == one;
}

std::vector<Artifact> kubernetes_artifacts(const intent::Deployment& d, Target target,
                                           const ArtifactContext& context) {
  std::vector<Artifact> files;
  if (wants(target, Target::kArm)) {
    files.push_back(
        {"azuredeploy.json", arm::to_text(arm::kubernetes_template(d, context)), false});
    files.push_back(
        {"azuredeploy.parameters.json", arm::to_text(arm::kubernetes_parameters(d)), false});
  }
  if (wants(target, Target::kCli)) files.push_back({"compute.yml", yaml::compute_yaml(d), false});
  if (wants(target, Target::kAz)) {
    files.push_back({"deploy.sh", az::kubernetes_script(d, context), true});
  }
  bool instance_types = d.has_step(intent::Step::kApplyInstanceTypes);
  if (instance_types && (wants(target, Target::kAz) || wants(target, Target::kCli))) {
    files.push_back({std::string(az::kInstanceTypesFile), yaml::instance_types_yaml(d), false});
  }
  return files;
}

}  // namespace

std::optional<Target> parse_target(std::string_view text) {
  if (text == "arm") return Target::kArm;
  if (text == "az") return Target::kAz;
  if (text == "cli") return Target::kCli;
  if (text == "all") return Target::kAll;
  return std::nullopt;
}

std::vector<Artifact> render_artifacts(const intent::Deployment& deployment, Target target,
                                       const ArtifactContext& context) {
  if (deployment.kubernetes) return kubernetes_artifacts(deployment, target, context);
  std::vector<Artifact> files;
  if (wants(target, Target::kArm)) {
    files.push_back(
        {"azuredeploy.json", arm::to_text(arm::deployment_template(deployment, context)), false});
    files.push_back({"azuredeploy.parameters.json",
                     arm::to_text(arm::deployment_parameters(deployment)), false});
  }
  if (wants(target, Target::kAz)) {
    files.push_back({"deploy.sh", az::deploy_script(deployment, context), true});
  }
  return files;
}

}  // namespace aksc
