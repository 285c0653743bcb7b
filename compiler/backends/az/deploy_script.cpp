#include "backends/az/deploy_script.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "backends/arm/arm_template.h"
#include "backends/az/cluster_commands.h"
#include "backends/az/compute_request.h"
#include "backends/az/script_functions.h"
#include "backends/az/script_text.h"
#include "backends/az/shell_quote.h"
#include "ir/spelling.h"

namespace aksc::az {
namespace {

using intent::Deployment;
using intent::Step;

bool puts_compute(const Deployment& d) {
  return d.has_step(Step::kCreateCompute) || d.has_step(Step::kAttachCompute);
}

bool relative_certificate(const Deployment& d) {
  const auto& tls = d.compute.tls;
  if (!puts_compute(d) || !tls || tls->status == ir::SslStatus::kDisabled) return false;
  return (!tls->cert_file.empty() && !is_absolute_path(tls->cert_file)) ||
         (!tls->key_file.empty() && !is_absolute_path(tls->key_file));
}

bool sends_certificate(const Deployment& d) {
  const auto& tls = d.compute.tls;
  return puts_compute(d) && tls && tls->status != ir::SslStatus::kDisabled &&
         tls->custom_certificate();
}

// The PUT of the compute with the template's body, then the wait for its provisioningState.
std::string put_compute(const Deployment& d, const ArtifactContext& context) {
  std::string text;
  if (body_needs_cluster_id(d)) {
    text += fmt::format("{}=$(json_string \"$cluster_id\")\n", kClusterIdJson);
  }
  if (sends_certificate(d)) {
    text += fmt::format("{}=$(json_file {})\n", kSslCertJson,
                        file_word(d.compute.tls->cert_file, context));
    text += fmt::format("{}=$(json_file {})\n", kSslKeyJson,
                        file_word(d.compute.tls->key_file, context));
  }
  text += "body=" + compute_body_word(d) + "\n";
  Command put("printf '%s' \"$body\" | az rest");
  put.word("--method", "put")
      .word("--url", "\"$compute_url\"")
      .word("--body", "@/dev/stdin")
      .word("--output", "none");
  text += put.text() + "\n";
  text += fmt::format("wait_for_compute {} \"$compute_url\"", shell_quote(d.compute.name));
  return text;
}

std::vector<std::string> put_notes(const Deployment& d) {
  std::vector<std::string> notes;
  notes.push_back(fmt::format(
      "az rest PUT on the Azure ML REST API (api-version {}): the body is azuredeploy.json's "
      "compute resource, description, tags and TLS included.",
      arm::kMachineLearningApiVersion));
  if (d.compute.tls && d.compute.tls->status == ir::SslStatus::kDisabled) {
    notes.push_back("ssl.status is disabled: TLS stays off, which is the default.");
  }
  if (sends_certificate(d)) {
    notes.push_back(
        "The certificate and key are read from their files into the body, which az reads from "
        "stdin: they never appear on a command line.");
  }
  return notes;
}

std::vector<std::string> attach_notes(const Deployment& d) {
  std::vector<std::string> notes = put_notes(d);
  if (d.has_step(Step::kDetachCompute)) {
    notes.push_back(
        "Reattach: if TLS was enabled on the cluster, the certificate and key must be given "
        "again (ssl.cert_file and ssl.key_file); a certificate Azure ML generated can be read "
        "before detaching with kubectl get secret/azuremlfessl -o yaml (v1 page, "
        "Troubleshooting, \"Update the cluster\").");
  }
  return notes;
}

// DELETE with underlyingResourceAction=Detach removes the attachment and keeps the cluster;
// the DELETE is long-running too, so the script waits until the compute is gone.
std::string detach_compute(const Deployment& d, const std::string& name) {
  Command remove("az rest");
  remove.word("--method", "delete")
      .value("--url", compute_url(d.workspace, name) + "&underlyingResourceAction=Detach")
      .word("--output", "none");
  Command wait("az resource wait");
  wait.flag("--deleted")
      .value("--ids", compute_resource_id(d.workspace, name))
      .value("--api-version", arm::kMachineLearningApiVersion);
  return remove.text() + "\n" + wait.text();
}

std::vector<std::string> detach_notes(const Deployment& d) {
  std::vector<std::string> notes;
  if (d.detach_from_inventory) {
    notes.push_back(
        "The inventory records it as the compute that holds this AKS cluster; the cluster "
        "itself is not touched.");
  } else {
    notes.push_back(
        "No inventory records which compute holds this AKS cluster, so this detaches the "
        "spec's own name; the cluster itself is not touched.");
  }
  notes.push_back(
      "Before the attach below, delete the azureml-fe resources on the cluster (kubectl delete "
      "sa, clusterrole, clusterrolebinding, svc, deploy, secret and cm of azureml-fe): v1 page, "
      "Troubleshooting, \"Update the cluster\".");
  return notes;
}

// A GET of the compute: az fails, and set -e stops the script, when it does not exist.
std::string check_compute(const Deployment& d) {
  Command get("az rest");
  get.word("--method", "get")
      .word("--url", "\"$compute_url\"")
      .word("--query", "properties.provisioningState")
      .word("--output", "tsv");
  return fmt::format(
      "state=$({})\nprintf 'compute %s exists (provisioningState %s): nothing to create\\n' {} "
      "\"$state\"",
      get.text(), shell_quote(d.compute.name));
}

void add_step(Script& script, Step step, const Deployment& d, const ArtifactContext& context) {
  switch (step) {
    case Step::kDetachCompute:
      for (const std::string& name : d.detach) {
        script.step(fmt::format("detach compute '{}' (reattach: true).", name), detach_notes(d),
                    detach_compute(d, name));
      }
      break;
    case Step::kCreateCluster:
    case Step::kLookUpClusterId:
      add_cluster_step(script, step, d);
      break;
    case Step::kCreateCompute:
      script.step("create the AKS cluster and the compute with Azure ML.", put_notes(d),
                  put_compute(d, context));
      break;
    case Step::kCheckCompute:
      script.step("check that the compute exists, as the inventory says.",
                  {"Creating a compute is not idempotent, so aksc emits no create step for one "
                   "that exists: see \"Existing computes\" in docs/artifacts.md."},
                  check_compute(d));
      break;
    case Step::kAttachCompute:
      script.step("attach the AKS cluster to the workspace as the compute.", attach_notes(d),
                  put_compute(d, context));
      break;
    case Step::kInstallExtension:
    case Step::kCreateNamespace:
    case Step::kApplyInstanceTypes:
    case Step::kAttachKubernetes:
      break;  // KubernetesCompute's: backends/az/kubernetes_script.cpp
  }
}

void header(Script& script, const Deployment& d) {
  start_script(script,
               fmt::format("Generated by aksc build (mode: {}): compute '{}' of Azure ML "
                           "workspace '{}'.",
                           ir::to_string(d.mode), d.compute.name, d.workspace.name),
               {"Edit the spec, not this file. Needs the core az CLI (no extension), logged in",
                "(az login): the compute steps call the Azure ML REST API with az rest."},
               relative_certificate(d));
  if (!puts_compute(d) && !d.has_step(Step::kCheckCompute)) return;
  script.line("compute_url=" + shell_quote(compute_url(d.workspace, d.compute.name)));
  if (!puts_compute(d)) return;
  if (body_needs_cluster_id(d) || sends_certificate(d)) script.raw(kJsonString);
  if (sends_certificate(d)) script.raw(kJsonFile);
  script.raw(kWaitForCompute);
}

}  // namespace

std::string deploy_script(const Deployment& d, const ArtifactContext& context) {
  Script script;
  header(script, d);
  for (Step step : d.steps)
    add_step(script, step, d, context);
  return script.text();
}

}  // namespace aksc::az
