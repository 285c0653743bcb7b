#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "ir/boxed.h"
#include "ir/field.h"
#include "ir/kubernetes_compute.h"
#include "ir/pem_file.h"

namespace aksc::ir {

enum class Mode { kCreate, kAttach, kProvisionAndAttach };
enum class Purpose { kProduction, kDevTest };
enum class Accelerator { kNone, kGpu, kFpga };
enum class LoadBalancerSku { kBasic, kStandard };
enum class LoadBalancerType { kPublicIp, kInternal };
enum class OutboundType { kLoadBalancer, kUserDefinedRouting };
enum class SslStatus { kEnabled, kDisabled, kAuto };
enum class NodePoolMode { kSystem, kUser };

/// The Azure ML workspace that owns the compute.
struct Workspace {
  Field<std::string> name;
  Field<std::string> resource_group;
  Field<std::string> subscription_id;
  Field<std::string> location;
};

struct LoadBalancer {
  Field<LoadBalancerSku> sku;
  Field<LoadBalancerType> type;
  Field<std::string> subnet;
};

/// Virtual network and Kubernetes service networking (SPEC §1 `network`).
struct Network {
  SourceRange range;  ///< The `network` key; unknown when absent.
  Field<std::string> vnet_resource_group;
  Field<std::string> vnet_name;
  Field<std::string> subnet_name;
  Field<std::string> subnet_prefix;
  Field<std::string> service_cidr;
  Field<std::string> dns_service_ip;
  Field<std::string> docker_bridge_cidr;
};

struct Ssl {
  SourceRange range;
  Field<SslStatus> status;
  Field<std::string> leaf_domain_label;
  Field<bool> overwrite_existing_domain;
  Field<std::string> cname;
  Field<std::string> cert_file;
  Field<std::string> key_file;
  PemFile cert_file_check = PemFile::kUnchecked;
  PemFile key_file_check = PemFile::kUnchecked;
};

struct NodePool {
  SourceRange range;
  Field<std::string> name;
  Field<NodePoolMode> mode;
  Field<std::string> vm_size;
  Field<std::int64_t> count;
};

/// What is known of an existing AKS cluster: from `facts_from` and inline `facts`.
struct ClusterFacts {
  SourceRange range;
  Field<std::string> location;
  Field<std::string> kubernetes_version;
  Field<LoadBalancerSku> load_balancer_sku;
  Field<bool> private_cluster;
  Field<std::vector<Field<std::string>>> authorized_ip_ranges;
  Field<OutboundType> outbound_type;
  Field<std::vector<NodePool>> node_pools;
  /// The cluster's identity (identity.type, or servicePrincipalProfile of a facts file).
  Field<IdentityType> identity_type;
  /// disableLocalAccounts of a facts file or `facts.local_accounts_disabled`.
  Field<bool> local_accounts_disabled;
  /// Where kubernetes_version was read: "currentKubernetesVersion" or "kubernetesVersion" of
  /// the facts file, or "cluster.facts.kubernetes_version"; empty when it is absent.
  std::string kubernetes_version_field;
  /// Profiles of the facts file written as null (az prints null for what is unset), in file
  /// order, e.g. "networkProfile": AKS506 names them when they leave a fact missing.
  std::vector<std::string> null_profiles;
};

/// The existing cluster of `mode: attach`.
struct Cluster {
  SourceRange range;
  Field<std::string> resource_id;
  Field<std::string> resource_group;
  Field<std::string> name;
  Field<std::string> subscription_id;
  Field<std::string> facts_from;
  ClusterFacts facts;
};

/// One spec document (SPEC §1), lowered: SDK/ARM spellings normalized, defaults applied.
struct Spec {
  std::string file;        ///< As shown to the user.
  int document = 0;        ///< 0-based index of the document in its file.
  SourceRange range;       ///< Start of the document.
  SourceRange kind_range;  ///< The `kind` value (the document's start without one).
  Kind kind = Kind::kAksCompute;

  Field<std::string> name;
  Field<Mode> mode;
  Workspace workspace;
  Field<Purpose> purpose;
  Field<std::string> description;
  Field<std::map<std::string, std::string>> tags;

  // create and provision-and-attach
  Field<std::string> location;
  Field<std::int64_t> agent_count;
  Field<std::string> vm_size;
  Field<Accelerator> accelerator;
  LoadBalancer load_balancer;
  Boxed<Network> network;  ///< Empty unless written.
  Boxed<Ssl> ssl;          ///< Empty unless written.

  // settable by AKS only; accepted everywhere so rules can explain
  Field<std::string> kubernetes_version;
  Field<bool> private_cluster;
  Field<std::vector<Field<std::string>>> api_server_authorized_ip_ranges;
  Field<OutboundType> outbound_type;
  Field<std::string> cluster_name;
  Field<std::string> cluster_resource_group;

  // attach
  Boxed<Cluster> cluster;  ///< Empty unless written.
  Field<bool> reattach;

  /// Set for kind KubernetesCompute only (modes attach and provision-and-attach): held apart,
  /// so that an AksCompute spec does not carry its empty fields.
  std::shared_ptr<KubernetesComputeParts> kubernetes;
};

}  // namespace aksc::ir
