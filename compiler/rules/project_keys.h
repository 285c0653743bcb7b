#pragma once

#include <array>
#include <cstddef>
#include <deque>
#include <functional>
#include <initializer_list>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "diag/text_util.h"
#include "rules/rule.h"

namespace aksc::rules {

// Shared by the project rules (AKS105, AKS106, AKS503, AKS504, AKS601, AKS602): the keys they
// hash specs and inventory entries by, compared case-insensitively as Azure compares names,
// regions and resource IDs, and the way they report a clash between two specs.

/// A map key of N views of keys that outlive the map (an indexed spec's `keys`, say), compared
/// part by part: hashing the parts as they are saves joining them into a new string per spec.
template <std::size_t N>
using ViewKey = std::array<std::string_view, N>;

struct ViewKeyHash {
  template <std::size_t N>
  std::size_t operator()(const ViewKey<N>& key) const noexcept {
    std::size_t hash = 0;
    for (std::string_view part : key)
      hash = hash * 1099511628211u ^ std::hash<std::string_view>{}(part);
    return hash;
  }
};

template <std::size_t N, typename T>
using ViewKeyMap = std::unordered_map<ViewKey<N>, T, ViewKeyHash>;

/// Lower-case keys of inventory fields that outlive the maps keyed by views of them.
class KeyStore {
 public:
  /// A lower-case copy of `text`.
  std::string_view lower(std::string_view text) { return keep(to_lower(text)); }
  /// A key made lower case already (region_key, managed_cluster_key), kept as it is.
  std::string_view keep(std::string key) { return held_.emplace_back(std::move(key)); }

 private:
  std::deque<std::string> held_;  // a deque: growing it moves no string
};

/// The region key of a region name: the catalog's name for it, in lower case; nullopt when the
/// catalog does not know it (AKS004's case).
std::optional<std::string> region_key(const Catalog& catalog, std::string_view region);

/// The workspace's identity, "subscription/resource group/name" in lower case; nullopt when
/// one of the three is absent or invalid (AKS002 has reported it).
std::optional<std::string> workspace_key(const ir::Spec& spec);
/// The workspace name in lower case, which is all an inventory entry records of its workspace.
std::optional<std::string> workspace_name_key(const ir::Spec& spec);
/// The compute name in lower case; nullopt when absent, invalid or blank (AKS101's case).
std::optional<std::string> compute_name_key(const ir::Spec& spec);
/// The compute's region: `location` (written, or defaulted to workspace.location), else
/// workspace.location; nullptr when neither is usable or it is blank.
const ir::Field<std::string>* compute_region(const ir::Spec& spec);

/// "ml-ws" (resource group 'ml-rg', subscription ...): how messages name a spec's workspace.
std::string describe_workspace(const ir::Spec& spec);

/// The AKS cluster a spec attaches: `cluster` of mode attach (resource_id, or subscription,
/// resource_group and name), or the cluster that mode provision-and-attach creates
/// (workspace.subscription_id, cluster_resource_group, cluster_name).
struct ClusterRef {
  std::string key;      ///< "subscription/resource group/name", lower case.
  std::string display;  ///< The resource ID as written, or built from its parts.
  SourceRange range;    ///< Where the spec names it.
};
std::optional<ClusterRef> attached_cluster(const ir::Spec& spec);
/// attached_cluster(spec)->key, without the display text (a formatted resource ID).
std::optional<std::string> attached_cluster_key(const ir::Spec& spec);

/// The key of a managed-cluster resource ID
/// (/subscriptions/S/resourceGroups/G/providers/Microsoft.ContainerService/managedClusters/N,
/// segments case-insensitive); nullopt when it is not one (AKS505 reports malformed IDs).
std::optional<std::string> managed_cluster_key(std::string_view resource_id);

/// The inventory entry of a spec's compute (same workspace name and compute name, compared
/// case-insensitively), for the rules that compare a desired state with the existing compute.
class InventoryIndex {
 public:
  explicit InventoryIndex(const std::vector<InventoryEntry>& inventory);
  /// nullptr when the spec's workspace or name is unusable (its key empty) or no entry matches.
  const InventoryEntry* find(const ProjectKeys& keys) const;

 private:
  KeyStore keys_;
  ViewKeyMap<2, const InventoryEntry*> by_key_;  // workspace name, compute name
};

/// The first two inventory entries (of one cluster, say) that differ in `Part`, compared
/// case-insensitively: AKS504 keeps a cluster's attachments under two names, AKS503 in two
/// workspaces.
template <ir::Field<std::string> InventoryEntry::*Part>
struct FirstTwoDistinct {
  const InventoryEntry* first = nullptr;
  const InventoryEntry* other = nullptr;  ///< Differs from `first` in Part.

  void add(const InventoryEntry* entry) {
    if (!first) {
      first = entry;
    } else if (!other && !iequals((entry->*Part).value, (first->*Part).value)) {
      other = entry;
    }
  }
  /// An entry whose Part is not `value`, or nullptr.
  const InventoryEntry* other_than(std::string_view value) const {
    if (!first) return nullptr;
    return !iequals((first->*Part).value, value) ? first : other;
  }
};

/// "key\n" joins of lower-case parts, for hash keys.
std::string join_key(std::initializer_list<std::string_view> parts);

/// A place in a file for `related`.
RelatedLocation related_at(const ir::Spec& spec, SourceRange range, std::string message);
RelatedLocation related_at(const InventoryEntry& entry, SourceRange range, std::string message);
/// "file:line" of a place, for messages.
std::string where(const std::string& file, SourceRange range);

/// Collects a project rule's findings so that each spec gets at most one (later clashes only
/// add `related` places), then reports them.
class FindingPlan {
 public:
  explicit FindingPlan(const Project& project) : project_(project) {}

  /// True when this run reports on the spec's file.
  bool reported(const ir::Spec& spec) const { return project_.reported_files.count(spec.file) > 0; }

  /// Plans a finding on `spec`, or adds `related` to the one already planned.
  void add(const ir::Spec& spec, SourceRange range, std::string message, std::string help,
           RelatedLocation related);

  /// The texts of one side of a clash between two specs.
  struct ClashText {
    std::string message;
    std::string help;
    std::string related;  ///< Said at the other spec's place.
  };
  /// A clash between `later` and the spec `first` before it: reported on `later` (related:
  /// `first`), or, when this run reports on `first`'s file but not on `later`'s, on `first`
  /// (related: `later`), so that a run naming some files still sees their clashes with the
  /// others. `text(on_later)` gives the texts of the side reported on.
  void clash(const ir::Spec& later, SourceRange later_range, const ir::Spec& first,
             SourceRange first_range, const std::function<ClashText(bool on_later)>& text);

  void report(ProjectReporter& out);

 private:
  struct Planned {
    const ir::Spec* spec;
    SourceRange range;
    std::string message;
    std::string help;
    std::vector<RelatedLocation> related;
    std::set<std::tuple<std::string, int, int>> related_places;  ///< To add each place once.
  };
  const Project& project_;
  std::vector<Planned> planned_;
  std::map<const ir::Spec*, std::size_t> index_;
};

}  // namespace aksc::rules
