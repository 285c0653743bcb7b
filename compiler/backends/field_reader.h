#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "ir/field.h"

namespace aksc::intent {

using ir::Field;

/// Reads IR fields into plain values, recording why a required one is unusable.
class FieldReader {
 public:
  explicit FieldReader(std::vector<std::string>& problems) : problems_(problems) {}

  // A string that must be there (written or defaulted) and not empty.
  std::string required(const Field<std::string>& field, std::string_view what) {
    if (!field.usable() || field.value.empty()) {
      problems_.push_back(fmt::format("{} is missing", what));
      return "";
    }
    return checked(field.value, what);
  }

  // A string that may be absent: empty then.
  std::string optional(const Field<std::string>& field, std::string_view what) {
    return field.usable() ? checked(field.value, what) : "";
  }

  template <typename T>
  T required(const Field<T>& field, std::string_view what) {
    if (!field.usable()) problems_.push_back(fmt::format("{} is missing", what));
    return field.value;
  }

  /// A value the spec may leave out: the SPEC default when it is not usable.
  template <typename T>
  T or_default(const Field<T>& field, T fallback) {
    return field.usable() ? field.value : fallback;
  }

  void problem(std::string text) { problems_.push_back(std::move(text)); }

  // Bash and ARM strings cannot carry a NUL byte, so such a value cannot be deployed as written.
  std::string checked(const std::string& value, std::string_view what) {
    if (value.find('\0') != std::string::npos) {
      problems_.push_back(fmt::format("{} contains a NUL character", what));
    }
    return value;
  }

 private:
  std::vector<std::string>& problems_;
};

}  // namespace aksc::intent
