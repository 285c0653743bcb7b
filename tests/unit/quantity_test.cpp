// Kubernetes quantity syntax (rules/quantity.h), the parser of AKS811 and AKS812: the examples
// of the Kubernetes grammar (k8s.io/apimachinery resource.Quantity) and exact comparisons.
#include <catch2/catch.hpp>

#include <string>

#include "rules/quantity.h"

using aksc::rules::parse_quantity;
using aksc::rules::Quantity;

namespace {

Quantity parsed(const std::string& text) {
  aksc::rules::QuantityParse result = parse_quantity(text);
  INFO(text << ": " << result.error);
  REQUIRE(result.value);
  return *result.value;
}

std::string refusal(const std::string& text) {
  aksc::rules::QuantityParse result = parse_quantity(text);
  INFO(text);
  REQUIRE_FALSE(result.value);
  REQUIRE_FALSE(result.error.empty());
  return result.error;
}

// Nano-units of `units` whole units.
Quantity::Nanos units(long long count) {
  return Quantity::Nanos(count) * 1'000'000'000;
}

}  // namespace

TEST_CASE("quantity: decimal numbers with and without suffixes", "[quantity]") {
  CHECK(parsed("2").nanos() == units(2));
  CHECK(parsed("0.5").nanos() == units(1) / 2);
  CHECK(parsed(".5").nanos() == units(1) / 2);
  CHECK(parsed("5.").nanos() == units(5));
  CHECK(parsed("+3").nanos() == units(3));
  CHECK(parsed("-3").is_negative());
  CHECK(parsed("500m").nanos() == units(1) / 2);
  CHECK(parsed("100m").nanos() == units(1) / 10);
  CHECK(parsed("250u").nanos() == 250'000);
  CHECK(parsed("7n").nanos() == 7);
  CHECK(parsed("1k").nanos() == units(1000));
  CHECK(parsed("1M").nanos() == units(1'000'000));
  CHECK(parsed("1G").nanos() == units(1'000'000'000));
  CHECK(parsed("1T").nanos() == units(1'000'000'000'000));
  CHECK(parsed("1P").nanos() == units(1'000'000'000'000'000));
  CHECK(parsed("1E").nanos() == units(1'000'000'000'000'000'000));
  CHECK(parsed("0").is_zero());
  CHECK(parsed("0Gi").is_zero());
  CHECK(parsed("000.000").is_zero());
}

TEST_CASE("quantity: binary suffixes are powers of 1024", "[quantity]") {
  CHECK(parsed("1Ki").nanos() == units(1024));
  CHECK(parsed("4Gi").nanos() == units(4LL << 30));
  CHECK(parsed("1500Mi").nanos() == units(1500LL << 20));
  CHECK(parsed("1.5Gi").nanos() == units(3LL << 29));
  CHECK(parsed("1Ti").nanos() == units(1LL << 40));
  CHECK(parsed("1Pi").nanos() == units(1LL << 50));
  CHECK(parsed("1Ei").nanos() == units(1LL << 60));
  CHECK(parsed("2Gi") == Quantity::from_mebibytes(2048));
}

TEST_CASE("quantity: decimal exponents", "[quantity]") {
  CHECK(parsed("1e3").nanos() == units(1000));
  CHECK(parsed("1E3").nanos() == units(1000));
  CHECK(parsed("5e-1").nanos() == units(1) / 2);
  CHECK(parsed("1.5e+2").nanos() == units(150));
  CHECK(parsed("1e0") == parsed("1"));
}

TEST_CASE("quantity: finer than a nano-unit rounds up, as Kubernetes does", "[quantity]") {
  CHECK(parsed("0.1n").nanos() == 1);
  CHECK(parsed("1.5n").nanos() == 2);
  CHECK(parsed("1e-12").nanos() == 1);
  CHECK(parsed("1.0n").nanos() == 1);
}

TEST_CASE("quantity: comparisons are exact", "[quantity]") {
  CHECK(parsed("1Gi") > parsed("1G"));
  CHECK(parsed("1500Mi") < parsed("1.5Gi"));
  CHECK(parsed("1536Mi") == parsed("1.5Gi"));
  CHECK(parsed("1000m") == parsed("1"));
  CHECK(parsed("1001m") > parsed("1"));
  CHECK(parsed("999999999n") < parsed("1"));
  CHECK(parsed("2") <= parsed("2000m"));
  CHECK(parsed("2") >= parsed("2000m"));
}

TEST_CASE("quantity: whole units and their texts", "[quantity]") {
  CHECK(parsed("2").is_whole());
  CHECK(parsed("2000m").is_whole());
  CHECK_FALSE(parsed("1.5").is_whole());
  CHECK_FALSE(parsed("500m").is_whole());
  CHECK(parsed("3500m").ceil_units() == 4);
  CHECK(parsed("3").ceil_units() == 3);
  CHECK(parsed("3500m").units_text() == "3.5");
  CHECK(parsed("100m").units_text() == "0.1");
  CHECK(parsed("2").units_text() == "2");
  CHECK(parsed("1n").units_text() == "0.001");
  CHECK(parsed("4Gi").bytes_text() == "4 GiB");
  CHECK(parsed("1500Mi").bytes_text() == "1.46 GiB");
  CHECK(parsed("512Mi").bytes_text() == "512 MiB");
  CHECK(parsed("100").bytes_text() == "100 bytes");
}

TEST_CASE("quantity: what Kubernetes refuses is refused with the reason", "[quantity]") {
  CHECK(refusal("") == "it is empty");
  CHECK(refusal("abc").find("does not start with a number") != std::string::npos);
  CHECK(refusal(".").find("does not start with a number") != std::string::npos);
  CHECK(refusal("-").find("does not start with a number") != std::string::npos);
  CHECK(refusal("4GB").find("the suffix 'GB'") != std::string::npos);
  CHECK(refusal("4gi").find("the suffix 'gi'") != std::string::npos);
  CHECK(refusal("4 Gi").find("the suffix ' Gi'") != std::string::npos);
  CHECK(refusal("1.2.3").find("the suffix '.3'") != std::string::npos);
  CHECK(refusal("1Kii").find("the suffix 'Kii'") != std::string::npos);
  CHECK(refusal("1e").find("exponent 'e'") != std::string::npos);
  CHECK(refusal("1e1.5").find("exponent 'e1.5'") != std::string::npos);
  CHECK(refusal("1e+").find("exponent") != std::string::npos);
  CHECK(refusal("1e999") == "it is out of range");
  CHECK(refusal("1000000000000000000000000000000000000000") == "it has too many digits");
  CHECK(refusal("1000000000Ei") == "it is out of range");
}
