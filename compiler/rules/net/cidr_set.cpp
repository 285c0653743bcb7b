#include "rules/net/cidr_set.h"

#include <algorithm>

namespace aksc::net {

CidrSet::CidrSet(std::span<const Cidr> ranges) {
  std::vector<Interval> sorted;
  sorted.reserve(ranges.size());
  for (const Cidr& range : ranges)
    sorted.push_back({range.first(), range.last()});
  std::sort(sorted.begin(), sorted.end(),
            [](const Interval& a, const Interval& b) { return a.first < b.first; });
  for (const Interval& interval : sorted) {
    if (!intervals_.empty()) {
      Interval& back = intervals_.back();
      // Merge when the interval overlaps or directly follows the previous one (same family).
      bool same_family = back.last.family == interval.first.family;
      bool at_end =
          back.last.value ==
          (back.last.family == Family::kIPv4 ? U128{0, UINT32_MAX} : U128{UINT64_MAX, UINT64_MAX});
      if (same_family && (at_end || interval.first.value <= back.last.value.next())) {
        back.last = std::max(back.last, interval.last);
        continue;
      }
    }
    intervals_.push_back(interval);
  }
}

const CidrSet::Interval* CidrSet::floor(const Address& address) const {
  auto after = std::upper_bound(
      intervals_.begin(), intervals_.end(), address,
      [](const Address& value, const Interval& interval) { return value < interval.first; });
  if (after == intervals_.begin()) return nullptr;
  return &*std::prev(after);
}

bool CidrSet::covers(const Cidr& range) const {
  const Interval* interval = floor(range.first());
  return interval && interval->first.family == range.address.family &&
         range.last() <= interval->last;
}

bool CidrSet::overlaps(const Cidr& range) const {
  const Interval* interval = floor(range.last());
  return interval && interval->first.family == range.address.family &&
         range.first() <= interval->last;
}

}  // namespace aksc::net
