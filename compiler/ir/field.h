#pragma once

#include "diag/source_range.h"

namespace aksc::ir {

/// Where a field's value came from; rules need to say "defaulted" and skip invalid values.
enum class Origin {
  kAbsent,     ///< Not written and no default.
  kWritten,    ///< Written in the spec.
  kDefaulted,  ///< Not written; `value` holds the default of SPEC.md.
  kInvalid,    ///< Written but rejected by the schema; rules must not use `value`.
};

/// A value with the place it was written (or, when defaulted, the place of its parent).
template <typename T>
struct Field {
  T value{};
  SourceRange range;
  Origin origin = Origin::kAbsent;

  /// True when `value` is meaningful: written or defaulted.
  bool usable() const { return origin == Origin::kWritten || origin == Origin::kDefaulted; }
  bool written() const { return origin == Origin::kWritten; }
  bool defaulted() const { return origin == Origin::kDefaulted; }
};

}  // namespace aksc::ir
