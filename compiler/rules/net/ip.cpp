#include "rules/net/ip.h"

#include <array>
#include <vector>

#include <fmt/format.h>

#include "diag/text_util.h"

namespace aksc::net {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

template <typename T>
std::optional<T> fail(std::string* error, std::string message) {
  if (error) *error = std::move(message);
  return std::nullopt;
}

// The low `count` bits set.
U128 low_bits(int count) {
  if (count <= 0) return {};
  if (count >= 128) return {UINT64_MAX, UINT64_MAX};
  if (count < 64) return {0, (std::uint64_t{1} << count) - 1};
  if (count == 64) return {0, UINT64_MAX};
  return {(std::uint64_t{1} << (count - 64)) - 1, UINT64_MAX};
}

// Checks what every parser rejects before looking at the syntax.
bool check_text(std::string_view text, std::string_view what, std::string* error) {
  if (text.empty()) {
    if (error) *error = fmt::format("empty {}", what);
    return false;
  }
  if (is_blank(text.front()) || is_blank(text.back())) {
    if (error) *error = fmt::format("'{}' has blanks around the {}", text, what);
    return false;
  }
  return true;
}

// One IPv6 part (the text on one side of "::"): hex groups separated by ':', the last of which
// may be an IPv4 dotted quad when `may_end_in_ipv4`.
bool parse_groups(std::string_view whole, std::string_view part, bool may_end_in_ipv4,
                  std::vector<std::uint16_t>& groups, std::string* error) {
  if (part.empty()) return true;
  std::size_t start = 0;
  while (true) {
    std::size_t colon = part.find(':', start);
    std::string_view piece = part.substr(
        start, colon == std::string_view::npos ? std::string_view::npos : colon - start);
    bool last = colon == std::string_view::npos;
    if (piece.empty()) {
      if (error) *error = fmt::format("'{}' has an empty group (a single ':' at an end?)", whole);
      return false;
    }
    if (piece.find('.') != std::string_view::npos) {
      if (!last || !may_end_in_ipv4) {
        if (error) {
          *error = fmt::format("'{}' has an IPv4 part '{}' that is not at its end", whole, piece);
        }
        return false;
      }
      std::string ipv4_error;
      std::optional<Address> v4 = parse_ipv4(piece, &ipv4_error);
      if (!v4) {
        if (error) *error = fmt::format("'{}' ends in a bad IPv4 part: {}", whole, ipv4_error);
        return false;
      }
      auto v = static_cast<std::uint32_t>(v4->value.lo);
      groups.push_back(static_cast<std::uint16_t>(v >> 16));
      groups.push_back(static_cast<std::uint16_t>(v & 0xffff));
      return true;
    }
    if (piece.size() > 4) {
      if (error) {
        *error = fmt::format("'{}' has a group '{}' of more than 4 hex digits", whole, piece);
      }
      return false;
    }
    unsigned value = 0;
    for (char c : piece) {
      int digit = hex_value(c);
      if (digit < 0) {
        if (error) *error = fmt::format("'{}' has '{}', which is not a hex group", whole, piece);
        return false;
      }
      value = value * 16 + static_cast<unsigned>(digit);
    }
    groups.push_back(static_cast<std::uint16_t>(value));
    if (last) return true;
    start = colon + 1;
  }
}

// A decimal prefix length in 0..bits, without sign or leading zero.
std::optional<int> parse_prefix_length(std::string_view whole, std::string_view text, int bits,
                                       std::string* error) {
  if (text.empty())
    return fail<int>(error, fmt::format("'{}' has no prefix length after '/'", whole));
  for (char c : text) {
    if (!is_ascii_digit(c)) {
      return fail<int>(
          error, fmt::format("'{}' has prefix length '{}', which is not a number", whole, text));
    }
  }
  if (text.size() > 1 && text[0] == '0') {
    return fail<int>(error,
                     fmt::format("'{}' has prefix length '{}' with a leading zero", whole, text));
  }
  if (text.size() > 3 || std::stoi(std::string(text)) > bits) {
    return fail<int>(error, fmt::format("'{}' has prefix length {}, but an {} prefix is 0 to {}",
                                        whole, text, bits == 32 ? "IPv4" : "IPv6", bits));
  }
  return std::stoi(std::string(text));
}

}  // namespace

