#include "backends/az/deploy_script.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "backends/az/shell_quote.h"
#include "ir/spelling.h"

namespace aksc::az {
namespace {

using intent::Deployment;
using intent::Step;

// One az command, rendered one option per line so that reviews and diffs stay readable.
class Command {
 public:
  explicit Command(std::string words) : words_(std::move(words)) {}

  /// An option with a spec value: always quoted.
  Command& value(std::string_view option, std::string_view value) {
    return word(option, shell_quote(value));
  }
  /// An option whose value is already a shell-safe word (a quoted value or "$variable").
  Command& word(std::string_view option, std::string word) {
    lines_.push_back(fmt::format("{} {}", option, word));
    return *this;
  }
  /// A switch without a value.
  Command& flag(std::string_view option) {
    lines_.emplace_back(option);
    return *this;
  }

  std::string text() const {
    std::string out = words_;
    for (const std::string& line : lines_)
      out += " \\\n  " + line;
    return out;
  }

 private:
  std::string words_;
  std::vector<std::string> lines_;
};

// The script text: a header, then numbered steps with their comments.
class Script {
 public:
  void line(std::string_view text) { text_ += std::string(text) + "\n"; }
  void step(std::string_view title, const std::vector<std::string>& notes, std::string_view body) {
    text_ += fmt::format("\n# Step {}: {}\n", ++count_, title);
    for (const std::string& note : notes)
      text_ += "# " + note + "\n";
    text_ += std::string(body) + "\n";
  }
  const std::string& text() const { return text_; }

