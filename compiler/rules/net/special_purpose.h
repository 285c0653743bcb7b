#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "rules/net/ip.h"

namespace aksc::net {

/// One block of the IANA IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890), plus the
/// multicast blocks (RFC 5771, RFC 4291), which are not in those registries but are not public
/// unicast addresses either.
struct SpecialPurposeBlock {
  std::string_view prefix;  ///< "10.0.0.0/8"
  std::string_view name;    ///< "private-use"
  std::string_view rfc;     ///< "RFC 1918"
  /// The registry's "Globally Reachable" column: true only for the blocks that carve global
  /// exceptions out of a larger non-global block (192.0.0.9/32 inside 192.0.0.0/24).
  bool globally_reachable = false;
};

/// The table, IPv4 then IPv6, by address.
std::span<const SpecialPurposeBlock> special_purpose_blocks();

/// The non-global blocks that `range` touches outside the global exceptions. When one of them
/// holds all of `range`, only the most specific such block; else all of them, by address.
std::vector<const SpecialPurposeBlock*> non_global_blocks(const Cidr& range);

/// True when no address of `range` is in a non-global special-purpose block: the range is
/// public unicast space ("global" in the registry's sense).
bool is_global(const Cidr& range);
bool is_global(const Address& address);

}  // namespace aksc::net
