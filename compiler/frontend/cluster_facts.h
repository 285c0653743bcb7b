#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "diag/finding_sink.h"
#include "frontend/path_fence.h"
#include "frontend/read_source.h"
#include "ir/spec.h"

namespace aksc {

/// The two JSON shapes of a managed cluster that `facts_from` reads (SPEC §1).
enum class ClusterJsonShape {
  kAzAksShow,    ///< `az aks show -o json`: kubernetesVersion, agentPoolProfiles... at the top.
  kArmResource,  ///< The ARM resource: the same fields under `properties`.
};

/// The facts found in one managed cluster as JSON.
struct ClusterJson {
  ClusterJsonShape shape = ClusterJsonShape::kAzAksShow;
  /// Every field found has the given range. Origin::kWritten for values read; kDefaulted where
  /// the absence of a value has a meaning (no apiServerAccessProfile: no authorized ranges and
  /// not private; a lone pool without mode: the system pool; networkProfile without
  /// outboundType: loadBalancer); kInvalid for values listed in `problems`.
  ir::ClusterFacts facts;
  /// Values that cannot be used, e.g. "agentPoolProfiles[1].count is a string, not an integer".
  std::vector<std::string> problems;
};

/// Reads the facts of a managed cluster from `az aks show -o json` output or the ARM resource.
/// Values compare case-insensitively (Standard = standard); null means absent, as az prints
/// unset fields; values aksc has no spelling for but Azure documents (outboundType
/// managedNATGateway, pool mode Gateway, ...) are left out silently, as no rule is about them.
/// Returns nullopt with `error` set when the JSON is neither shape.
std::optional<ClusterJson> read_cluster_json(const nlohmann::json& cluster, SourceRange range,
                                             std::string& error);

/// Inline facts win field by field: a field written in `inline_facts` (even an invalid one,
/// which the schema has reported) is kept, the others come from `file_facts`. Node pools are
/// one field: inline node_pools replace the file's list.
ir::ClusterFacts merge_cluster_facts(const ir::ClusterFacts& inline_facts,
                                     const ir::ClusterFacts& file_facts);

/// Front-end step after lowering: reads `cluster.facts_from` (a path relative to
/// `spec_folder`, inside `fence`: else an AKS007 finding and nothing is read) and merges it
/// under the inline `cluster.facts`. Fields from the file carry
/// the range of the facts_from value, so findings about them point at that line. A missing or
/// unreadable file, bad JSON (with its line and column) or JSON of neither shape is an AKS507
/// finding at facts_from, and so are values of the file that cannot be used, and a file larger
/// than `max_file_size`.
void load_cluster_facts(ir::Spec& spec, const std::filesystem::path& spec_folder,
                        const PathFence& fence, FindingSink& sink,
                        std::uintmax_t max_file_size = kDefaultMaxFileSize);

}  // namespace aksc
