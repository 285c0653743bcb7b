#include "ir/kubernetes_version.h"

#include <algorithm>
#include <charconv>

namespace aksc::ir {

std::optional<KubernetesVersion> parse_kubernetes_version(std::string_view text) {
  KubernetesVersion version;
  std::size_t begin = 0;
  while (true) {
    std::size_t dot = text.find('.', begin);
    std::string_view part = text.substr(begin, dot == std::string_view::npos ? dot : dot - begin);
    if (part.empty() || (part.size() > 1 && part[0] == '0') ||  // "01.30" is not a version
        !std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return std::nullopt;
    }
    std::uint64_t number = 0;
    auto [end, error] = std::from_chars(part.data(), part.data() + part.size(), number);
    if (error != std::errc() || end != part.data() + part.size()) return std::nullopt;
    version.push_back(number);
    if (dot == std::string_view::npos) break;
    begin = dot + 1;
  }
  if (version.size() < 2 || version.size() > 3) return std::nullopt;
  return version;
}

int compare_kubernetes_versions(const KubernetesVersion& a, const KubernetesVersion& b) {
  for (std::size_t i = 0; i < std::max(a.size(), b.size()); ++i) {
    std::uint64_t x = i < a.size() ? a[i] : 0;
    std::uint64_t y = i < b.size() ? b[i] : 0;
    if (x != y) return x < y ? -1 : 1;
  }
  return 0;
}

bool kubernetes_version_at_most(const KubernetesVersion& version, const KubernetesVersion& newest) {
  KubernetesVersion head(version.begin(), version.begin() + static_cast<std::ptrdiff_t>(std::min(
                                                                version.size(), newest.size())));
  return compare_kubernetes_versions(head, newest) <= 0;
}

}  // namespace aksc::ir
