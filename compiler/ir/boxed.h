#pragma once

#include <memory>
#include <utility>

namespace aksc::ir {

/// A part of a spec that most specs leave out (an attach cluster, a network block), held on the
/// heap only when written: a spec without it carries one pointer instead of the whole part.
/// Reading an absent part gives the part's empty value, as a member would; writing through a
/// non-const Boxed creates it. Copies are deep, like the member it replaces.
template <typename T>
class Boxed {
 public:
  Boxed() = default;
  Boxed(const Boxed& other) : value_(other.value_ ? std::make_unique<T>(*other.value_) : nullptr) {}
  Boxed(Boxed&&) noexcept = default;
  Boxed& operator=(const Boxed& other) {
    if (this != &other) value_ = other.value_ ? std::make_unique<T>(*other.value_) : nullptr;
    return *this;
  }
  Boxed& operator=(Boxed&&) noexcept = default;
  Boxed& operator=(T value) {
    value_ = std::make_unique<T>(std::move(value));
    return *this;
  }
  ~Boxed() = default;

  bool has_value() const { return value_ != nullptr; }
  void reset() { value_.reset(); }

  const T& operator*() const { return value_ ? *value_ : empty(); }
  const T* operator->() const { return &**this; }
  operator const T&() const { return **this; }  // NOLINT: reads as the member it replaces

  T& operator*() {
    if (!value_) value_ = std::make_unique<T>();
    return *value_;
  }
  T* operator->() { return &**this; }

 private:
  static const T& empty() {
    static const T kEmpty{};
    return kEmpty;
  }

  std::unique_ptr<T> value_;
};

}  // namespace aksc::ir
