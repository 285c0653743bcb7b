// ir::Boxed, the holder of the spec parts most specs leave out: reading an absent part gives
// its empty value without creating it, writing creates it, copies are deep.
#include <catch2/catch.hpp>

#include <string>
#include <utility>

#include "ir/spec.h"

using aksc::ir::Boxed;
using aksc::ir::Network;
using aksc::ir::Origin;
using aksc::ir::Spec;

TEST_CASE("a boxed part read through a const holder stays absent") {
  Spec spec;
  const Spec& read_only = spec;
  CHECK_FALSE(read_only.network->vnet_name.usable());
  CHECK(read_only.cluster->facts.node_pools.origin == Origin::kAbsent);
  CHECK_FALSE(spec.network.has_value());
  CHECK_FALSE(spec.cluster.has_value());
  CHECK_FALSE(spec.ssl.has_value());
}

TEST_CASE("writing through a boxed part creates it, and reset drops it") {
  Spec spec;
  spec.network->vnet_name.value = "spoke";
  spec.network->vnet_name.origin = Origin::kWritten;
  REQUIRE(spec.network.has_value());
  CHECK(std::as_const(spec).network->vnet_name.value == "spoke");
  spec.network.reset();
  CHECK_FALSE(spec.network.has_value());
  CHECK(std::as_const(spec).network->vnet_name.value.empty());
}

TEST_CASE("a copied boxed part is a copy, not a second view of the same part") {
  Boxed<Network> original;
  original->subnet_name.value = "aks-1";
  Boxed<Network> copy = original;
  copy->subnet_name.value = "aks-2";
  CHECK(std::as_const(original)->subnet_name.value == "aks-1");
  CHECK(std::as_const(copy)->subnet_name.value == "aks-2");

  Boxed<Network> empty;
  copy = empty;
  CHECK_FALSE(copy.has_value());
  Boxed<Network> moved = std::move(original);
  CHECK(moved.has_value());
}

TEST_CASE("a spec without the parts carries pointers, not the parts") {
  CHECK(sizeof(Boxed<Network>) < sizeof(Network));
  CHECK(sizeof(Boxed<aksc::ir::Cluster>) < sizeof(aksc::ir::Cluster));
}
