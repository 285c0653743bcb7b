#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ir/spec.h"

// The deployment intent of `kind: KubernetesCompute` (SPEC-2 §B): the Azure ML cluster
// extension with its settings, the namespace, the InstanceType resources and the Kubernetes
// compute, every value resolved once for the ARM, az and CLI back-ends.
namespace aksc::intent {

class FieldReader;

/// The extension type az and ARM install (how-to-deploy-kubernetes-extension.md).
inline constexpr std::string_view kExtensionType = "Microsoft.AzureML.Kubernetes";
/// The extension's release namespace: the CLI forces it (AzureMLKubernetes.py Create).
inline constexpr std::string_view kReleaseNamespace = "azureml";
/// The name under which the extension recognizes the default instance type.
inline constexpr std::string_view kDefaultInstanceTypeName = "defaultinstancetype";

/// `extension.inference.ssl`, resolved: which certificate azureml-fe serves.
struct ScoringTls {
  std::string cname;
  std::string secret;     ///< A Kubernetes Secret in the release namespace; empty with files.
  std::string cert_file;  ///< As written (relative to the spec's folder, or absolute).
  std::string key_file;

  /// The CLI takes the two files first, the secret only without them.
  bool uses_files() const { return !cert_file.empty() && !key_file.empty(); }
};

/// `extension.inference`: azureml-fe.
struct Inference {
  ir::RouterServiceType router_service_type = ir::RouterServiceType::kLoadBalancer;
  bool internal_load_balancer = false;
  bool router_ha = true;
  bool allow_insecure_connections = false;
  std::optional<ScoringTls> tls;  ///< Absent when insecure connections are allowed.
};

/// `extension`: Microsoft.AzureML.Kubernetes on the cluster.
struct Extension {
  std::string name = "azureml";
  ir::ReleaseTrain release_train = ir::ReleaseTrain::kStable;
  std::string version;  ///< Empty unless pinned.
  bool auto_upgrade_minor_version = true;
  bool training = false;
  std::optional<Inference> inference;  ///< Absent when inference is not enabled.
  std::map<std::string, std::string> node_selector;
  bool install_nvidia_device_plugin = false;
  bool install_dcgm_exporter = false;
  bool install_prom_op = true;
  bool install_volcano = true;
};

/// One InstanceType: resource name ("cpu", "memory", "nvidia.com/gpu") → quantity as written.
struct InstanceType {
  std::string name;
  std::map<std::string, std::string> node_selector;
  std::map<std::string, std::string> requests;
  std::map<std::string, std::string> limits;
};

/// Everything of a KubernetesCompute deployment that an AksCompute one has not.
struct KubernetesCompute {
  std::string kubernetes_namespace = "default";
  ir::IdentityType identity = ir::IdentityType::kSystemAssigned;
  std::vector<std::string> user_assigned_identities;
  Extension extension;
  std::vector<InstanceType> instance_types;
  std::string default_instance_type;  ///< Empty unless written.
  /// The cluster's region when the spec knows it (provision-and-attach, or attach facts);
  /// empty otherwise, and the template reads it from the cluster.
  std::string cluster_location;

  /// The InstanceType resources the cluster gets: the spec's, then `defaultinstancetype` as a
  /// copy of default_instance_type (the az path's way of naming the default) unless that is
  /// already its name.
  std::vector<InstanceType> cluster_instance_types() const;
};

/// Lowers the KubernetesCompute parts of `spec`, recording in `in` what makes it unbuildable.
KubernetesCompute lower_kubernetes(const ir::Spec& spec, FieldReader& in);

/// The subscription, resource group and name of a managed cluster's resource ID (segment
/// names compared case-insensitively); nullopt when it is not one.
struct ClusterIdParts {
  std::string subscription_id;
  std::string resource_group;
  std::string name;
};
std::optional<ClusterIdParts> parse_managed_cluster_id(std::string_view id);

/// The Azure spellings shared by the back-ends.
std::string_view extension_bool(bool value);  ///< "True" / "False", as the docs write them.
std::string_view router_service_type_setting(ir::RouterServiceType value);  ///< loadBalancer, …
std::string_view release_train_setting(ir::ReleaseTrain value);             ///< stable, preview
std::string_view compute_identity_type(ir::IdentityType value);  ///< SystemAssigned, UserAssigned

}  // namespace aksc::intent
