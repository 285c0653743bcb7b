#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace aksc::ir {

/// A Kubernetes version as its numbers: "1.17.9" is {1, 17, 9}.
using KubernetesVersion = std::vector<std::uint64_t>;

/// Parses two or three dot-separated decimal numbers ("1.17", "1.17.9"), as AKS writes them;
/// nullopt for anything else ("v1.17", "1.17.", "1.x", "01.30", "", a number too large).
std::optional<KubernetesVersion> parse_kubernetes_version(std::string_view text);

/// Compares numerically, component by component (1.9.11 < 1.17); a missing component counts
/// as 0, so 1.17 == 1.17.0. Returns <0, 0 or >0.
int compare_kubernetes_versions(const KubernetesVersion& a, const KubernetesVersion& b);

/// True when `version` is at most `newest`, where `newest` names a release to the depth it is
/// written: "1.17" admits every 1.17.x ("1.17 or lower"), "1.17.9" admits 1.17.9 but not 1.17.10.
bool kubernetes_version_at_most(const KubernetesVersion& version, const KubernetesVersion& newest);

}  // namespace aksc::ir
