// The address library of the network rules: strict IPv4/IPv6 parsing, ranges, the IANA
// special-purpose registries and range unions.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "rules/net/cidr_set.h"
#include "rules/net/field_syntax.h"
#include "rules/net/ip.h"
#include "rules/net/special_purpose.h"

using namespace aksc::net;

namespace {

Cidr cidr(std::string_view text) {
  std::string error;
  std::optional<Cidr> range = parse_address_or_cidr(text, &error);
  INFO(text << ": " << error);
  REQUIRE(range);
  return *range;
}

Address address(std::string_view text) {
  std::string error;
  std::optional<Address> parsed = parse_address(text, &error);
  INFO(text << ": " << error);
  REQUIRE(parsed);
  return *parsed;
}

std::string error_of(std::string_view text) {
  std::string error;
  CHECK_FALSE(parse_address_or_cidr(text, &error));
  return error;
}

std::vector<std::string> names(const std::vector<const SpecialPurposeBlock*>& blocks) {
  std::vector<std::string> result;
  for (const SpecialPurposeBlock* block : blocks)
    result.emplace_back(block->prefix);
  return result;
}

}  // namespace

TEST_CASE("IPv4 addresses parse strictly") {
  CHECK(address("0.0.0.0").value.lo == 0);
  CHECK(address("255.255.255.255").value.lo == 0xffffffffu);
  CHECK(address("10.0.0.10").value.lo == 0x0a00000au);
  CHECK(address("192.168.1.1").str() == "192.168.1.1");
  CHECK(address("1.2.3.4").family == Family::kIPv4);

  struct Bad {
    const char* text;
    const char* says;
  };
  const Bad bad[] = {
      {"010.0.0.1", "leading zero"},
      {"10.0.0.01", "leading zero"},
      {"10.00.0.1", "leading zero"},
      {"256.0.0.1", "out of the range 0 to 255"},
      {"10.0.0.256", "out of the range 0 to 255"},
      {"10.0.0.1000", "out of the range 0 to 255"},
      {"10.0.0", "3 octets"},
      {"10.0.0.0.0", "more than 4 octets"},
      {"10..0.1", "empty octet"},
      {"10.0.0.", "empty octet"},
      {".10.0.0", "empty octet"},
      {"10.0.0.a", "not a decimal number"},
      {"0x0a.0.0.1", "not a decimal number"},
      {"+1.0.0.1", "not a decimal number"},
      {"-1.0.0.1", "not a decimal number"},
      {" 10.0.0.1", "blanks"},
      {"10.0.0.1 ", "blanks"},
      {"", "empty"},
      {"10", "1 octets"},
      {"1e1.0.0.1", "not a decimal number"},
  };
  for (const Bad& b : bad) {
    INFO(b.text);
    std::string error;
    CHECK_FALSE(parse_ipv4(b.text, &error));
    CHECK_THAT(error, Catch::Contains(b.says));
  }
  // Every octet value 0..255 round-trips; 256..999 and two-digit forms with a zero do not.
  for (int octet = 0; octet <= 999; ++octet) {
    std::string text = "10.0.0." + std::to_string(octet);
    CHECK(parse_ipv4(text).has_value() == (octet <= 255));
    if (octet <= 255) CHECK(parse_ipv4(text)->str() == text);
  }
  for (int octet = 0; octet <= 99; ++octet) {
    CHECK_FALSE(parse_ipv4("10.0.0.0" + std::to_string(octet)));
  }
}

