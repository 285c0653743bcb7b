#include "policy/policy.h"

#include <algorithm>

namespace aksc {

bool Policy::selects(const ir::Spec& spec) const {
  if (!kinds.empty() && std::find(kinds.begin(), kinds.end(), spec.kind) == kinds.end())
    return false;
  if (modes.empty() || !spec.mode.usable()) return true;
  return std::find(modes.begin(), modes.end(), spec.mode.value) != modes.end();
}

const Policy* PolicySet::find(std::string_view id) const {
  for (const Policy& policy : policies)
    if (policy.id == id) return &policy;
  return nullptr;
}

bool is_policy_id(std::string_view id) {
  auto upper_or_digit = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
  std::size_t dash = id.find('-');
  if (dash == std::string_view::npos || dash == 0 || dash + 1 == id.size()) return false;
  if (id[0] < 'A' || id[0] > 'Z' || id.starts_with("AKS")) return false;
  if (!std::all_of(id.begin(), id.begin() + static_cast<std::ptrdiff_t>(dash), upper_or_digit))
    return false;
  return std::all_of(id.begin() + static_cast<std::ptrdiff_t>(dash) + 1, id.end(),
                     [&](char c) { return upper_or_digit(c) || c == '-'; });
}

}  // namespace aksc
