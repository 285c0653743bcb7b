#include "rules/kubernetes_support.h"

#include <fmt/format.h>

namespace aksc::rules {

std::vector<std::string_view> supported_minors(const Catalog& catalog) {
  std::string_view as_of = catalog.kubernetes_as_of();  // ISO dates compare as text
  std::vector<std::string_view> supported;
  for (const KubernetesRelease& release : catalog.kubernetes_releases()) {
    if (release.ga <= as_of && as_of <= release.end_of_life) supported.push_back(release.version);
  }
  return supported;
}

KubernetesSupport judge_kubernetes_version(const Catalog& catalog,
                                           const ir::KubernetesVersion& version) {
  using Status = KubernetesSupport::Status;
  KubernetesSupport result;
  std::string_view as_of = catalog.kubernetes_as_of();
  std::span<const KubernetesRelease> releases = catalog.kubernetes_releases();
  // The loader keeps only minors written as "1.34" (no leading zero), sorted by number, so the
  // version's minor matches a row by its text.
  const std::string minor = fmt::format("{}.{}", version[0], version[1]);
  if (!releases.empty()) result.newest = releases.back().version;
  for (const KubernetesRelease& release : releases) {
    if (release.version == minor) result.release = &release;
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
  ir::KubernetesVersion minor_version(version.begin(), version.begin() + 2);
  result.status = newest && ir::compare_kubernetes_versions(minor_version, *newest) > 0
                      ? Status::kNewerThanAny
                      : Status::kOlderThanAny;
  return result;
}

std::string list_versions(const std::vector<std::string_view>& versions) {
  if (versions.empty()) return "none";
  std::string text(versions.front());
  for (std::size_t i = 1; i < versions.size(); ++i) {
    text += i + 1 == versions.size() ? " or " : ", ";
    text += versions[i];
  }
  return text;
}

}  // namespace aksc::rules