TEST_CASE("IPv6 addresses parse strictly and print as RFC 5952") {
  struct Case {
    const char* text;
    const char* canonical;
  };
  const Case good[] = {
      {"::", "::"},
      {"::1", "::1"},
      {"1::", "1::"},
      {"2001:db8::1", "2001:db8::1"},
      {"2001:DB8:0:0:0:0:0:1", "2001:db8::1"},
      {"2001:0db8:0000:0000:0000:ff00:0042:8329", "2001:db8::ff00:42:8329"},
      {"2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"},     // first of two equal runs
      {"2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"},  // a single zero group stays
      {"fe80::1:2:3:4", "fe80::1:2:3:4"},
      {"::ffff:192.0.2.1", "::ffff:192.0.2.1"},
      {"::ffff:c000:0201", "::ffff:192.0.2.1"},
      {"64:ff9b::192.0.2.33", "64:ff9b::c000:221"},
      {"1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8"},
      {"1:2:3:4:5:6::8", "1:2:3:4:5:6:0:8"},
      {"1::2:3:4:5:6:7", "1:0:2:3:4:5:6:7"},
      {"2603:1030:504:1::2c0", "2603:1030:504:1::2c0"},
      {"ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"},
  };
  for (const Case& c : good) {
    INFO(c.text);
    std::string error;
    std::optional<Address> parsed = parse_ipv6(c.text, &error);
    INFO(error);
    REQUIRE(parsed);
    CHECK(parsed->family == Family::kIPv6);
    CHECK(parsed->str() == c.canonical);
    CHECK(parse_ipv6(parsed->str()) == parsed);  // canonical text parses back
  }
  CHECK(address("::1").value == U128{0, 1});
  CHECK(address("8000::").value == U128{0x8000000000000000u, 0});

  struct Bad {
    const char* text;
    const char* says;
  };
  const Bad bad[] = {
      {"1::2::3", "'::' more than once"},
      {":::", "'::' more than once"},
      {"1:2:3:4:5:6:7", "7 groups"},
      {"1:2:3:4:5:6:7:8:9", "9 groups"},
      {"1:2:3:4:5:6:7::8", "at most 7 fit"},
      {"::1:2:3:4:5:6:7:8", "at most 7 fit"},
      {"12345::", "more than 4 hex digits"},
      {"g::", "not a hex group"},
      {":1::", "empty group"},
      {"1::2:", "empty group"},
      {"1:2:3:4:5:6:7:", "empty group"},
      {"fe80::1%eth0", "zone index"},
      {"1.2.3.4::", "not at its end"},
      {"::1.2.3.4:5", "not at its end"},
      {"::ffff:1.2.3.256", "bad IPv4 part"},
      {"::ffff:01.2.3.4", "leading zero"},
      {" ::1", "blanks"},
  };
  for (const Bad& b : bad) {
    INFO(b.text);
    std::string error;
    CHECK_FALSE(parse_ipv6(b.text, &error));
    CHECK_THAT(error, Catch::Contains(b.says));
  }
}

