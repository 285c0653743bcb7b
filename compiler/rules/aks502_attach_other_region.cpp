// AKS502 attach-other-region — rules/AKS502-attach-other-region.md
#include <fmt/format.h>

#include "diag/text_util.h"
#include "rules/attach_rules.h"

namespace aksc::rules {

// "The existing AKS cluster can be in a Azure region other than your Azure Machine Learning
// workspace." Allowed: a note, so the cross-region traffic is a choice, not an accident.
void check_attach_other_region(const ir::Spec& spec, const RuleContext& context,
                               RuleReporter& out) {
  if (!spec.mode.usable() || spec.mode.value != ir::Mode::kAttach) return;
  const ir::Field<std::string>& cluster = spec.cluster->facts.location;
  const ir::Field<std::string>& workspace = spec.workspace.location;
  if (!cluster.usable() || !workspace.usable()) return;
  // Unknown regions are AKS004's; compare the catalog's names, case-insensitively.
  const Region* cluster_region = context.catalog.find_region(cluster.value);
  const Region* workspace_region = context.catalog.find_region(workspace.value);
  if (!cluster_region || !workspace_region) return;
  if (iequals(cluster_region->name, workspace_region->name)) return;
  std::string workspace_name =
      spec.workspace.name.usable() ? "workspace '" + spec.workspace.name.value + "'" : "workspace";
  out.report(cluster.range,
             fmt::format("the cluster is in {} and the {} in {}: attaching across regions is "
                         "allowed, but traffic between them (images and models pulled from the "
                         "workspace's registry and storage, the Azure ML control plane's calls "
                         "to the cluster) crosses regions, which adds latency and inter-region "
                         "data transfer charges",
                         cluster_region->name, workspace_name, workspace_region->name),
             fmt::format("attach a cluster in {} to keep the traffic in one region, or keep "
                         "this one and suppress this note with a reason",
                         workspace_region->name));
}

}  // namespace aksc::rules
