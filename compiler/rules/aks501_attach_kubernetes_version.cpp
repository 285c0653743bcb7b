// AKS501 attach-kubernetes-version — rules/AKS501-attach-kubernetes-version.md
#include <fmt/format.h>

#include "ir/kubernetes_version.h"
#include "rules/attach_rules.h"

namespace aksc::rules {
namespace {

// Names the table the window comes from: shipped (with its date) or overridden in aksc.yaml.
std::string policy_source(const Catalog& catalog) {
  const DataSnapshot* snapshot = catalog.snapshot("attach-policy");
  if (!snapshot || snapshot->origin == "embedded") {
    return fmt::format("attach-policy table{}",
                       snapshot && !snapshot->date.empty() ? " of " + snapshot->date : "");
  }
  return fmt::format("attach_policy override '{}'", snapshot->origin);
}

// Which field the version was read from: a facts file has two (SPEC §1, mode: attach).
std::string version_field(const ir::Spec& spec) {
  const std::string& field = spec.cluster.facts.kubernetes_version_field;
  if (field.empty() || field.rfind("cluster.", 0) == 0) return "cluster.facts.kubernetes_version";
  return fmt::format("{} in '{}'", field, spec.cluster.facts_from.value);
}

}  // namespace

// "If you already have AKS cluster in your Azure subscription, and it is version 1.17 or
// lower, you can use it to deploy your image." The window is data: attach_policy().
void check_attach_kubernetes_version(const ir::Spec& spec, const RuleContext& context,
                                     RuleReporter& out) {
  if (!spec.mode.usable() || spec.mode.value == ir::Mode::kCreate) return;
  bool attach = spec.mode.value == ir::Mode::kAttach;
  const ir::Field<std::string>& version =
      attach ? spec.cluster.facts.kubernetes_version : spec.kubernetes_version;
  if (!version.usable()) return;
  std::optional<ir::KubernetesVersion> parsed = ir::parse_kubernetes_version(version.value);
  const std::string& newest_text = context.catalog.attach_policy().max_kubernetes_version;
  std::optional<ir::KubernetesVersion> newest = ir::parse_kubernetes_version(newest_text);
  // An unparsable version was reported by the schema (AKS002) or the facts file (AKS507).
  if (!parsed || !newest || ir::kubernetes_version_at_most(*parsed, *newest)) return;
  std::string source = policy_source(context.catalog);
  if (attach) {
    out.report(version.range,
               fmt::format("the cluster runs Kubernetes {} ({}), but Azure ML attaches clusters "
                           "of Kubernetes {} or lower ({})",
                           version.value, version_field(spec), newest_text, source),
               fmt::format("attach a cluster of Kubernetes {} or lower; if your Azure ML "
                           "supports newer versions, raise max_kubernetes_version in an aksc.yaml "
                           "data: attach_policy: override",
                           newest_text));
  } else {
    out.report(version.range,
               fmt::format("kubernetes_version {} is newer than Azure ML attaches: Kubernetes {} "
                           "or lower ({}), and this cluster is attached once AKS has created it",
                           version.value, newest_text, source),
               fmt::format("set kubernetes_version to a {} release or lower; if your Azure ML "
                           "supports newer versions, raise max_kubernetes_version in an aksc.yaml "
                           "data: attach_policy: override",
                           newest_text));
  }
}

}  // namespace aksc::rules
