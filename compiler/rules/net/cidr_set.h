#pragma once

#include <span>
#include <vector>

#include "rules/net/ip.h"

namespace aksc::net {

/// The union of address ranges, kept as sorted, disjoint, non-adjacent intervals, so that
/// containment and overlap queries take O(log n) after an O(n log n) build.
class CidrSet {
 public:
  CidrSet() = default;
  /// Host bits of the ranges are ignored: each range counts from its first address.
  explicit CidrSet(std::span<const Cidr> ranges);

  /// True when every address of `range` is in the union (ranges of the other family never are).
  bool covers(const Cidr& range) const;
  /// True when some address of `range` is in the union.
  bool overlaps(const Cidr& range) const;
  bool empty() const { return intervals_.empty(); }
  /// Number of disjoint intervals left after merging.
  std::size_t interval_count() const { return intervals_.size(); }

 private:
  struct Interval {
    Address first;
    Address last;
  };
  // The interval with the greatest first address <= `address`, or nullptr.
  const Interval* floor(const Address& address) const;
  std::vector<Interval> intervals_;  // sorted by first; disjoint and not adjacent
};

}  // namespace aksc::net
