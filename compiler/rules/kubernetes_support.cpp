#include "rules/kubernetes_support.h"

namespace aksc::rules {

KubernetesSupport judge_kubernetes_version(const Catalog& catalog,
                                           const ir::KubernetesVersion& version) {
  using Status = KubernetesSupport::Status;
  KubernetesSupport result;
  std::string_view as_of = catalog.kubernetes_as_of();  // ISO dates compare as text
  ir::KubernetesVersion minor(version.begin(), version.begin() + 2);
  for (const KubernetesRelease& release : catalog.kubernetes_releases()) {
    if (!release.ga.empty() && release.ga <= as_of && as_of <= release.end_of_life) {
      result.supported.emplace_back(release.version);
    }
    result.newest = release.version;
    std::optional<ir::KubernetesVersion> listed = ir::parse_kubernetes_version(release.version);
    if (listed && ir::compare_kubernetes_versions(*listed, minor) == 0) result.release = &release;
  }
  if (const KubernetesRelease* release = result.release) {
    if (as_of < release->preview) {
      result.status = Status::kNotYetOnAks;
    } else if (as_of < release->ga) {
      result.status = Status::kPreview;
    } else if (as_of <= release->end_of_life) {
      result.status = Status::kSupported;
    } else {
      result.status = Status::kOutOfSupport;
    }
    return result;
  }
  std::optional<ir::KubernetesVersion> newest = ir::parse_kubernetes_version(result.newest);
  result.status = newest && ir::compare_kubernetes_versions(minor, *newest) > 0
                      ? Status::kNewerThanAny
                      : Status::kOlderThanAny;
  return result;
}

std::string list_versions(const std::vector<std::string>& versions) {
  if (versions.empty()) return "none";
  std::string text = versions.front();
  for (std::size_t i = 1; i < versions.size(); ++i) {
    text += (i + 1 == versions.size() ? " or " : ", ") + versions[i];
  }
  return text;
}

}  // namespace aksc::rules
