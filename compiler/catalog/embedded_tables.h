#pragma once

#include <span>
#include <string_view>

#include "catalog/catalog.h"

namespace aksc {

// The shipped data tables (rules/data/), read and checked at build time by
// tools/catalog_tablegen.cpp with the same loaders that read aksc.yaml overrides, and compiled
// in as constants: a run then starts without parsing 1,500 VM sizes, a JSON file of service
// tags and a YAML policy, and the catalog uses the constants where they are, without a copy.

struct EmbeddedSnapshot {
  std::string_view table;
  std::string_view source;
  std::string_view date;
  std::string_view retrieved;
};

/// A named attach policy (rules/data/attach-policy-<name>.yaml), kept as text: read with the
/// same loader as an aksc.yaml override when a config names it.
struct EmbeddedPolicyProfile {
  std::string_view name;  ///< "seed-2020".
  std::string_view text;
  EmbeddedSnapshot snapshot;
};

struct EmbeddedTables {
  // Each sorted case-insensitively by name, one row per name, as Catalog keeps them.
  std::span<const VmSize> vm_sizes;
  std::span<const Region> regions;
  std::span<const RegionPair> region_pairs;
  std::span<const ServiceTag> service_tags;
  std::string_view max_kubernetes_version;
  int production_min_vcpus = 0;
  int dev_test_min_vcpus = 0;
  int aks_node_min_vcpus = 0;
  std::string_view cli_v1_end_of_support;
  std::string_view sdk_v1_end_of_support;
  std::span<const EmbeddedSnapshot> snapshots;  ///< In the order the tables were read.
  std::span<const KubernetesRelease> kubernetes_releases;
  std::string_view kubernetes_as_of;
  std::span<const EmbeddedPolicyProfile> attach_policy_profiles;
};

/// Defined in the generated catalog_tables.cpp.
const EmbeddedTables& embedded_tables();

}  // namespace aksc
