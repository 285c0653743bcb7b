#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace aksc {

/// An Azure VM size (rules/data/vm-sizes.csv). The names view the compiled-in table or the text
/// of an override, which the catalog keeps alive.
struct VmSize {
  std::string_view name;  ///< As Azure spells it, e.g. "Standard_D3_v2".
  int vcpus = 0;
  int vcpus_available = 0;  ///< Usable vCPUs of constrained-core sizes; else equal to vcpus.
  int gpus = 0;
  std::string_view gpu_type;
  bool fpga = false;
  /// Memory in MiB (the table's memory_gib × 1024); 0 when the table does not give it.
  std::int64_t memory_mib = 0;

  /// A size has a GPU when it reports GPUs or a GPU model (AMD partial GPUs report 0).
  bool has_gpu() const { return gpus > 0 || !gpu_type.empty(); }
};

/// An Azure location (rules/data/regions.csv). Views the compiled-in table or an override's
/// text, as VM sizes do.
struct Region {
  std::string_view name;  ///< ARM location name, e.g. "eastus".
  std::string_view display_name;
  std::string_view region_type;  ///< "Physical", "Logical" or empty (unknown).
};

/// A row of rules/data/region-pairs.csv, both names in lower case.
struct RegionPair {
  std::string_view region;
  std::string_view paired_region;  ///< Empty when Azure documents the region as unpaired.
};

/// The AzureMachineLearning.<Region> service tag of one region.
struct ServiceTag {
  std::string_view region;                     ///< Lower case, e.g. "eastus".
  std::span<const std::string_view> prefixes;  ///< IPv4 and IPv6, as the snapshot writes them.
};

/// A minor version of the AKS release calendar (rules/data/aks-kubernetes-versions.csv), with
/// ISO dates ("2026-06-01"), which compare as text. Views the compiled-in table or an override.
struct KubernetesRelease {
  std::string_view version;                 ///< The minor version, e.g. "1.34".
  std::string_view preview;                 ///< First day of AKS preview; may be empty.
  std::string_view ga;                      ///< First day of AKS general availability.
  std::string_view end_of_life;             ///< Last day of AKS support (N-2).
  std::string_view platform_support_until;  ///< First day without platform support (N-3); empty
                                            ///< when the calendar gives no day.
  std::string_view lts_end;                 ///< Last day of long-term support; may be empty.
};

/// Numbers the rules enforce, with their sources (rules/data/attach-policy.yaml).
struct AttachPolicy {
  /// Newest version attach supports, e.g. "1.17" (the seed-2020 profile); empty: AKS501 judges
  /// by the AKS release calendar.
  std::string max_kubernetes_version;
  int production_min_vcpus = 0;
  int dev_test_min_vcpus = 0;
  int aks_node_min_vcpus = 0;
};

/// The end-of-support dates of Azure ML v1 (rules/data/azureml-v1-support.yaml), ISO dates.
struct V1Support {
  std::string cli_end_of_support;  ///< The v1 CLI extension (azure-cli-ml).
  std::string sdk_end_of_support;  ///< The v1 Python SDK (azureml-core).
};

/// Where a data table came from, for --version, JSON output and findings.
struct DataSnapshot {
  std::string table;             ///< "vm-sizes", "regions", ...
  std::string source;            ///< Upstream repository, path and commit or document.
  std::string date;              ///< Date of the upstream data.
  std::string retrieved;         ///< When aksc's maintainers took it.
  std::string origin;            ///< "embedded", or the override file.
  bool extends_shipped = false;  ///< The override's rows are added to the shipped table's.
};

/// The Azure facts the rules use. The shipped tables are read and checked at build time and
/// compiled in (catalog/embedded_tables.h); aksc.yaml `data:` overrides make a modified copy.
class Catalog {
 public:
  /// The tables compiled into the binary, built once per process.
  static const Catalog& embedded();

  /// Case-insensitive, as Azure compares VM size names.
  const VmSize* find_vm_size(std::string_view name) const;
  std::vector<std::string> vm_size_names() const;