TEST_CASE("CIDRs: prefix lengths, first and last addresses, host bits") {
  Cidr bridge = cidr("172.17.0.1/16");
  CHECK(bridge.has_host_bits());
  CHECK(bridge.first().str() == "172.17.0.0");
  CHECK(bridge.last().str() == "172.17.255.255");
  CHECK(bridge.network().str() == "172.17.0.0/16");
  CHECK(bridge.str() == "172.17.0.1/16");
  CHECK_FALSE(cidr("10.0.0.0/16").has_host_bits());
  CHECK(cidr("137.117.106.90/29").network().str() == "137.117.106.88/29");

  CHECK(cidr("0.0.0.0/0").first().str() == "0.0.0.0");
  CHECK(cidr("0.0.0.0/0").last().str() == "255.255.255.255");
  CHECK(cidr("10.1.2.3").prefix_length == 32);
  CHECK(cidr("10.1.2.3/32").first() == cidr("10.1.2.3/32").last());
  CHECK(cidr("10.1.2.3/31").first().str() == "10.1.2.2");
  CHECK(cidr("10.1.2.3/31").last().str() == "10.1.2.3");
  CHECK(cidr("2001:db8::/32").last().str() == "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff");
  CHECK(cidr("::/0").last().str() == "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
  CHECK(cidr("2001:db8::1").prefix_length == 128);
  CHECK(cidr("2001:db8:1:2:3:4:5:6/64").first().str() == "2001:db8:1:2::");
  CHECK(cidr("2001:db8:1:2:3:4:5:6/65").first().str() == "2001:db8:1:2::");
  CHECK(cidr("2001:db8:1:2:8000::1/65").first().str() == "2001:db8:1:2:8000::");
  CHECK(cidr("2001:db8::/63").size_log2() == 65);

  // Every IPv4 prefix length: the range has 2^(32-n) addresses and starts on a multiple of it.
  for (int length = 0; length <= 32; ++length) {
    Cidr range = cidr("203.0.113.77/" + std::to_string(length));
    std::uint64_t first = range.first().value.lo, last = range.last().value.lo;
    CHECK(last - first + 1 == (std::uint64_t{1} << (32 - length)));
    CHECK(first % (std::uint64_t{1} << (32 - length)) == 0);
    CHECK(range.contains(address("203.0.113.77")));
  }
  // And every IPv6 prefix length.
  for (int length = 0; length <= 128; ++length) {
    Cidr range = cidr("2001:db8:aaaa:bbbb:cccc:dddd:eeee:ffff/" + std::to_string(length));
    CHECK(range.contains(address("2001:db8:aaaa:bbbb:cccc:dddd:eeee:ffff")));
    CHECK(range.size_log2() == 128 - length);
    CHECK(range.network().has_host_bits() == false);
  }

  CHECK_THAT(error_of("10.0.0.0/33"), Catch::Contains("0 to 32"));
  CHECK_THAT(error_of("2001:db8::/129"), Catch::Contains("0 to 128"));
  CHECK_THAT(error_of("10.0.0.0/08"), Catch::Contains("leading zero"));
  CHECK_THAT(error_of("10.0.0.0/-1"), Catch::Contains("not a number"));
  CHECK_THAT(error_of("10.0.0.0/+8"), Catch::Contains("not a number"));
  CHECK_THAT(error_of("10.0.0.0/"), Catch::Contains("no prefix length"));
  CHECK_THAT(error_of("10.0.0.0/8/8"), Catch::Contains("more than one '/'"));
  CHECK_THAT(error_of("10.0.0.0/1000"), Catch::Contains("0 to 32"));
  CHECK_THAT(error_of("/8"), Catch::Contains("empty IPv4 address"));
  CHECK_THAT(error_of("010.0.0.0/8"), Catch::Contains("leading zero"));
  std::string error;
  CHECK_FALSE(parse_cidr("10.0.0.0", &error));
  CHECK_THAT(error, Catch::Contains("no '/prefix-length'"));
  CHECK(cidr("10.0.0.0/0").prefix_length == 0);
}

TEST_CASE("CIDRs: containment and overlap") {
  CHECK(cidr("10.0.0.0/8").contains(cidr("10.1.0.0/16")));
  CHECK_FALSE(cidr("10.1.0.0/16").contains(cidr("10.0.0.0/8")));
  CHECK(cidr("10.0.0.0/8").contains(cidr("10.0.0.0/8")));
  CHECK(cidr("10.0.0.0/16").contains(address("10.0.255.255")));
  CHECK_FALSE(cidr("10.0.0.0/16").contains(address("10.1.0.0")));
  CHECK(cidr("10.0.0.0/16").overlaps(cidr("10.0.255.0/24")));
  CHECK(cidr("10.0.255.0/24").overlaps(cidr("10.0.0.0/16")));
  CHECK_FALSE(cidr("10.0.0.0/16").overlaps(cidr("10.1.0.0/16")));
  CHECK(cidr("172.17.0.1/16").overlaps(cidr("172.17.128.0/17")));  // host bits do not matter
  // Families never mix.
  CHECK_FALSE(cidr("::/0").contains(address("10.0.0.1")));
  CHECK_FALSE(cidr("0.0.0.0/0").overlaps(cidr("::/0")));
  CHECK_FALSE(cidr("::ffff:0:0/96").contains(address("10.0.0.1")));
  CHECK(cidr("::ffff:0:0/96").contains(address("::ffff:10.0.0.1")));
  CHECK(cidr("2001:db8::/32").overlaps(cidr("2001:db8:ffff::/48")));
  CHECK_FALSE(cidr("2001:db8::/32").overlaps(cidr("2001:db9::/48")));
  CHECK(address("10.0.0.1") < address("::"));  // IPv4 sorts first
}

TEST_CASE("special-purpose registries: what is global") {
  struct Case {
    const char* range;
    bool global;
  };
  const Case cases[] = {
      // IPv4 non-global blocks, their edges, and their neighbours
      {"0.0.0.0/8", false},
      {"0.255.255.255", false},
      {"1.0.0.0", true},
      {"9.255.255.255", true},
      {"10.0.0.0/8", false},
      {"10.255.255.255", false},
      {"11.0.0.0", true},
      {"100.63.255.255", true},
      {"100.64.0.0", false},
      {"100.127.255.255", false},
      {"100.128.0.0", true},
      {"126.255.255.255", true},
      {"127.0.0.1", false},
      {"128.0.0.0", true},
      {"169.253.255.255", true},
      {"169.254.169.254", false},
      {"169.255.0.0", true},
      {"172.15.255.255", true},
      {"172.16.0.0/12", false},
      {"172.31.255.255", false},
      {"172.32.0.0", true},
      {"192.0.0.0/24", false},
      {"192.0.0.8", false},
      {"192.0.0.9", true},
      {"192.0.0.10", true},
      {"192.0.0.11", false},
      {"192.0.0.8/30", false},
      {"192.0.1.0", true},
      {"192.0.2.0/24", false},
      {"192.0.3.0", true},
      {"192.31.196.0/24", true},
      {"192.52.193.0/24", true},
      {"192.88.99.0/24", true},
      {"192.167.255.255", true},
      {"192.168.0.0/16", false},
      {"192.169.0.0", true},
      {"192.175.48.0/24", true},
      {"198.17.255.255", true},
      {"198.18.0.0/15", false},
      {"198.19.255.255", false},
      {"198.20.0.0", true},
      {"198.51.100.0/24", false},
      {"198.51.101.0", true},
      {"203.0.112.255", true},
      {"203.0.113.0/24", false},
      {"203.0.114.0", true},
      {"223.255.255.255", true},
      {"224.0.0.1", false},
      {"239.255.255.255", false},
      {"240.0.0.0", false},
      {"255.255.255.254", false},
      {"255.255.255.255", false},
      // public ranges, and ranges that straddle a non-global block
      {"20.42.0.0/24", true},
      {"137.117.106.88/29", true},
      {"85.10.16.0/28", true},
      {"10.0.0.0/7", false},
      {"0.0.0.0/0", false},
      {"192.0.0.0/16", false},
      {"100.0.0.0/8", false},
      // IPv6
      {"::", false},
      {"::1", false},
      {"::ffff:8.8.8.8", false},
      {"64:ff9b::8.8.8.8", true},
      {"64:ff9b:1::1", false},
      {"100::1", false},
      {"100:0:0:1::1", false},
      {"100:0:0:2::1", true},
      {"2001::1", false},
      {"2001:1::1", true},
      {"2001:1::2", true},
      {"2001:1::3", true},
      {"2001:1::4", false},
      {"2001:2::1", false},
      {"2001:3::1", true},
      {"2001:4:112::1", true},
      {"2001:4:113::1", false},
      {"2001:10::1", false},
      {"2001:20::1", true},
      {"2001:30::1", true},
      {"2001:40::1", false},
      {"2001:200::1", true},
      {"2001:db8::1", false},
      {"2001:db9::1", true},
      {"2002::1", true},
      {"2603:1030:504:1::2c0/122", true},
      {"2620:4f:8000::1", true},
      {"3fff::1", false},
      {"3fff:1000::1", true},
      {"5f00::1", false},
      {"fc00::1", false},
      {"fdff::1", false},
      {"fe80::1", false},
      {"febf::1", false},
      {"ff02::1", false},
      {"2000::/3", false},
  };
  for (const Case& c : cases) {
    INFO(c.range);
    CHECK(is_global(cidr(c.range)) == c.global);
  }
  CHECK(is_global(address("20.42.0.1")));
  CHECK_FALSE(is_global(address("10.0.0.1")));
}

TEST_CASE("special-purpose registries: which block a range is in") {
  CHECK(names(non_global_blocks(cidr("10.1.0.0/16"))) == std::vector<std::string>{"10.0.0.0/8"});
  CHECK(names(non_global_blocks(cidr("255.255.255.255"))) ==
        std::vector<std::string>{"255.255.255.255/32"});  // the most specific holder
  CHECK(names(non_global_blocks(cidr("0.0.0.0/32"))) == std::vector<std::string>{"0.0.0.0/32"});
  CHECK(names(non_global_blocks(cidr("10.0.0.0/7"))) == std::vector<std::string>{"10.0.0.0/8"});
  CHECK(names(non_global_blocks(cidr("8.0.0.0/7"))).empty());
  CHECK(names(non_global_blocks(cidr("192.0.0.0/22"))) ==
        std::vector<std::string>{"192.0.0.0/24", "192.0.2.0/24"});
  CHECK(names(non_global_blocks(cidr("20.42.0.0/24"))).empty());
  std::vector<std::string> all = names(non_global_blocks(cidr("0.0.0.0/0")));
  CHECK(all.size() > 10);
  CHECK(std::find(all.begin(), all.end(), "0.0.0.0/8") != all.end());
  CHECK(std::find(all.begin(), all.end(), "0.0.0.0/32") == all.end());  // inside 0.0.0.0/8
  const SpecialPurposeBlock* block = non_global_blocks(cidr("100.64.1.0/24")).front();
  CHECK(block->name == "shared address space (carrier-grade NAT)");
  CHECK(block->rfc == "RFC 6598");
  // The table itself: every prefix is a clean network address.
  for (const SpecialPurposeBlock& entry : special_purpose_blocks()) {
    INFO(entry.prefix);
    std::optional<Cidr> range = parse_cidr(entry.prefix);
    REQUIRE(range);
    CHECK_FALSE(range->has_host_bits());
  }
}

TEST_CASE("CidrSet: union coverage") {
  std::vector<Cidr> ranges = {cidr("10.0.0.0/25"),   cidr("10.0.0.128/25"),
                              cidr("10.0.2.0/24"),   cidr("192.168.0.1/16"),
                              cidr("2001:db8::/33"), cidr("2001:db8:8000::/33")};
  CidrSet set(ranges);
  CHECK(set.covers(cidr("10.0.0.0/24")));  // two adjacent halves
  CHECK(set.covers(cidr("10.0.0.64/26")));
  CHECK_FALSE(set.covers(cidr("10.0.0.0/23")));  // 10.0.1.0/24 is missing
  CHECK_FALSE(set.covers(cidr("10.0.1.0/24")));
  CHECK(set.covers(cidr("10.0.2.255")));
  CHECK_FALSE(set.covers(cidr("10.0.3.0")));
  CHECK(set.covers(cidr("192.168.255.255")));  // host bits of a member do not matter
  CHECK(set.covers(cidr("2001:db8::/32")));
  CHECK_FALSE(set.covers(cidr("2001:db8::/31")));
  CHECK_FALSE(set.covers(cidr("::ffff:10.0.0.1")));  // no family mixing
  CHECK(set.overlaps(cidr("10.0.0.0/16")));
  CHECK_FALSE(set.overlaps(cidr("10.0.1.0/24")));
  CHECK(set.interval_count() == 4);
  CHECK(CidrSet{}.empty());
  CHECK_FALSE(CidrSet{}.covers(cidr("10.0.0.0")));
  // The top of each address space merges without wrapping around.
  std::vector<Cidr> top = {cidr("255.255.255.0/24"), cidr("0.0.0.0/1"), cidr("128.0.0.0/1"),
                           cidr("ffff::/16"),        cidr("::/1"),      cidr("8000::/1")};
  CidrSet everything(top);
  CHECK(everything.covers(cidr("0.0.0.0/0")));
  CHECK(everything.covers(cidr("::/0")));
  CHECK(everything.interval_count() == 2);
}

TEST_CASE("CidrSet agrees with a brute-force check on random ranges") {
  std::mt19937 random(20251110);
  std::uniform_int_distribution<std::uint32_t> any;
  std::uniform_int_distribution<int> length(24, 32);
  for (int round = 0; round < 30; ++round) {
    std::vector<Cidr> ranges;
    for (int i = 0; i < 40; ++i) {
      ranges.push_back({Address::ipv4(0x0a000000u | (any(random) & 0x1fffu)), length(random)});
    }
    CidrSet set(ranges);
    for (int i = 0; i < 30; ++i) {
      Cidr query{Address::ipv4(0x0a000000u | (any(random) & 0x1fffu)), length(random)};
      // Brute force: every address of the query is in some range.
      bool covered = true;
      for (std::uint64_t a = query.first().value.lo; a <= query.last().value.lo && covered; ++a) {
        Address one = Address::ipv4(static_cast<std::uint32_t>(a));
        covered = std::any_of(ranges.begin(), ranges.end(),
                              [&](const Cidr& range) { return range.contains(one); });
      }
      INFO(query.str());
      CHECK(set.covers(query) == covered);
      bool overlapping = std::any_of(ranges.begin(), ranges.end(),
                                     [&](const Cidr& range) { return range.overlaps(query); });
      CHECK(set.overlaps(query) == overlapping);
    }
  }
}

TEST_CASE("field syntax: what each spec field accepts") {
  std::string error;
  CHECK(parse_authorized_range("137.117.106.88/29", &error));
  CHECK(parse_authorized_range("20.42.0.1", &error));
  CHECK(parse_authorized_range("2001:db8::/32", &error));  // IPv6 is AKS314's to reject
  CHECK_FALSE(parse_authorized_range("137.117.106.90/29", &error));
  CHECK_THAT(error, Catch::Contains("write 137.117.106.88/29"));
  CHECK_FALSE(parse_authorized_range("", &error));
  CHECK_THAT(error, Catch::Contains("empty entry"));
  CHECK_FALSE(parse_authorized_range("010.1.2.0/24", &error));
  CHECK_THAT(error, Catch::Contains("leading zero"));

  CHECK(parse_network_cidr("172.17.0.1/16", &error));  // the documented docker bridge default
  CHECK(parse_network_cidr("10.0.0.0/16", &error));
  CHECK_FALSE(parse_network_cidr("10.0.0.0", &error));
  CHECK_THAT(error, Catch::Contains("no '/prefix-length'"));
  CHECK_FALSE(parse_network_cidr("fd00::/64", &error));
  CHECK_THAT(error, Catch::Contains("IPv6 CIDR"));
  CHECK_FALSE(parse_network_cidr("10.0.0.0/33", &error));

  CHECK(parse_network_address("10.0.0.10", &error));
  CHECK_FALSE(parse_network_address("10.0.0.10/32", &error));
  CHECK_THAT(error, Catch::Contains("is a CIDR"));
  CHECK_FALSE(parse_network_address("fd00::10", &error));
  CHECK_THAT(error, Catch::Contains("IPv6 address"));
  CHECK_FALSE(parse_network_address("10.0.0.010", &error));
}
