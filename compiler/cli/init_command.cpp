// aksc init: a commented starter spec for each mode, on stdout or written atomically to -o FILE.
#include <filesystem>
#include <iostream>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "catalog/catalog.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "driver/atomic_write.h"
#include "frontend/config.h"
#include "rules/kubernetes_support.h"
#include "rules/name_rules.h"

namespace aksc::cli {
namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace {

// A YAML double-quoted scalar: safe for any value (no "null", "yes" or "#" surprises).
std::string yaml_quote(std::string_view value) {
  std::string out = "\"";
  for (unsigned char c : value) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c == 0x7F) {
      out += fmt::format("\\x{:02X}", c);
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

// The compute name must pass the name rules (AKS101–AKS104), and the workspace name AKS107, so
// that the starter lints clean.
void check_names(const std::string& name, const std::string& workspace) {
  ir::Spec spec;
  spec.name.value = name;
  spec.name.origin = ir::Origin::kWritten;
  spec.workspace.name.value = workspace;
  spec.workspace.name.origin = ir::Origin::kWritten;
  Config config;
  RuleContext context{Catalog::embedded(), config};
  FindingSink sink;
  struct Check {
    SpecCheck check;
    const char* option;
  };
  for (auto [check, option] :
       {Check{rules::check_name_missing, "--name"}, Check{rules::check_name_length, "--name"},
        Check{rules::check_name_charset, "--name"}, Check{rules::check_name_first_char, "--name"},
        Check{rules::check_workspace_name, "--workspace"}}) {
    RuleReporter reporter("", spec, sink);
    check(spec, context, reporter);
    if (!sink.findings().empty()) {
      const Finding& finding = sink.findings().front();
      throw UsageError{fmt::format("{}: {}{}", option, finding.message,
                                   finding.help.empty() ? "" : " (" + finding.help + ")")};
    }
  }
}

std::string header(std::string_view mode, std::string_view what, const std::string& schema,
                   std::string_view kind = "AksCompute") {
  std::string modeline =
      schema.empty()
          ? "# Editor completion: save the schema with 'aksc schema > aksc-spec.schema.json' and\n"
            "# make the first line of this file the yaml-language-server modeline that points to\n"
            "# it ('aksc init --schema PATH' writes it; see docs/editor.md).\n"
          : fmt::format("# yaml-language-server: $schema={}\n", schema);
  return fmt::format(
      "{}"
      "# aksc starter spec, {}mode {}: {}\n"
      "# Replace the values marked EDIT, then check the file with 'aksc lint FILE'.\n"
      "# 'aksc schema' describes every field; 'aksc explain AKSnnn' explains a rule.\n",
      modeline, kind == "AksCompute" ? "" : fmt::format("kind {}, ", kind), mode, what);
}

// A version AKS supports on the release calendar's snapshot date: the one below the newest
// supported, as "the cluster defaults to the N-1 minor version" of AKS's own tools; never the
// clock's. Falls back to the newest minor of the calendar.
std::string supported_kubernetes_version() {
  const Catalog& catalog = Catalog::embedded();
  std::vector<std::string_view> supported = rules::supported_minors(catalog);
  if (supported.empty()) return std::string(catalog.kubernetes_releases().back().version);
  return std::string(supported.size() > 1 ? supported[supported.size() - 2] : supported.back());
}

// What the top of a starter says for each kind: the kind line, the modes, the purpose.
struct KindText {
  const char* kind_line;
  const char* modes;
  const char* purpose;
};

constexpr KindText kAksComputeText{
    "kind: AksCompute", "create | attach | provision-and-attach",
    "production: at least 12 vCPUs in all; dev-test: trials, at least 2"};
constexpr KindText kKubernetesComputeText{
    "kind: KubernetesCompute   # Azure ML v2: the Azure ML extension and a Kubernetes compute",
    "attach | provision-and-attach",
    "production: HTTPS only, and enough capacity; dev-test: trials"};

std::string workspace_block(const std::string& name, const std::string& workspace,
                            std::string_view mode, const KindText& kind = kAksComputeText) {
  return fmt::format(
             "apiVersion: aksc/v1\n"
             "{}\n"
             "name: {}   # compute name in the workspace: 3-24 letters, digits or '-', first a "
             "letter\n"
             "mode: {}   # {}\n",
             kind.kind_line, yaml_quote(name), mode, kind.modes) +
         fmt::format(
             "workspace:\n"
             "  name: {}\n"
             "  resource_group: ml-rg                                  # EDIT: the workspace's "
             "resource group\n"
             "  subscription_id: 00000000-0000-0000-0000-000000000000  # EDIT: its subscription "
             "ID\n"
             "  location: eastus                                       # EDIT: its region (the "
             "Azure ML control plane)\n"
             "purpose: production    # {}\n"
             "description: \"EDIT: what this cluster serves\"\n",
             yaml_quote(workspace), kind.purpose);
}

// The `cluster` block of an attach starter: the cluster's ID and the facts the attach rules
// need, `extra_facts` lines among them, and one node pool.
std::string cluster_block(const std::string& name, std::string_view extra_facts,
                          std::string_view node_pool) {
  return "cluster:\n"
         "  # EDIT: the cluster's ID, from: az aks show -g RG -n NAME --query id -o tsv\n"
         "  resource_id: /subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups/"
         "ml-rg/providers/Microsoft.ContainerService/managedClusters/" +
         name +
         "\n"
         "  # facts_from: clusters/" +
         name +
         ".json   # or save 'az aks show -o json' there and drop facts:\n"
         "  facts:              # EDIT: what az aks show says; the attach rules need them "
         "(AKS506)\n"
         "    location: eastus\n"
         "    kubernetes_version: \"" +
         supported_kubernetes_version() +
         "\"   # attach needs a version AKS supports (AKS501)\n"
         "    load_balancer_sku: standard\n"
         "    private_cluster: false\n"
         "    authorized_ip_ranges: []       # none; if any, they must cover the Azure ML control "
         "plane (AKS304)\n"
         "    outbound_type: load-balancer\n" +
         std::string(extra_facts) +
         "    node_pools:\n"
         "      - " +
         std::string(node_pool) + "\n";
}

std::string create_spec(const std::string& name, const std::string& workspace,
                        const std::string& schema) {
  return header("create", "Azure ML creates the AKS cluster.", schema) +
         workspace_block(name, workspace, "create") +
         "\n"
         "location: eastus      # cluster region; default workspace.location\n"
         "agent_count: 3        # 3 nodes x 4 vCPUs (Standard_D3_v2) = 12, the production "
         "minimum\n"
         "vm_size: Standard_D3_v2\n"
         "accelerator: none     # none | gpu | fpga: what the deployed models need\n"
         "load_balancer:\n"
         "  sku: basic          # create makes a Basic load balancer only; Standard needs\n"
         "                      # mode provision-and-attach (AKS301)\n"
         "  type: public-ip     # or internal, with subnet: and the network: group below\n"
         "# network:            # optional: your own VNet; each group complete (AKS309)\n"
         "#   vnet_resource_group: net-rg\n"
         "#   vnet_name: vnet1\n"
         "#   subnet_name: aks-subnet\n"
         "#   service_cidr: 10.0.0.0/16\n"
         "#   dns_service_ip: 10.0.0.10\n"
         "#   docker_bridge_cidr: 172.17.0.1/16\n"
         "# ssl:                # optional: TLS with a Microsoft certificate, or your own\n"
         "#   status: enabled\n"
         "#   leaf_domain_label: scoring\n";
}

std::string attach_spec(const std::string& name, const std::string& workspace,
                        const std::string& schema) {
  return header("attach", "attach an AKS cluster that already exists.", schema) +
         workspace_block(name, workspace, "attach") + "\n" +
         cluster_block(name, "",
                       "{name: agentpool, mode: system, vm_size: Standard_D3_v2, count: 3}   # 12 "
                       "vCPUs") +
         "accelerator: none     # none | gpu | fpga: what the deployed models need\n"
         "reattach: false       # true when the cluster is attached already (AKS504)\n";
}

std::string provision_spec(const std::string& name, const std::string& workspace,
                           const std::string& schema) {
  return header("provision-and-attach",
                "AKS creates the cluster (az aks create), then Azure ML attaches it;\n"
                "# the route for a Standard load balancer, a private cluster, authorized IP "
                "ranges\n# or user-defined routing.",
                schema) +
         workspace_block(name, workspace, "provision-and-attach") +
         "\n"
         "location: eastus      # cluster region; default workspace.location\n"
         "kubernetes_version: \"" +
         supported_kubernetes_version() +
         "\"   # quoted; or leave it out for AKS's default; checked by AKS501\n"
         "agent_count: 3        # 3 nodes x 4 vCPUs (Standard_D3_v2) = 12, the production "
         "minimum\n"
         "vm_size: Standard_D3_v2\n"
         "accelerator: none     # none | gpu | fpga: what the deployed models need\n"
         "load_balancer:\n"
         "  sku: standard\n"
         "  type: public-ip     # or internal, with subnet: and a network: group\n"
         "private_cluster: false\n"
         "outbound_type: load-balancer   # or user-defined-routing (needs a subnet, AKS307)\n"
         "# api_server_authorized_ip_ranges:   # must cover the Azure ML control plane (AKS304)\n"
         "#   - 203.0.113.0/24\n"
         "cluster_name: " +
         yaml_quote(name) +
         "            # the AKS resource; default: name\n"
         "cluster_resource_group: ml-rg   # EDIT; default: workspace.resource_group\n";
}

// The parts of a KubernetesCompute starter both modes share: the compute's namespace and
// identity, the extension with HTTPS inference behind a load balancer, one instance type.
constexpr const char* kKubernetesParts =
    "\n"
    "namespace: azureml-inference   # Kubernetes namespace of the deployments (a DNS label)\n"
    "identity:\n"
    "  type: system-assigned        # or user-assigned, with user_assigned_identities\n"
    "extension:                     # the Azure ML extension (Microsoft.AzureML.Kubernetes)\n"
    "  release_train: stable\n"
    "  training: false              # true to run training jobs too\n"
    "  inference:\n"
    "    enabled: true\n"
    "    router_service_type: load-balancer   # load-balancer | node-port | cluster-ip\n"
    "    internal_load_balancer: false        # true: an Azure internal load balancer\n"
    "    router_ha: true            # three azureml-fe replicas: needs at least 3 nodes\n"
    "    allow_insecure_connections: false    # HTTPS only\n"
    "    ssl:\n"
    "      cname: scoring.contoso.com   # EDIT: the host name clients call\n"
    "      secret: azureml-tls          # EDIT: a Secret in the azureml namespace holding\n"
    "                                   # cert.pem and key.pem; or cert_file and key_file\n"
    "  install_nvidia_device_plugin: false   # true for NVIDIA GPU nodes\n"
    "instance_types:                # what a deployment may ask for (Kubernetes quantities)\n"
    "  - name: cpu-small\n"
    "    requests: {cpu: 500m, memory: 2Gi}\n"
    "    limits: {cpu: \"2\", memory: 4Gi}\n"
    "default_instance_type: cpu-small\n";

std::string kubernetes_attach_spec(const std::string& name, const std::string& workspace,
                                   const std::string& schema) {
  return header("attach",
                "an AKS cluster that already exists,\n# with the Azure ML "
                "extension.",
                schema, "KubernetesCompute") +
         workspace_block(name, workspace, "attach", kKubernetesComputeText) + kKubernetesParts +
         cluster_block(name,
                       "    identity_type: system-assigned    # a managed identity, not a "
                       "service principal\n"
                       "    local_accounts_disabled: false\n",
                       "{name: agentpool, mode: system, vm_size: Standard_D4s_v3, count: 3}");
}

std::string kubernetes_provision_spec(const std::string& name, const std::string& workspace,
                                      const std::string& schema) {
  return header("provision-and-attach",
                "AKS creates the cluster (az aks create);\n# then the "
                "Azure ML extension, and the attach.",
                schema, "KubernetesCompute") +
         workspace_block(name, workspace, "provision-and-attach", kKubernetesComputeText) +
         kKubernetesParts +
         "\n"
         "location: eastus      # cluster region; default workspace.location\n"
         "kubernetes_version: \"" +
         supported_kubernetes_version() +
         "\"   # quoted; or leave it out for AKS's default; checked by AKS501\n"
         "agent_count: 3        # 3 nodes x (4 vCPUs, 16 GiB): router HA and capacity\n"
         "vm_size: Standard_D4s_v3\n"
         "load_balancer:\n"
         "  sku: standard\n"
         "private_cluster: false\n"
         "outbound_type: load-balancer\n"
         "cluster_name: " +
         yaml_quote(name) +
         "            # the AKS resource; default: name\n"
         "cluster_resource_group: ml-rg   # EDIT; default: workspace.resource_group\n";
}

}  // namespace

int run_init(const std::vector<std::string>& args) {
  po::options_description options("aksc init options");
  options.add_options()("kind,k", po::value<std::string>()->default_value("AksCompute"),
                        "AksCompute (the legacy v1 compute) or KubernetesCompute (Azure ML v2)")(
      "mode,m", po::value<std::string>()->default_value("create"),
      "create, attach or provision-and-attach (KubernetesCompute: attach, the default, or "
      "provision-and-attach)")(
      "name,n", po::value<std::string>()->default_value("inference-aks"),
      "compute name in the workspace (3-24 letters, digits or '-', first a letter)")(
      "workspace,w", po::value<std::string>()->default_value("ml-ws"),
      "name of the Azure ML workspace")("output,o", po::value<std::string>(),
                                        "write the spec to FILE instead of stdout")(
      "force", "with -o, overwrite FILE when it exists")(
      "schema", po::value<std::string>(),
      "start the file with a yaml-language-server modeline pointing at this schema path or URL");
  po::variables_map values;
  if (!parse_options(args,
                     "aksc init [--kind AksCompute|KubernetesCompute] "
                     "[--mode create|attach|provision-and-attach] [--name NAME] "
                     "[--workspace WS] [-o FILE [--force]]",
                     options, values)) {
    return kExitClean;
  }
  std::string kind = values["kind"].as<std::string>();
  bool v2 = kind == "KubernetesCompute";
  if (!v2 && kind != "AksCompute") {
    throw UsageError{"--kind must be AksCompute or KubernetesCompute, not '" + kind + "'"};
  }
  std::string mode = values["mode"].as<std::string>();
  if (v2 && values["mode"].defaulted()) mode = "attach";
  std::string name = values["name"].as<std::string>();
  std::string workspace = values["workspace"].as<std::string>();
  std::string schema = values.count("schema") ? values["schema"].as<std::string>() : "";
  if (workspace.empty()) throw UsageError{"--workspace must not be empty"};
  if (schema.find_first_of(" \t\r\n") != std::string::npos) {
    throw UsageError{"--schema must be a path or URL without blanks"};
  }
  check_names(name, workspace);
  std::string text;
  if (v2 && mode == "attach") {
    text = kubernetes_attach_spec(name, workspace, schema);
  } else if (v2 && mode == "provision-and-attach") {
    text = kubernetes_provision_spec(name, workspace, schema);
  } else if (v2) {
    throw UsageError{
        "--mode of kind KubernetesCompute must be attach or provision-and-attach, "
        "not '" +
        mode + "'"};
  } else if (mode == "create") {
    text = create_spec(name, workspace, schema);
  } else if (mode == "attach") {
    text = attach_spec(name, workspace, schema);
  } else if (mode == "provision-and-attach") {
    text = provision_spec(name, workspace, schema);
  } else {
    throw UsageError{"--mode must be create, attach or provision-and-attach, not '" + mode + "'"};
  }
  if (!values.count("output")) {
    if (values.count("force")) throw UsageError{"--force needs -o FILE"};
    std::cout << text;
    return kExitClean;
  }
  fs::path output = values["output"].as<std::string>();
  try {
    write_file_atomically(output, text, false,
                          values.count("force") ? Existing::kReplace : Existing::kKeep);
  } catch (const FileExists&) {
    throw UsageError{output.string() + " exists; use --force to overwrite it"};
  }
  std::cerr << fmt::format("aksc: wrote {} (kind {}, mode {}); check it with 'aksc lint {}'\n",
                           output.string(), kind, mode, output.string());
  return kExitClean;
}

}  // namespace aksc::cli
