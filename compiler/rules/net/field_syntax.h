#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "rules/net/ip.h"

namespace aksc::net {

// What each spec field accepts as an address, so that AKS312 and the rules that skip malformed
// values agree. Each returns nullopt with one sentence in `error` when the text is not accepted.

/// An API server authorized range: an address or a CIDR of either family (IPv6 is AKS314's),
/// whose address is the first of its range. The az CLI rejects 137.117.106.90/29 (Python's
/// strict ip_network), and the AKS docs say to "start with the first IP address in the range".
std::optional<Cidr> parse_authorized_range(std::string_view text, std::string* error);

/// A network CIDR (service_cidr, docker_bridge_cidr, subnet_prefix): IPv4 "address/length".
/// Host bits are accepted: 172.17.0.1/16 is the documented docker bridge default, the bridge's
/// own address with its prefix length.
std::optional<Cidr> parse_network_cidr(std::string_view text, std::string* error);

/// A network address (dns_service_ip): one IPv4 address, without a prefix length.
std::optional<Address> parse_network_address(std::string_view text, std::string* error);

}  // namespace aksc::net