  /// Case-insensitive; accepts the ARM name ("eastus").
  const Region* find_region(std::string_view name) const;
  std::vector<std::string> region_names() const;

  /// The paired (secondary) region of `region`: nullopt when the pair table has no row for it,
  /// an empty string when Azure documents it as having no pair.
  std::optional<std::string> paired_region(std::string_view region) const;

  /// The AzureMachineLearning.<Region> service-tag prefixes (IPv4 and IPv6), or nullopt when
  /// the snapshot has no tag for the region.
  std::optional<std::span<const std::string_view>> control_plane_prefixes(
      std::string_view region) const;

  const AttachPolicy& attach_policy() const { return policy_; }
  const V1Support& v1_support() const { return v1_support_; }

  /// The AKS release calendar by minor version, oldest first, and the day its verdicts hold on
  /// (its snapshot date, "2026-08-21"): rules judge versions as of that day, never today.
  std::span<const KubernetesRelease> kubernetes_releases() const { return releases_; }
  std::string_view kubernetes_as_of() const { return releases_as_of_; }

  /// The names of the attach policy profiles compiled in (rules/data/attach-policy-<name>.yaml).
  static std::vector<std::string> attach_policy_profile_names();
  /// Loads the compiled-in attach policy profile `name` ("seed-2020") and records its snapshot
  /// (origin "profile <name>"); false when there is no such profile.
  bool load_attach_policy_profile(std::string_view name);

  // Whole tables, each sorted case-insensitively by name with one row per name: for the
  // build-time table generator and the tests that compare catalogs.
  std::span<const VmSize> vm_sizes() const { return vm_sizes_; }
  std::span<const Region> regions() const { return regions_; }
  std::span<const RegionPair> region_pairs() const { return pairs_; }
  std::span<const ServiceTag> service_tags() const { return tags_; }

  /// The tables' snapshots; a table with rows added by an override has two (the shipped one
  /// first, then the added file's, `extends_shipped`).
  const std::vector<DataSnapshot>& snapshots() const { return snapshots_; }
  /// The snapshot of `table`, e.g. "service-tags" (for an extended table, the shipped one).
  const DataSnapshot* snapshot(std::string_view table) const;

  // Loading (catalog/catalog_load.cpp). Each throws std::runtime_error with a message that
  // names the line or key at fault.
  void load_vm_sizes(std::string_view csv, bool replace_all);
  void load_regions(std::string_view csv, bool replace_all);
  void load_region_pairs(std::string_view csv, bool replace_all);
  /// Accepts aksc's own table or Microsoft's ServiceTags_Public.json download. Returns the
  /// snapshot that aksc's table carries in its `source` object (the table generator records
  /// it), with origin "embedded"; a caller loading another file records its own snapshot.
  DataSnapshot load_service_tags(std::string_view json);
  void load_attach_policy(std::string_view yaml);
  /// Needs a "# snapshot_date: YYYY-MM-DD" comment line before the CSV header
  /// (catalog/kubernetes_releases_load.cpp).
  void load_kubernetes_releases(std::string_view csv);
  /// Throws std::runtime_error unless both dates are there, each an ISO date.
  void load_v1_support(std::string_view yaml);
  /// Records `snapshot`, replacing the table's; one that `extends_shipped` is kept beside it.
  void set_snapshot(DataSnapshot snapshot);

 private:
  // Each table is the compiled-in one itself (nothing is copied at start-up) or, once an
  // override is loaded, a merged copy in `owned_` whose names view override texts also kept
  // there. Owned data is shared and never changed, so a copy of the catalog stays valid.
  std::span<const VmSize> vm_sizes_;
  std::span<const Region> regions_;
  std::span<const RegionPair> pairs_;
  std::span<const ServiceTag> tags_;
  std::vector<std::shared_ptr<const void>> owned_;
  AttachPolicy policy_;
  std::span<const KubernetesRelease> releases_;
  std::string_view releases_as_of_;
  V1Support v1_support_;
  std::vector<DataSnapshot> snapshots_;
};

}  // namespace aksc
