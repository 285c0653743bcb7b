#include "rules/net/field_syntax.h"

#include <fmt/format.h>

namespace aksc::net {

std::optional<Cidr> parse_authorized_range(std::string_view text, std::string* error) {
  if (text.empty()) {
    if (error) *error = "an empty entry is neither an address nor a CIDR";
    return std::nullopt;
  }
  std::optional<Cidr> range = parse_address_or_cidr(text, error);
  if (!range) return std::nullopt;
  if (range->has_host_bits()) {
    if (error) {
      *error = fmt::format("'{}' does not start at the first address of its range: write {}", text,
                           range->network().str());
    }
    return std::nullopt;
  }
  return range;
}

std::optional<Cidr> parse_network_cidr(std::string_view text, std::string* error) {
  std::optional<Cidr> range = parse_cidr(text, error);
  if (!range) return std::nullopt;
  if (range->address.family != Family::kIPv4) {
    if (error) *error = fmt::format("'{}' is an IPv6 CIDR; this field takes an IPv4 CIDR", text);
    return std::nullopt;
  }
  return range;
}

std::optional<Address> parse_network_address(std::string_view text, std::string* error) {
  if (text.find('/') != std::string_view::npos) {
    if (error) *error = fmt::format("'{}' is a CIDR; this field takes one IPv4 address", text);
    return std::nullopt;
  }
  std::optional<Address> address = parse_address(text, error);
  if (!address) return std::nullopt;
  if (address->family != Family::kIPv4) {
    if (error)
      *error = fmt::format("'{}' is an IPv6 address; this field takes an IPv4 address", text);
    return std::nullopt;
  }
  return address;
}

}  // namespace aksc::net
