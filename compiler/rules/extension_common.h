#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.h"
#include "ir/spec.h"

// Helpers of the KubernetesCompute rules (AKS801–AKS815): what the Azure ML extension enables,
// and the cluster's nodes as the spec or its facts give them.
namespace aksc::rules {

/// True when the spec enables azureml-fe (extension.inference.enabled, written or defaulted).
bool inference_enabled(const ir::Spec& spec);

/// One group of identical nodes: the provision-and-attach pool (vm_size × agent_count) or one
/// node pool of an attached cluster's facts.
struct NodeGroup {
  std::string_view pool;  ///< The pool's name; empty for provision-and-attach.
  const ir::Field<std::string>* vm_size = nullptr;
  const ir::Field<std::int64_t>* count = nullptr;
  const VmSize* size = nullptr;  ///< nullptr when the catalog does not know it (AKS204).
  SourceRange range;             ///< The pool, or agent_count / vm_size in provision-and-attach.
};

/// The cluster's nodes. `complete` is false when a group's size or count is missing or unknown,
/// or the facts give no pools (AKS506 and AKS204 report those): totals are then unknown.
struct ClusterNodes {
  std::vector<NodeGroup> groups;
  bool complete = false;
};
ClusterNodes cluster_nodes(const ir::Spec& spec, const Catalog& catalog);

/// "pool 'gpu' (3 × Standard_NC6s_v3)", or "3 × Standard_D4s_v3" in provision-and-attach.
std::string describe_group(const NodeGroup& group);

/// True when `text` is a DNS-1123 label (RFC 1123 as Kubernetes checks it): 1 to 63 of a-z, 0-9
/// and '-', starting and ending with a letter or digit. Otherwise why not, as a phrase.
std::string dns1123_label_problem(std::string_view text);
/// The same for a DNS-1123 subdomain: up to 253 characters, labels of a-z, 0-9 and '-'
/// joined by '.', each starting and ending with a letter or digit (Kubernetes object names).
std::string dns1123_subdomain_problem(std::string_view text);

}  // namespace aksc::rules
