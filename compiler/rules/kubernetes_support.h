#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.h"
#include "ir/kubernetes_version.h"

namespace aksc::rules {

/// Where a Kubernetes version stands in the AKS release calendar on the calendar's snapshot
/// date (Catalog::kubernetes_as_of()), never today's: see
/// rules/AKS501-attach-kubernetes-version.md.
struct KubernetesSupport {
  enum class Status {
    kSupported,     ///< GA on or before the date, end of life on or after it.
    kPreview,       ///< In AKS preview on the date, not yet GA.
    kNotYetOnAks,   ///< Listed, but its AKS preview starts after the date.
    kOutOfSupport,  ///< Its end of life is before the date (LTS or platform support may remain).
    kNewerThanAny,  ///< Newer than every minor version of the calendar.
    kOlderThanAny,  ///< Older than every minor version of the calendar.
  };
  Status status = Status::kOlderThanAny;
  const KubernetesRelease* release = nullptr;  ///< The version's minor, when the calendar has it.
  std::string_view newest;                     ///< The calendar's newest minor.
};

/// The minors AKS supports on the calendar's snapshot date (GA on or before it, end of life on
/// or after it), oldest first.
std::vector<std::string_view> supported_minors(const Catalog& catalog);

/// Judges `version` (any patch of a minor shares the minor's verdict) by the catalog's calendar.
KubernetesSupport judge_kubernetes_version(const Catalog& catalog,
                                           const ir::KubernetesVersion& version);

/// "1.34, 1.35 or 1.36"; "none" when the list is empty.
std::string list_versions(const std::vector<std::string_view>& versions);

}  // namespace aksc::rules
