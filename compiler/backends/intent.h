#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "backends/kubernetes_intent.h"
#include "ir/spec.h"

// Deployment intent: what a spec deploys, with every value resolved. Both back-ends (ARM and
// az) render this one structure, so they cannot disagree on resources, steps or values.
namespace aksc::intent {

/// One deployment step, in the order the az script runs them and the ARM template depends.
enum class Step {
  kDetachCompute,    ///< reattach: remove the attachment that holds the cluster first.
  kCreateCluster,    ///< provision-and-attach: AKS itself creates the managed cluster.
  kLookUpClusterId,  ///< Read the cluster's resource ID (attach by name, provision-and-attach).
  kCreateCompute,    ///< create: Azure ML creates the cluster and the compute in one go.
  kCheckCompute,     ///< create of a compute the inventory lists: only check that it exists.
  kAttachCompute,    ///< attach and provision-and-attach: attach the cluster as the compute,
                     ///< with its load balancer and TLS settings.
  // kind KubernetesCompute, after kCreateCluster and kLookUpClusterId:
  kInstallExtension,    ///< Install the Azure ML extension on the cluster.
  kCreateNamespace,     ///< Create the compute's namespace (not "default") on the cluster.
  kApplyInstanceTypes,  ///< Apply the InstanceType resources (the extension installs the CRD).
  kAttachKubernetes,    ///< Attach the cluster as a compute of type Kubernetes.
};

/// The AKS network plugin of provision-and-attach (see docs/artifacts.md for why kubenet).
inline constexpr std::string_view kNetworkPlugin = "kubenet";
/// The system node pool's name, in `az aks create --nodepool-name` and the ARM template alike.
inline constexpr std::string_view kNodePoolName = "agentpool";

/// The Azure ML workspace that owns the compute.
struct Workspace {
  std::string name;
  std::string resource_group;
  std::string subscription_id;
  std::string location;
};

/// A subnet of an existing virtual network in the workspace's subscription.
struct Subnet {
  std::string subscription_id;
  std::string resource_group;  ///< The virtual network's resource group.
  std::string vnet_name;
  std::string subnet_name;

  /// `/subscriptions/…/resourceGroups/…/providers/Microsoft.Network/virtualNetworks/…/subnets/…`
  std::string resource_id() const;
};

/// Kubernetes service networking: all three or none (AKS309).
struct ServiceNetwork {
  std::string service_cidr;
  std::string dns_service_ip;
  std::string docker_bridge_cidr;
};

/// Where the scoring endpoint listens.
struct LoadBalancer {
  ir::LoadBalancerType type = ir::LoadBalancerType::kPublicIp;
  std::string subnet;  ///< Empty unless written.
};

/// TLS of the scoring endpoint: a Microsoft certificate (leaf domain label) or a custom one.
struct Tls {
  ir::SslStatus status = ir::SslStatus::kEnabled;
  std::string leaf_domain_label;  ///< Empty unless written.
  bool overwrite_existing_domain = false;
  std::string cname;      ///< Empty unless written.
  std::string cert_file;  ///< As written: relative to the spec's folder, or absolute.
  std::string key_file;   ///< As written: relative to the spec's folder, or absolute.

  bool custom_certificate() const { return !cert_file.empty() || !key_file.empty(); }
};

/// The compute inside the workspace, in every mode.
struct Compute {
  std::string name;
  ir::Purpose purpose = ir::Purpose::kProduction;
  std::string description;  ///< Empty unless written.
  std::map<std::string, std::string> tags;
  std::optional<LoadBalancer> load_balancer;  ///< Absent: Azure ML's default (attach only).
  std::optional<Tls> tls;                     ///< Absent: no TLS settings at all.
};

/// The cluster Azure ML creates in mode create.
struct CreatedCluster {
  std::string location;
  std::int64_t agent_count = 0;
  std::string vm_size;
  std::optional<Subnet> subnet;
  std::optional<ServiceNetwork> service_network;
};

/// The managed cluster AKS creates in mode provision-and-attach.
struct ManagedCluster {
  std::string name;
  std::string subscription_id;  ///< The workspace's.
  std::string resource_group;
  std::string location;
  std::string dns_prefix;          ///< Derived from the name; the same for az and ARM.
  std::string kubernetes_version;  ///< Empty: AKS's default version.
  std::int64_t node_count = 0;
  std::string vm_size;
  ir::LoadBalancerSku load_balancer_sku = ir::LoadBalancerSku::kStandard;
  ir::OutboundType outbound_type = ir::OutboundType::kLoadBalancer;
  bool private_cluster = false;
  std::vector<std::string> authorized_ip_ranges;
  std::optional<Subnet> subnet;
  std::optional<ServiceNetwork> service_network;
  std::map<std::string, std::string> tags;
};

/// The AKS cluster the compute attaches (attach and provision-and-attach).
struct ClusterReference {
  std::string resource_id;  ///< Written in the spec, or built from the three parts below.
  bool id_written = false;  ///< True when the spec gave resource_id (no lookup needed).
  std::string subscription_id;
  std::string resource_group;
  std::string name;
};

/// What the project's inventory (SPEC §2) records that changes the steps.
struct Existing {
  bool compute_listed = false;               ///< The workspace has a compute of the spec's name.
  std::vector<std::string> cluster_holders;  ///< Its computes attached to the spec's cluster.
};

/// Everything one spec deploys.
struct Deployment {
  ir::Mode mode = ir::Mode::kCreate;
  Workspace workspace;
  Compute compute;
  std::optional<CreatedCluster> created;      ///< mode create.
  std::optional<ManagedCluster> provisioned;  ///< mode provision-and-attach.
  std::optional<ClusterReference> attached;   ///< attach and provision-and-attach.
  /// kind KubernetesCompute: the extension, namespace, identity and instance types. With it,
  /// `attached` always has its subscription, resource group and name.
  std::optional<KubernetesCompute> kubernetes;
  std::vector<Step> steps;  ///< In order.
  /// create: the inventory lists the compute, so nothing is created (create is not idempotent).
  bool exists_already = false;
  /// kDetachCompute: the computes to detach, from the inventory (those holding the cluster),
  /// else the spec's own name.
  std::vector<std::string> detach;
  bool detach_from_inventory = false;  ///< `detach` came from the inventory.

  bool has_step(Step step) const;
};

/// A spec's deployment, or why it cannot be built (a required value is missing or unusable).
struct Lowering {
  std::optional<Deployment> deployment;
  std::vector<std::string> problems;
};

/// Lowers a spec without errors to its deployment. Uses only usable fields (written or
/// defaulted); fields a mode cannot express are left out, because the rules report them.
/// `existing` is what the inventory records (no inventory: nothing).
Lowering lower_deployment(const ir::Spec& spec, const Existing& existing = {});

/// The Azure spellings that the ARM templates and the az commands share.
std::string_view azure_purpose(ir::Purpose value);                      ///< FastProd, DevTest
std::string_view azure_load_balancer_type(ir::LoadBalancerType value);  ///< PublicIp, …
std::string_view azure_ssl_status(ir::SslStatus value);                 ///< Enabled, Disabled, Auto
std::string_view azure_outbound_type(ir::OutboundType value);  ///< loadBalancer, userDefinedRouting
std::string_view azure_load_balancer_sku(ir::LoadBalancerSku value);  ///< standard, basic

/// An AKS DNS prefix from a cluster name: letters, digits and hyphens, at most 54 characters,
/// starting and ending with a letter or digit (other characters become hyphens). Empty when
/// nothing usable is left.
std::string dns_prefix_for(std::string_view cluster_name);

}  // namespace aksc::intent
