#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace aksc::net {

/// A 128-bit unsigned number: an IPv6 address, or an IPv4 address in the low 32 bits.
struct U128 {
  std::uint64_t hi = 0;
  std::uint64_t lo = 0;

  friend auto operator<=>(const U128&, const U128&) = default;
  friend U128 operator&(U128 a, U128 b) { return {a.hi & b.hi, a.lo & b.lo}; }
  friend U128 operator|(U128 a, U128 b) { return {a.hi | b.hi, a.lo | b.lo}; }
  friend U128 operator~(U128 a) { return {~a.hi, ~a.lo}; }
  /// a + 1 and a - 1, wrapping around.
  U128 next() const { return lo == UINT64_MAX ? U128{hi + 1, 0} : U128{hi, lo + 1}; }
  U128 previous() const { return lo == 0 ? U128{hi - 1, UINT64_MAX} : U128{hi, lo - 1}; }
};

enum class Family : std::uint8_t { kIPv4, kIPv6 };

/// An IPv4 or IPv6 address. Addresses of different families never compare equal; IPv4 sorts
/// first.
struct Address {
  Family family = Family::kIPv4;
  U128 value;  ///< IPv4 in the low 32 bits.

  /// 32 or 128.
  int bits() const { return family == Family::kIPv4 ? 32 : 128; }
  /// Dotted quad, or RFC 5952 text (lower case, longest zero run as "::", IPv4-mapped as
  /// ::ffff:a.b.c.d).
  std::string str() const;

  static Address ipv4(std::uint32_t value) { return {Family::kIPv4, {0, value}}; }
  friend auto operator<=>(const Address&, const Address&) = default;
};

/// An address range in CIDR notation. `address` is kept as written, so a CIDR whose host bits
/// are set (172.17.0.1/16) can be reported or accepted, as each field requires.
struct Cidr {
  Address address;
  int prefix_length = 0;

  /// The first address of the range (the address with its host bits cleared).
  Address first() const;
  /// The last address of the range (the address with its host bits set).
  Address last() const;
  /// The range with its host bits cleared: 172.17.0.1/16 → 172.17.0.0/16.
  Cidr network() const { return {first(), prefix_length}; }
  /// True when the written address is not the first address of its range.
  bool has_host_bits() const { return first() != address; }
  /// Number of addresses as a power of two: 32 - length for IPv4, 128 - length for IPv6.
  int size_log2() const { return address.bits() - prefix_length; }

  bool contains(const Address& other) const;
  /// True when every address of `other` is in this range (same family only).
  bool contains(const Cidr& other) const;
  /// True when the two ranges share an address (same family only).
  bool overlaps(const Cidr& other) const;

  /// "address/length" with the address as written, in canonical text.
  std::string str() const;

  /// A single address as a range: /32 or /128.
  static Cidr single(const Address& address) { return {address, address.bits()}; }
  friend bool operator==(const Cidr&, const Cidr&) = default;
};

/// Strict parsers. Each returns nullopt and, when `error` is given, one sentence saying what is
/// wrong: they reject surrounding blanks, IPv4 octets out of 0–255 or with a leading zero
/// (010.0.0.1: some parsers read it as octal 8), IPv4 with other than four decimal octets,
/// IPv6 groups of more than four hex digits, more than one "::", zone indexes (%eth0), and
/// prefix lengths that are not plain decimal within 0–32 or 0–128 (a leading zero included).
/// Host bits are accepted here; callers decide where they matter (Cidr::has_host_bits).
std::optional<Address> parse_ipv4(std::string_view text, std::string* error = nullptr);
std::optional<Address> parse_ipv6(std::string_view text, std::string* error = nullptr);
/// IPv6 when the text has a ':', else IPv4.
std::optional<Address> parse_address(std::string_view text, std::string* error = nullptr);
/// "address/length", either family.
std::optional<Cidr> parse_cidr(std::string_view text, std::string* error = nullptr);
/// A CIDR, or a bare address taken as a single-address range (/32 or /128).
std::optional<Cidr> parse_address_or_cidr(std::string_view text, std::string* error = nullptr);

}  // namespace aksc::net
