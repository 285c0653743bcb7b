#pragma once

#include <map>
#include <string>
#include <vector>

#include "ir/field.h"
#include "ir/pem_file.h"

// The parts of a spec that only `kind: KubernetesCompute` has (SPEC-2 §B): the Azure ML cluster
// extension, the compute's identity and namespace, and the InstanceType resources.
namespace aksc::ir {

enum class Kind { kAksCompute, kKubernetesCompute };
enum class RouterServiceType { kLoadBalancer, kNodePort, kClusterIp };
enum class ReleaseTrain { kStable, kPreview };
/// A compute's identity (system- or user-assigned), or a cluster's identity from its facts,
/// where a service principal is possible too.
enum class IdentityType { kSystemAssigned, kUserAssigned, kServicePrincipal };

/// What the front end found in a PEM private key that the extension must read: AKS805 reports
/// an encrypted one. Set only when the key file was read (see Ssl::key_file_check).
enum class PemKeyProtection { kUnchecked, kPlain, kEncrypted };

/// The compute's managed identity (`identity`).
struct ComputeIdentity {
  SourceRange range;
  Field<IdentityType> type;
  Field<std::vector<Field<std::string>>> user_assigned_identities;
};

/// `extension.inference.ssl`: the azureml-fe certificate, by Secret or by two PEM files.
struct InferenceSsl {
  SourceRange range;
  Field<std::string> cname;
  Field<std::string> secret;
  Field<std::string> cert_file;
  Field<std::string> key_file;
  /// Front-end results for the two files, as for AksCompute's `ssl` (frontend/ssl_files).
  PemFile cert_file_check = PemFile::kUnchecked;
  PemFile key_file_check = PemFile::kUnchecked;
  PemKeyProtection key_protection = PemKeyProtection::kUnchecked;
};

/// `extension.inference`: azureml-fe, the inference router.
struct Inference {
  SourceRange range;
  Field<bool> enabled;  ///< enableInference; defaulted false as in the extension.
  Field<RouterServiceType> router_service_type;
  Field<bool> internal_load_balancer;      ///< internalLoadBalancerProvider=azure; default false.
  Field<bool> router_ha;                   ///< inferenceRouterHA; default true.
  Field<bool> allow_insecure_connections;  ///< default false.
  InferenceSsl ssl;
};

/// `extension`: the Azure ML cluster extension (Microsoft.AzureML.Kubernetes) and its settings.
struct Extension {
  SourceRange range;
  Field<std::string> name;                 ///< default "azureml"
  Field<ReleaseTrain> release_train;       ///< default stable
  Field<std::string> version;              ///< optional pin
  Field<bool> auto_upgrade_minor_version;  ///< default true
  Field<bool> training;                    ///< enableTraining; default false
  Inference inference;
  Field<std::map<std::string, std::string>> node_selector;
  Field<bool> install_nvidia_device_plugin;  ///< default false
  Field<bool> install_dcgm_exporter;         ///< default false
  Field<bool> install_prom_op;               ///< default true
  Field<bool> install_volcano;               ///< default true
};

/// Requests or limits of an instance type, as written (Kubernetes quantities; a number in the
/// YAML is kept as its decimal text). Rules parse them (AKS811, AKS812).
struct ResourceList {
  SourceRange range;
  Field<std::string> cpu;
  Field<std::string> memory;
  Field<std::string> gpu;  ///< nvidia.com/gpu
};

/// One InstanceType resource (how-to-manage-kubernetes-instance-types.md).
struct InstanceType {
  SourceRange range;
  Field<std::string> name;
  Field<std::map<std::string, std::string>> node_selector;
  ResourceList requests;
  ResourceList limits;
};

/// Everything of a KubernetesCompute spec that AksCompute has not.
struct KubernetesComputeParts {
  Field<std::string> kubernetes_namespace;  ///< `namespace`; default "default"
  ComputeIdentity identity;
  Extension extension;
  Field<std::vector<InstanceType>> instance_types;
  Field<std::string> default_instance_type;
};

}  // namespace aksc::ir
