#pragma once

#include <utility>

#include "diag/source_range.h"
#include "ir/field.h"

namespace aksc::test {

/// An IR field as the front end would leave it: `value`, where it came from, and its place.
template <typename T>
ir::Field<T> field_value(T value, ir::Origin origin, SourceRange range) {
  ir::Field<T> field;
  field.value = std::move(value);
  field.origin = origin;
  field.range = range;
  return field;
}

}  // namespace aksc::test
