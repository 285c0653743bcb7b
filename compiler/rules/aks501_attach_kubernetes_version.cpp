// AKS501 attach-kubernetes-version — rules/AKS501-attach-kubernetes-version.md
#include <fmt/format.h>

#include "ir/kubernetes_version.h"
#include "rules/attach_rules.h"
#include "rules/kubernetes_support.h"

namespace aksc::rules {
namespace {

// Names the policy a fixed window comes from: shipped, a named profile, or an aksc.yaml file.
std::string policy_source(const Catalog& catalog) {
  const DataSnapshot* snapshot = catalog.snapshot("attach-policy");
  if (!snapshot || snapshot->origin == "embedded") {
    return fmt::format("attach-policy table{}",
                       snapshot && !snapshot->date.empty() ? " of " + snapshot->date : "");
  }
  if (snapshot->origin.rfind("profile ", 0) == 0) return "attach_policy " + snapshot->origin;
  return fmt::format("attach_policy override '{}'", snapshot->origin);
}

// Names the calendar and the date its verdicts hold on.
std::string calendar_source(const Catalog& catalog) {
  const DataSnapshot* snapshot = catalog.snapshot("aks-kubernetes-versions");
  std::string date(catalog.kubernetes_as_of());
  if (!snapshot || snapshot->origin == "embedded") {
    return fmt::format("AKS release calendar of {}", date);
  }
  return fmt::format("kubernetes_versions override '{}' of {}", snapshot->origin, date);
}

// Which field the version was read from: a facts file has two (SPEC §1, mode: attach).
std::string version_field(const ir::Spec& spec) {
  const std::string& field = spec.cluster->facts.kubernetes_version_field;
  if (field.empty() || field.rfind("cluster.", 0) == 0) return "cluster.facts.kubernetes_version";
  return fmt::format("{} in '{}'", field, spec.cluster->facts_from.value);
}

// The seed's window "version 1.17 or lower", kept as the seed-2020 profile and for policy
// files that set max_kubernetes_version.
void check_fixed_window(const ir::Spec& spec, const ir::Field<std::string>& version,
                        const ir::KubernetesVersion& parsed, const RuleContext& context,
                        RuleReporter& out) {
  const std::string& newest_text = context.catalog.attach_policy().max_kubernetes_version;
  std::optional<ir::KubernetesVersion> newest = ir::parse_kubernetes_version(newest_text);
  if (!newest || ir::kubernetes_version_at_most(parsed, *newest)) return;
  std::string source = policy_source(context.catalog);
  if (spec.mode.value == ir::Mode::kAttach) {
    out.report(version.range,
               fmt::format("the cluster runs Kubernetes {} ({}), but Azure ML attaches clusters "
                           "of Kubernetes {} or lower ({})",
                           version.value, version_field(spec), newest_text, source),
               fmt::format("attach a cluster of Kubernetes {} or lower, or judge by the AKS "
                           "release calendar: remove the aksc.yaml data: attach_policy: entry",
                           newest_text));
  } else {
    out.report(version.range,
               fmt::format("kubernetes_version {} is newer than Azure ML attaches: Kubernetes {} "
                           "or lower ({}), and this cluster is attached once AKS has created it",
                           version.value, newest_text, source),
               fmt::format("set kubernetes_version to a {} release or lower, or judge by the AKS "
                           "release calendar: remove the aksc.yaml data: attach_policy: entry",
                           newest_text));
  }
}

// Why a version is outside the calendar's supported window, in a clause.
std::string why_unsupported(const KubernetesSupport& support, const ir::KubernetesVersion& parsed,
                            std::string_view as_of) {
  using Status = KubernetesSupport::Status;
  std::string minor = fmt::format("{}.{}", parsed[0], parsed[1]);
  const KubernetesRelease* release = support.release;
  switch (support.status) {
    case Status::kNewerThanAny:
      return fmt::format("{} is newer than any AKS version in the calendar (newest {})", minor,
                         support.newest);
    case Status::kOlderThanAny:
      return fmt::format("{} is older than any AKS version in the calendar, long out of support",
                         minor);
    case Status::kNotYetOnAks:
      return fmt::format("{} is not on AKS yet on {} (preview from {}, GA {})", minor, as_of,
                         release->preview, release->ga);
    default:
      break;
  }
  std::string reason = fmt::format("AKS support for {} ended on {}", minor, release->end_of_life);
  // Empty: none (before AKS had the policy), or ended by a release the calendar does not list.
  if (!release->platform_support_until.empty() && as_of < release->platform_support_until) {
    reason +=
        "; its platform support (N-3) covers neither Kubernetes components nor cluster "
        "creation";
  }
  if (!release->lts_end.empty() && as_of <= release->lts_end) {
    reason += fmt::format(
        "; long-term support lasts until {}, only for clusters with LTS "
        "enabled, which aksc cannot see",
        release->lts_end);
  }
  return reason;
}

}  // namespace

// "When **attaching** an existing AKS cluster, we support all currently supported AKS
// versions." Judged by the release calendar on its snapshot date, unless the attach policy
// fixes a window (max_kubernetes_version, the seed-2020 profile).
void check_attach_kubernetes_version(const ir::Spec& spec, const RuleContext& context,
                                     RuleReporter& out) {
  if (!spec.mode.usable() || spec.mode.value == ir::Mode::kCreate) return;
  bool attach = spec.mode.value == ir::Mode::kAttach;
  const ir::Field<std::string>& version =
      attach ? spec.cluster->facts.kubernetes_version : spec.kubernetes_version;
  if (!version.usable()) return;
  std::optional<ir::KubernetesVersion> parsed = ir::parse_kubernetes_version(version.value);
  // An unparsable version was reported by the schema (AKS002) or the facts file (AKS507).
  if (!parsed) return;
  if (!context.catalog.attach_policy().max_kubernetes_version.empty()) {
    check_fixed_window(spec, version, *parsed, context, out);
    return;
  }
  KubernetesSupport support = judge_kubernetes_version(context.catalog, *parsed);
  if (support.status == KubernetesSupport::Status::kSupported) return;
  std::string_view as_of = context.catalog.kubernetes_as_of();
  std::string source = calendar_source(context.catalog);
  std::string supported = list_versions(supported_minors(context.catalog));
  std::string what = attach ? fmt::format("the cluster runs Kubernetes {} ({})", version.value,
                                          version_field(spec))
                            : fmt::format("kubernetes_version {}", version.value);
  if (support.status == KubernetesSupport::Status::kPreview) {
    Finding& finding = out.report(
        version.range,
        fmt::format("{}: {}.{} is an AKS preview version on {} (GA {}); Azure ML attaches "
                    "preview versions without a service level agreement, not recommended for "
                    "production ({})",
                    what, (*parsed)[0], (*parsed)[1], as_of, support.release->ga, source),
        fmt::format("for production use a GA version: {}", supported));
    finding.severity = Severity::kWarning;
    finding.keep_severity = true;
    return;
  }
  std::string reason = why_unsupported(support, *parsed, as_of);
  const KubernetesRelease* release = support.release;
  bool lts = release && !release->lts_end.empty() && as_of <= release->lts_end &&
             support.status == KubernetesSupport::Status::kOutOfSupport;
  if (attach) {
    out.report(version.range,
               fmt::format("{}, but Azure ML attaches only currently supported AKS versions: {} "
                           "({}); {}",
                           what, supported, source, reason),
               fmt::format("upgrade the cluster to {} (az aks upgrade --kubernetes-version), "
                           "then save its facts again{}",
                           supported,
                           lts ? "; if it has long-term support enabled, suppress this finding "
                                 "with that reason"
                               : ""));
  } else {
    out.report(version.range,
               fmt::format("{} is not a currently supported AKS version, and this cluster is "
                           "attached once AKS has created it: Azure ML attaches {} ({}); {}",
                           what, supported, source, reason),
               fmt::format("set kubernetes_version to {} (quoted), or leave it out for AKS's "
                           "default version",
                           supported));
  }
}

}  // namespace aksc::rules
