#include "rules/net/cidr_set.h"

#include <algorithm>
#include <numeric>

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

std::vector<std::pair<std::size_t, std::size_t>> overlapping_pairs(std::span<const Cidr> ranges) {
  std::vector<std::size_t> order(ranges.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return ranges[a].first() < ranges[b].first(); });
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  std::vector<std::size_t> active;  // ranges that may still overlap a later one
  for (std::size_t index : order) {
    const Cidr& range = ranges[index];
    std::erase_if(active, [&](std::size_t other) { return ranges[other].last() < range.first(); });
    for (std::size_t other : active) {
      if (ranges[other].overlaps(range))
        pairs.emplace_back(std::min(index, other), std::max(index, other));
    }
    active.push_back(index);
  }
  std::sort(pairs.begin(), pairs.end());
  return pairs;
}

}  // namespace aksc::net
