#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace aksc::rules {

/// A Kubernetes resource quantity ("500m", "4Gi", "1e3", "0.5"), held exactly in nano-units as
/// Kubernetes itself keeps it (k8s.io/apimachinery resource.Quantity: nothing finer than 1n,
/// finer values round up), so that comparisons are exact: "1Gi" > "1G", "1500Mi" < "1.5Gi".
class Quantity {
 public:
  __extension__ using Nanos = __int128;

  static Quantity from_nanos(Nanos nanos) { return Quantity(nanos); }
  static Quantity from_units(std::int64_t units) { return Quantity(Nanos(units) * kNanosPerUnit); }
  /// Bytes of `mib` mebibytes, for memory.
  static Quantity from_mebibytes(std::int64_t mib) { return from_units(mib) * (Nanos(1) << 20); }

  Nanos nanos() const { return nanos_; }
  bool is_zero() const { return nanos_ == 0; }
  bool is_negative() const { return nanos_ < 0; }
  /// True for whole units: "2", "2e0", "2000m"; false for "1.5" or "500m".
  bool is_whole() const { return nanos_ % kNanosPerUnit == 0; }
  /// Whole units, rounded up (3500m → 4).
  std::int64_t ceil_units() const;

  /// "3.5" for 3500m, "0.1" for 100m, "2" for 2: the value in units, exact to the milli-unit,
  /// finer parts rounded up (display only; verdicts compare nanos()).
  std::string units_text() const;
  /// "1.46 GiB", "512 MiB", "2 GiB": a memory quantity in bytes shown in binary units, two
  /// decimals at most (display only).
  std::string bytes_text() const;

  friend bool operator==(const Quantity& a, const Quantity& b) { return a.nanos_ == b.nanos_; }
  friend bool operator<(const Quantity& a, const Quantity& b) { return a.nanos_ < b.nanos_; }
  friend bool operator>(const Quantity& a, const Quantity& b) { return b < a; }
  friend bool operator<=(const Quantity& a, const Quantity& b) { return !(b < a); }
  friend bool operator>=(const Quantity& a, const Quantity& b) { return !(a < b); }
  friend Quantity operator*(const Quantity& a, Nanos factor) { return Quantity(a.nanos_ * factor); }

  static constexpr std::int64_t kNanosPerUnit = 1'000'000'000;

 private:
  explicit Quantity(Nanos nanos) : nanos_(nanos) {}
  Nanos nanos_ = 0;
};

/// A quantity parsed, or why the text is not one (a phrase to follow "is not a Kubernetes
/// quantity: ").
struct QuantityParse {
  std::optional<Quantity> value;
  std::string error;
};

/// Parses Kubernetes quantity syntax: an optionally signed decimal number ("5", "5.", ".5",
/// "0.5") and one suffix: binary (Ki Mi Gi Ti Pi Ei), decimal (n u m k M G T P E, or none) or
/// a decimal exponent (e or E and a signed integer: "1e3", "5E-1"). No spaces. Values beyond
/// 10^27 units are refused as out of range, so that the nano-units fit in 128 bits.
QuantityParse parse_quantity(std::string_view text);

}  // namespace aksc::rules
