#include "backends/az/kubernetes_script.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "backends/az/cluster_commands.h"
#include "backends/az/script_functions.h"
#include "backends/az/script_text.h"
#include "backends/az/shell_quote.h"
#include "backends/extension_settings.h"
#include "ir/spelling.h"

namespace aksc::az {
namespace {

using intent::Deployment;
using intent::Step;

const intent::ScoringTls* certificate_files(const Deployment& d) {
  const auto& inference = d.kubernetes->extension.inference;
  return inference && inference->tls && inference->tls->uses_files() ? &*inference->tls : nullptr;
}

// The script's own folder is needed for a relative certificate path and for the
// InstanceTypes file beside it.
bool needs_here(const Deployment& d) {
  const intent::ScoringTls* tls = certificate_files(d);
  bool relative = tls && (!is_absolute_path(tls->cert_file) || !is_absolute_path(tls->key_file));
  return relative || d.has_step(Step::kApplyInstanceTypes);
}

// The cluster's resource ID as a shell word: looked up at run time, or as the spec wrote it.
std::string cluster_id_word(const Deployment& d) {
  return d.has_step(Step::kLookUpClusterId) ? "\"$cluster_id\""
                                            : shell_quote(d.attached->resource_id);
}

// Several values of one option, one per line.
std::string words(const std::vector<std::string>& items) {
  return fmt::format("{}", fmt::join(items, " \\\n    "));
}

Command& on_cluster(Command& command, const intent::ClusterReference& cluster) {
  return command.value("--subscription", cluster.subscription_id)
      .value("--resource-group", cluster.resource_group);
}

std::string install_extension(const Deployment& d, const ArtifactContext& context) {
  const intent::Extension& extension = d.kubernetes->extension;
  const intent::ClusterReference& cluster = *d.attached;
  Command show("az k8s-extension show");
  on_cluster(show, cluster)
      .value("--cluster-name", cluster.name)
      .word("--cluster-type", "managedClusters")
      .value("--name", extension.name)
      .word("--output", "none");
  Command create("az k8s-extension create");
  on_cluster(create, cluster)
      .value("--cluster-name", cluster.name)
      .word("--cluster-type", "managedClusters")
      .value("--name", extension.name)
      .word("--extension-type", std::string(intent::kExtensionType))
      .word("--scope", "cluster")
      .value("--release-train", intent::release_train_setting(extension.release_train))
      .word("--auto-upgrade-minor-version",
            extension.auto_upgrade_minor_version ? "true" : "false");
  if (!extension.version.empty()) create.value("--version", extension.version);
  std::vector<std::string> config;
  for (const ExtensionSetting& setting : extension_settings(d))
    config.push_back(shell_quote(setting.key + "=" + setting.value));
  create.word("--config", words(config));
  if (const intent::ScoringTls* tls = certificate_files(d)) {
    // Paths only: the CLI reads the files and base64-encodes them into protected settings.
    create.word("--config-protected",
                words({shell_quote("sslCertPemFile=") + file_word(tls->cert_file, context),
                       shell_quote("sslKeyPemFile=") + file_word(tls->key_file, context)}));
  }
  std::string text = "if " + show.text() + " 2> /dev/null; then\n";
  text += fmt::format(
      "  printf 'deploy.sh: extension %s exists on cluster %s: kept as it is (its "
      "settings change with k8s-extension update)\\n' {} {} >&2\n",
      shell_quote(extension.name), shell_quote(cluster.name));
  text += "else\n";
  text += "  " + create.text("  ") + "\nfi";
  return text;
}

std::vector<std::string> extension_notes(const Deployment& d) {
  std::vector<std::string> notes = {
      "The settings the CLI derives itself (cluster ID and location, relay and service bus off, "
      "nginx ingress on) are left to it; azuredeploy.json writes them (docs/artifacts.md)."};
  if (certificate_files(d)) {
    notes.push_back(
        "The certificate and key go as file paths: az reads them, so their contents never "
        "appear on a command line.");
  }
  return notes;
}

std::string run_on_cluster(const intent::ClusterReference& cluster, const std::string& command,
                           const std::string& file) {
  Command invoke("run_on_cluster");
  invoke.value("--subscription", cluster.subscription_id)
      .value("--resource-group", cluster.resource_group)
      .value("--name", cluster.name)
      .value("--command", command);
  if (!file.empty()) invoke.word("--file", file);
  return invoke.text();
}

// The remote command is a shell command line too: the namespace is quoted for it, then the
// whole line is quoted again for this script.
std::string create_namespace(const Deployment& d) {
  std::string remote = fmt::format(
      "kubectl create namespace {} --dry-run=client --output yaml | kubectl apply --filename -",
      shell_quote(d.kubernetes->kubernetes_namespace));
  return run_on_cluster(*d.attached, remote, "");
}

std::string apply_instance_types(const Deployment& d) {
  std::string remote = fmt::format("kubectl apply --filename {}", kInstanceTypesFile);
  return run_on_cluster(*d.attached, remote, fmt::format("\"$here\"/{}", kInstanceTypesFile));
}

std::string attach_compute(const Deployment& d) {
  const intent::KubernetesCompute& k = *d.kubernetes;
  Command attach("az ml compute attach");
  attach.value("--subscription", d.workspace.subscription_id)
      .value("--resource-group", d.workspace.resource_group)
      .value("--workspace-name", d.workspace.name)
      .value("--name", d.compute.name)
      .word("--type", "Kubernetes")
      .word("--resource-id", cluster_id_word(d))
      .value("--namespace", k.kubernetes_namespace)
      .value("--identity-type", intent::compute_identity_type(k.identity));
  if (k.identity == ir::IdentityType::kUserAssigned) {
    attach.value("--user-assigned-identities",
                 fmt::format("{}", fmt::join(k.user_assigned_identities, ",")));
  }
  return attach.text();
}

std::vector<std::string> kubernetes_attach_notes(const Deployment& d) {
  std::vector<std::string> notes;
  if (!d.compute.description.empty() || !d.compute.tags.empty()) {
    notes.push_back(
        "az ml compute attach has no options for the description and tags: compute.yml and "
        "azuredeploy.json carry them.");
  }
  if (d.kubernetes->identity == ir::IdentityType::kUserAssigned &&
      d.kubernetes->user_assigned_identities.size() > 1) {
    notes.push_back(
        "Azure ML uses only the first user-assigned identity of the list "
        "(how-to-attach-kubernetes-to-workspace.md).");
  }
  return notes;
}

void add_kubernetes_step(Script& script, Step step, const Deployment& d,
                         const ArtifactContext& context) {
  switch (step) {
    case Step::kCreateCluster:
    case Step::kLookUpClusterId:
      add_cluster_step(script, step, d);
      break;
    case Step::kInstallExtension:
      script.step(fmt::format("install the Azure ML extension '{}' on the cluster.",
                              d.kubernetes->extension.name),
                  extension_notes(d), install_extension(d, context));
      break;
    case Step::kCreateNamespace:
      script.step(fmt::format("create Kubernetes namespace '{}' (Azure ML does not create it).",
                              d.kubernetes->kubernetes_namespace),
                  {}, create_namespace(d));
      break;
    case Step::kApplyInstanceTypes:
      script.step(fmt::format("apply the InstanceType resources of {} (the extension installed "
                              "their CRD).",
                              kInstanceTypesFile),
                  {}, apply_instance_types(d));
      break;
    case Step::kAttachKubernetes:
      script.step("attach the cluster to the workspace as a Kubernetes compute.",
                  kubernetes_attach_notes(d), attach_compute(d));
      break;
    default:
      break;  // AksCompute's steps: backends/az/deploy_script.cpp
  }
}

}  // namespace

std::string kubernetes_script(const Deployment& d, const ArtifactContext& context) {
  Script script;
  start_script(script,
               fmt::format("Generated by aksc build (kind: KubernetesCompute, mode: {}): compute "
                           "'{}' of Azure ML workspace '{}'.",
                           ir::to_string(d.mode), d.compute.name, d.workspace.name),
               {"Edit the spec, not this file. Needs the az CLI logged in (az login) with its",
                "extensions k8s-extension and ml (az extension add --name k8s-extension; az",
                "extension add --name ml)."},
               needs_here(d));
  if (d.has_step(Step::kCreateNamespace) || d.has_step(Step::kApplyInstanceTypes)) {
    script.raw(kRunOnCluster);
  }
  for (Step step : d.steps)
    add_kubernetes_step(script, step, d, context);
  return script.text();
}

}  // namespace aksc::az
