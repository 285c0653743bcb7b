#include "rules/net/special_purpose.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace aksc::net {
namespace {

// IANA IPv4 and IPv6 Special-Purpose Address Registries
// (https://www.iana.org/assignments/iana-ipv4-special-registry,
//  https://www.iana.org/assignments/iana-ipv6-special-registry), "Globally Reachable" column;
// blocks marked N/A there (192.88.99.0/24, 2001::/32, 2002::/16) are left out, and blocks that
// only subdivide a non-global block with the same verdict are left out too. Multicast is added.
constexpr SpecialPurposeBlock kBlocks[] = {
    {"0.0.0.0/8", "\"this network\"", "RFC 791"},
    {"0.0.0.0/32", "\"this host on this network\"", "RFC 1122"},
    {"10.0.0.0/8", "private-use", "RFC 1918"},
    {"100.64.0.0/10", "shared address space (carrier-grade NAT)", "RFC 6598"},
    {"127.0.0.0/8", "loopback", "RFC 1122"},
    {"169.254.0.0/16", "link-local", "RFC 3927"},
    {"172.16.0.0/12", "private-use", "RFC 1918"},
    {"192.0.0.0/24", "IETF protocol assignments", "RFC 6890"},
    {"192.0.0.9/32", "Port Control Protocol anycast", "RFC 7723", true},
    {"192.0.0.10/32", "TURN anycast", "RFC 8155", true},
    {"192.0.2.0/24", "documentation (TEST-NET-1)", "RFC 5737"},
    {"192.31.196.0/24", "AS112-v4", "RFC 7535", true},
    {"192.52.193.0/24", "AMT", "RFC 7450", true},
    {"192.168.0.0/16", "private-use", "RFC 1918"},
    {"192.175.48.0/24", "direct delegation AS112 service", "RFC 7534", true},
    {"198.18.0.0/15", "benchmarking", "RFC 2544"},
    {"198.51.100.0/24", "documentation (TEST-NET-2)", "RFC 5737"},
    {"203.0.113.0/24", "documentation (TEST-NET-3)", "RFC 5737"},
    {"224.0.0.0/4", "multicast", "RFC 5771"},
    {"240.0.0.0/4", "reserved", "RFC 1112"},
    {"255.255.255.255/32", "limited broadcast", "RFC 919"},
    {"::/128", "unspecified address", "RFC 4291"},
    {"::1/128", "loopback", "RFC 4291"},
    {"::ffff:0:0/96", "IPv4-mapped", "RFC 4291"},
    {"64:ff9b::/96", "IPv4-IPv6 translation", "RFC 6052", true},
    {"64:ff9b:1::/48", "local-use IPv4-IPv6 translation", "RFC 8215"},
    {"100::/64", "discard-only", "RFC 6666"},
    {"100:0:0:1::/64", "dummy IPv6 prefix", "RFC 9780"},
    {"2001::/23", "IETF protocol assignments", "RFC 2928"},
    {"2001:1::1/128", "Port Control Protocol anycast", "RFC 7723", true},
    {"2001:1::2/128", "TURN anycast", "RFC 8155", true},
    {"2001:1::3/128", "DNS-SD service registration protocol anycast", "RFC 9665", true},
    {"2001:3::/32", "AMT", "RFC 7450", true},
    {"2001:4:112::/48", "AS112-v6", "RFC 7535", true},
    {"2001:20::/28", "ORCHIDv2", "RFC 7343", true},
    {"2001:30::/28", "drone remote ID protocol entity tags", "RFC 9374", true},
    {"2001:db8::/32", "documentation", "RFC 3849"},
    {"2620:4f:8000::/48", "direct delegation AS112 service", "RFC 7534", true},
    {"3fff::/20", "documentation", "RFC 9637"},
    {"5f00::/16", "segment routing SIDs", "RFC 9602"},
    {"fc00::/7", "unique-local", "RFC 4193"},
    {"fe80::/10", "link-local unicast", "RFC 4291"},
    {"ff00::/8", "multicast", "RFC 4291"},
};

struct Entry {
  Cidr range;
  const SpecialPurposeBlock* block;
};

const std::vector<Entry>& entries() {
  static const std::vector<Entry> parsed = [] {
    std::vector<Entry> result;
    for (const SpecialPurposeBlock& block : kBlocks) {
      std::string error;
      std::optional<Cidr> range = parse_cidr(block.prefix, &error);
      if (!range || range->has_host_bits()) {
        throw std::logic_error("special-purpose table: " + std::string(block.prefix) + ": " +
                               error);
      }
      result.push_back({*range, &block});
    }
    return result;
  }();
  return parsed;
}

// True when [first, last] is not wholly covered by the global exceptions.
bool has_non_exempt_address(Address first, Address last) {
  std::vector<const Entry*> exceptions;
  for (const Entry& entry : entries()) {
    if (entry.block->globally_reachable && entry.range.address.family == first.family &&
        entry.range.first() <= last && first <= entry.range.last()) {
      exceptions.push_back(&entry);
    }
  }
  std::sort(exceptions.begin(), exceptions.end(),
            [](const Entry* a, const Entry* b) { return a->range.first() < b->range.first(); });
  Address cursor = first;  // the first address not yet known to be exempt
  for (const Entry* exception : exceptions) {
    if (cursor < exception->range.first()) return true;
    Address end = exception->range.last();
    if (end >= last) return false;
    if (cursor <= end) cursor = {end.family, end.value.next()};
  }
  return cursor <= last;
}

}  // namespace

std::span<const SpecialPurposeBlock> special_purpose_blocks() {
  return kBlocks;
}

std::vector<const SpecialPurposeBlock*> non_global_blocks(const Cidr& range) {
  std::vector<const Entry*> touched;
  for (const Entry& entry : entries()) {
    if (entry.block->globally_reachable || !entry.range.overlaps(range)) continue;
    Address first = std::max(entry.range.first(), range.first());
    Address last = std::min(entry.range.last(), range.last());
    if (has_non_exempt_address(first, last)) touched.push_back(&entry);
  }
  const Entry* holder = nullptr;
  for (const Entry* entry : touched) {
    if (entry->range.contains(range) &&
        (!holder || entry->range.prefix_length > holder->range.prefix_length)) {
      holder = entry;
    }
  }
  std::vector<const SpecialPurposeBlock*> blocks;
  if (holder) {
    blocks.push_back(holder->block);
    return blocks;
  }
  for (const Entry* entry : touched) {  // the outermost blocks only
    bool nested = std::any_of(touched.begin(), touched.end(), [&](const Entry* other) {
      return other != entry && other->range.contains(entry->range);
    });
    if (!nested) blocks.push_back(entry->block);
  }
  return blocks;
}

bool is_global(const Cidr& range) {
  return non_global_blocks(range).empty();
}

bool is_global(const Address& address) {
  return is_global(Cidr::single(address));
}

}  // namespace aksc::net