 private:
  std::string text_;
  int count_ = 0;
};

bool relative_certificate(const Deployment& d) {
  const auto& tls = d.compute.tls;
  if (!tls || tls->status == ir::SslStatus::kDisabled) return false;
  return (!tls->cert_file.empty() && !is_absolute_path(tls->cert_file)) ||
         (!tls->key_file.empty() && !is_absolute_path(tls->key_file));
}

// A certificate path as a shell word: relative ones are anchored at this script's folder, so
// the script works from any current folder.
std::string file_word(const std::string& written, const ArtifactContext& context) {
  std::string path = path_from_artifacts(context, written);
  return is_absolute_path(written) ? shell_quote(path) : "\"$here\"/" + shell_quote(path);
}

void workspace_options(Command& command, const Deployment& d) {
  command.value("--name", d.compute.name)
      .value("--resource-group", d.workspace.resource_group)
      .value("--workspace-name", d.workspace.name);
}

void tls_options(Command& command, const intent::Tls& tls, const ArtifactContext& context) {
  if (tls.status == ir::SslStatus::kDisabled) return;
  if (!tls.leaf_domain_label.empty()) {
    command.value("--ssl-leaf-domain-label", tls.leaf_domain_label);
    if (tls.overwrite_existing_domain) command.flag("--ssl-overwrite-domain");
  }
  if (!tls.cname.empty()) command.value("--ssl-cname", tls.cname);
  if (!tls.cert_file.empty()) command.word("--ssl-cert-file", file_word(tls.cert_file, context));
  if (!tls.key_file.empty()) command.word("--ssl-key-file", file_word(tls.key_file, context));
}

std::vector<std::string> arm_only_notes(const Deployment& d) {
  std::vector<std::string> notes;
  if (!d.compute.description.empty() || !d.compute.tags.empty()) {
    notes.push_back(
        "az ml computetarget has no options for the compute's description and tags; "
        "azuredeploy.json sets them.");
  }
  if (d.compute.tls && d.compute.tls->status == ir::SslStatus::kDisabled) {
    notes.push_back("ssl.status is disabled: TLS stays off, which is the default.");
  }
  return notes;
}

std::string create_compute(const Deployment& d, const ArtifactContext& context) {
  const intent::CreatedCluster& created = *d.created;
  Command command("az ml computetarget create aks");
  workspace_options(command, d);
  command.value("--location", created.location)
      .value("--agent-count", std::to_string(created.agent_count))
      .value("--vm-size", created.vm_size)
      .value("--cluster-purpose", intent::azure_purpose(d.compute.purpose));
  if (const auto& lb = d.compute.load_balancer) {
    command.value("--load-balancer-type", intent::azure_load_balancer_type(lb->type));
    if (!lb->subnet.empty()) command.value("--load-balancer-subnet", lb->subnet);
  }
  if (created.subnet) {
    command.value("--vnet-resourcegroup-name", created.subnet->resource_group)
        .value("--vnet-name", created.subnet->vnet_name)
        .value("--subnet-name", created.subnet->subnet_name);
  }
  if (const auto& service = created.service_network) {
    command.value("--service-cidr", service->service_cidr)
        .value("--dns-service-ip", service->dns_service_ip)
        .value("--docker-bridge-cidr", service->docker_bridge_cidr);
  }
  if (d.compute.tls) tls_options(command, *d.compute.tls, context);
  return command.text();
}

std::string create_cluster(const intent::ManagedCluster& cluster) {
  Command command("az aks create");
  command.value("--subscription", cluster.subscription_id)
      .value("--resource-group", cluster.resource_group)
      .value("--name", cluster.name)
      .value("--location", cluster.location)
      .value("--dns-name-prefix", cluster.dns_prefix);
  if (!cluster.kubernetes_version.empty()) {
    command.value("--kubernetes-version", cluster.kubernetes_version);
  }
  command.value("--nodepool-name", intent::kNodePoolName)
      .value("--node-count", std::to_string(cluster.node_count))
      .value("--node-vm-size", cluster.vm_size)
      .value("--network-plugin", intent::kNetworkPlugin)
      .value("--load-balancer-sku", intent::azure_load_balancer_sku(cluster.load_balancer_sku))
      .value("--outbound-type", intent::azure_outbound_type(cluster.outbound_type));
  if (cluster.subnet) command.value("--vnet-subnet-id", cluster.subnet->resource_id());
  if (const auto& service = cluster.service_network) {
    command.value("--service-cidr", service->service_cidr)
        .value("--dns-service-ip", service->dns_service_ip)
        .value("--docker-bridge-address", service->docker_bridge_cidr);
  }
  if (cluster.private_cluster) command.flag("--enable-private-cluster");
  if (!cluster.authorized_ip_ranges.empty()) {
    command.value("--api-server-authorized-ip-ranges",
                  fmt::format("{}", fmt::join(cluster.authorized_ip_ranges, ",")));
  }
  command.flag("--enable-managed-identity").flag("--no-ssh-key");
  if (!cluster.tags.empty()) {
    std::string words;
    for (const auto& [key, value] : cluster.tags)
      words += (words.empty() ? "" : " ") + shell_quote(key + "=" + value);
    command.word("--tags", words);
  }
  return command.text();
}

std::string look_up_cluster(const intent::ClusterReference& cluster) {
  Command command("az aks show");
  command.value("--subscription", cluster.subscription_id)
      .value("--resource-group", cluster.resource_group)
      .value("--name", cluster.name)
      .word("--query", "id")
      .word("--output", "tsv");
  return "cluster_id=$(" + command.text() + ")";
}

std::string attach_compute(const Deployment& d) {
  Command command("az ml computetarget attach aks");
  workspace_options(command, d);
  if (d.attached->id_written) {
    command.value("--compute-resource-id", d.attached->resource_id);
  } else {
    command.word("--compute-resource-id", "\"$cluster_id\"");
  }
  return command.text();
}

std::string configure_compute(const Deployment& d, const ArtifactContext& context) {
  Command command("az ml computetarget update aks");
  workspace_options(command, d);
  if (const auto& lb = d.compute.load_balancer) {
    command.value("--load-balancer-type", intent::azure_load_balancer_type(lb->type));
    if (!lb->subnet.empty()) command.value("--load-balancer-subnet", lb->subnet);
  }
  if (d.compute.tls) tls_options(command, *d.compute.tls, context);
  return command.text();
}

// attach aks has no options for these, so update aks sets them right after attaching.
std::string configure_title(const Deployment& d) {
  std::vector<std::string> parts;
  if (d.compute.load_balancer) parts.emplace_back("load balancer");
  if (d.compute.tls && d.compute.tls->status != ir::SslStatus::kDisabled) parts.emplace_back("TLS");
  return fmt::format("set the {} of the attached compute (attach aks has no options for them).",
                     fmt::join(parts, " and "));
}

std::string detach_compute(const Deployment& d) {
  Command command("az ml computetarget detach");
  workspace_options(command, d);
  return command.text();
}

std::vector<std::string> attach_notes(const Deployment& d) {
  std::vector<std::string> notes = arm_only_notes(d);
  if (d.compute.purpose == ir::Purpose::kDevTest) {
    notes.push_back(
        "az ml computetarget attach aks has no cluster-purpose option: Azure ML records this "
        "attachment as FastProd, while azuredeploy.json sets DevTest.");
  }
  return notes;
}

void add_step(Script& script, Step step, const Deployment& d, const ArtifactContext& context) {
  switch (step) {
    case Step::kDetachCompute:
      script.step(
          "detach the compute's current attachment (reattach: true); the AKS cluster "
          "itself is not touched.",
          {}, detach_compute(d));
      break;
    case Step::kCreateCluster:
      script.step("create the AKS cluster with AKS itself.", {}, create_cluster(*d.provisioned));
      break;
    case Step::kLookUpClusterId:
      script.step("look up the AKS cluster's resource ID (this fails if it does not exist).", {},
                  look_up_cluster(*d.attached));
      break;
    case Step::kCreateCompute:
      script.step("create the AKS cluster and the compute with Azure ML.", arm_only_notes(d),
                  create_compute(d, context));
      break;
    case Step::kAttachCompute:
      script.step("attach the AKS cluster to the workspace as the compute.", attach_notes(d),
                  attach_compute(d));
      break;
    case Step::kConfigureCompute:
      script.step(configure_title(d), {}, configure_compute(d, context));
      break;
  }
}

}  // namespace

std::string deploy_script(const Deployment& d, const ArtifactContext& context) {
  Script script;
  script.line("#!/usr/bin/env bash");
  // Right after the shebang, so that it covers the whole file: every value is single-quoted on
  // purpose, so a '$' or '`' in it stays literal, which is what SC2016 would question.
  script.line(
      "# shellcheck disable=SC2016  # values are single-quoted on purpose: literal $ and `");
  script.line(comment_text(
      fmt::format("# Generated by aksc build (mode: {}): compute '{}' of Azure ML workspace '{}'.",
                  ir::to_string(d.mode), d.compute.name, d.workspace.name)));
  script.line("# Edit the spec, not this file. Needs the az CLI, logged in (az login), and its");
  script.line("# ml extension v1 (az extension add --name azure-cli-ml).");
  script.line("set -euo pipefail");
  if (relative_certificate(d)) {
    script.line("here=\"$(cd \"$(dirname \"${BASH_SOURCE[0]}\")\" && pwd)\"");
  }
  Command subscription("az account set");
  subscription.value("--subscription", d.workspace.subscription_id);
  script.step("work in the workspace's subscription.", {}, subscription.text());
  for (Step step : d.steps)
    add_step(script, step, d, context);
  return script.text();
}

}  // namespace aksc::az