std::string Address::str() const {
  if (family == Family::kIPv4) {
    auto v = static_cast<std::uint32_t>(value.lo);
    return fmt::format("{}.{}.{}.{}", v >> 24, (v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff);
  }
  if (value.hi == 0 && (value.lo >> 32) == 0xffff) {  // IPv4-mapped (RFC 5952 section 5)
    return "::ffff:" + Address::ipv4(static_cast<std::uint32_t>(value.lo)).str();
  }
  std::array<unsigned, 8> groups{};
  for (int i = 0; i < 4; ++i) {
    groups[i] = static_cast<unsigned>((value.hi >> (48 - 16 * i)) & 0xffff);
    groups[i + 4] = static_cast<unsigned>((value.lo >> (48 - 16 * i)) & 0xffff);
  }
  // The longest run of two or more zero groups becomes "::"; the first one on a tie.
  int best_start = -1, best_length = 1;
  for (int i = 0; i < 8;) {
    if (groups[i] != 0) {
      ++i;
      continue;
    }
    int j = i;
    while (j < 8 && groups[j] == 0)
      ++j;
    if (j - i > best_length) {
      best_start = i;
      best_length = j - i;
    }
    i = j;
  }
  std::string text;
  for (int i = 0; i < 8; ++i) {
    if (i == best_start) {
      text += "::";
      i += best_length - 1;
      continue;
    }
    if (!text.empty() && text.back() != ':') text += ':';
    text += fmt::format("{:x}", groups[i]);
  }
  return text;
}

Address Cidr::first() const {
  U128 host = low_bits(address.bits() - prefix_length);
  return {address.family, address.value & ~host};
}

Address Cidr::last() const {
  U128 host = low_bits(address.bits() - prefix_length);
  return {address.family, address.value | host};
}

bool Cidr::contains(const Address& other) const {
  return other.family == address.family && first() <= other && other <= last();
}

bool Cidr::contains(const Cidr& other) const {
  return other.address.family == address.family && first() <= other.first() &&
         other.last() <= last();
}

bool Cidr::overlaps(const Cidr& other) const {
  return other.address.family == address.family && first() <= other.last() &&
         other.first() <= last();
}

std::string Cidr::str() const {
  return fmt::format("{}/{}", address.str(), prefix_length);
}

std::optional<Address> parse_ipv4(std::string_view text, std::string* error) {
  if (!check_text(text, "IPv4 address", error)) return std::nullopt;
  std::uint32_t value = 0;
  int octets = 0;
  std::size_t start = 0;
  while (true) {
    std::size_t dot = text.find('.', start);
    std::string_view octet =
        text.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (++octets > 4) {
      return fail<Address>(error, fmt::format("'{}' has more than 4 octets", text));
    }
    if (octet.empty()) {
      return fail<Address>(error, fmt::format("'{}' has an empty octet", text));
    }
    for (char c : octet) {
      if (!is_ascii_digit(c)) {
        return fail<Address>(
            error, fmt::format("'{}' has octet '{}', which is not a decimal number", text, octet));
      }
    }
    if (octet.size() > 1 && octet[0] == '0') {
      return fail<Address>(error, fmt::format("'{}' has octet '{}' with a leading zero, which some "
                                              "parsers read as octal",
                                              text, octet));
    }
    if (octet.size() > 3 || std::stoi(std::string(octet)) > 255) {
      return fail<Address>(
          error, fmt::format("'{}' has octet {}, out of the range 0 to 255", text, octet));
    }
    value = (value << 8) | static_cast<std::uint32_t>(std::stoi(std::string(octet)));
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  if (octets != 4) {
    return fail<Address>(error,
                         fmt::format("'{}' has {} octets; an IPv4 address has 4", text, octets));
  }
  return Address::ipv4(value);
}

std::optional<Address> parse_ipv6(std::string_view text, std::string* error) {
  if (!check_text(text, "IPv6 address", error)) return std::nullopt;
  if (text.find('%') != std::string_view::npos) {
    return fail<Address>(error,
                         fmt::format("'{}' has a zone index (%...), not allowed here", text));
  }
  std::size_t gap = text.find("::");
  if (gap != std::string_view::npos && text.find("::", gap + 1) != std::string_view::npos) {
    return fail<Address>(error, fmt::format("'{}' has '::' more than once", text));
  }
  std::vector<std::uint16_t> head, tail;
  if (gap == std::string_view::npos) {
    if (!parse_groups(text, text, true, head, error)) return std::nullopt;
    if (head.size() != 8) {
      return fail<Address>(error, fmt::format("'{}' has {} groups; an IPv6 address without '::' "
                                              "has 8",
                                              text, head.size()));
    }
  } else {
    if (!parse_groups(text, text.substr(0, gap), false, head, error)) return std::nullopt;
    if (!parse_groups(text, text.substr(gap + 2), true, tail, error)) return std::nullopt;
    if (head.size() + tail.size() > 7) {
      return fail<Address>(error, fmt::format("'{}' has {} groups besides '::'; at most 7 fit",
                                              text, head.size() + tail.size()));
    }
  }
  std::array<std::uint16_t, 8> groups{};
  for (std::size_t i = 0; i < head.size(); ++i)
    groups[i] = head[i];
  for (std::size_t i = 0; i < tail.size(); ++i)
    groups[8 - tail.size() + i] = tail[i];
  U128 value;
  for (int i = 0; i < 4; ++i) {
    value.hi = (value.hi << 16) | groups[i];
    value.lo = (value.lo << 16) | groups[i + 4];
  }
  return Address{Family::kIPv6, value};
}

std::optional<Address> parse_address(std::string_view text, std::string* error) {
  return text.find(':') != std::string_view::npos ? parse_ipv6(text, error)
                                                  : parse_ipv4(text, error);
}

std::optional<Cidr> parse_cidr(std::string_view text, std::string* error) {
  if (!check_text(text, "CIDR", error)) return std::nullopt;
  std::size_t slash = text.find('/');
  if (slash == std::string_view::npos) {
    return fail<Cidr>(error, fmt::format("'{}' has no '/prefix-length'", text));
  }
  if (text.find('/', slash + 1) != std::string_view::npos) {
    return fail<Cidr>(error, fmt::format("'{}' has more than one '/'", text));
  }
  std::optional<Address> address = parse_address(text.substr(0, slash), error);
  if (!address) return std::nullopt;
  std::optional<int> length =
      parse_prefix_length(text, text.substr(slash + 1), address->bits(), error);
  if (!length) return std::nullopt;
  return Cidr{*address, *length};
}

std::optional<Cidr> parse_address_or_cidr(std::string_view text, std::string* error) {
  if (text.find('/') != std::string_view::npos) return parse_cidr(text, error);
  std::optional<Address> address = parse_address(text, error);
  if (!address) return std::nullopt;
  return Cidr::single(*address);
}

}  // namespace aksc::net
