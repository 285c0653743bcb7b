#include "migrate/mapping.h"

#include <fmt/format.h>

#include "diag/text_util.h"
#include "ir/spelling.h"
#include "migrate/note_codes.h"

namespace aksc::migrate {
namespace {

// The pages each mapping rests on (../shared/data/docs/azureml/, named in docs/migrate.md).
constexpr const char* kMigrateExtensionDoc = "how-to-deploy-kubernetes-extension.md";
constexpr const char* kMigrateV1Doc = "v1/how-to-create-attach-kubernetes.md";
constexpr std::int64_t kMigrateRouterReplicas = 3;  // inferenceRouterHA: three azureml-fe replicas

class MigrateNoteWriter {
 public:
  MigrateNoteWriter(const ir::Spec& spec, MigrationPlan& plan) : spec_(spec), plan_(plan) {}

  MigrationNote& add(const NoteCode& code, SourceRange old, std::string message, std::string help,
                     std::string new_pointer) {
    MigrationNote& note = plan_.notes.emplace_back();
    note.finding.rule = std::string(code.id);
    note.finding.severity = Severity::kNote;
    note.finding.message = std::move(message);
    note.finding.help = std::move(help);
    note.finding.location = {spec_.file, old.known() ? old : spec_.kind_range};
    note.new_pointer = std::move(new_pointer);
    return note;
  }

 private:
  const ir::Spec& spec_;
  MigrationPlan& plan_;
};

bool migrate_production(const ir::Spec& spec) {
  return !spec.purpose.usable() || spec.purpose.value == ir::Purpose::kProduction;
}

// The cluster's nodes as AKS806 counts them: nothing when a count is unknown.
std::optional<std::int64_t> migrate_node_total(const ir::Spec& spec) {
  if (spec.mode.usable() && spec.mode.value != ir::Mode::kAttach) {
    if (!spec.agent_count.usable()) return std::nullopt;
    return spec.agent_count.value;
  }
  const ir::Cluster& cluster = spec.cluster;
  const ir::Field<std::vector<ir::NodePool>>& pools = cluster.facts.node_pools;
  if (!pools.usable() || pools.value.empty()) return std::nullopt;
  std::int64_t total = 0;
  for (const ir::NodePool& pool : pools.value) {
    if (!pool.count.usable() || pool.count.value < 0) return std::nullopt;
    total += pool.count.value;
  }
  return total;
}

// Whether any node has NVIDIA GPUs, as AKS807 judges VM sizes.
bool migrate_has_nvidia_nodes(const ir::Spec& spec, const Catalog& catalog) {
  if (spec.mode.usable() && spec.mode.value != ir::Mode::kAttach) {
    const VmSize* size = spec.vm_size.usable() ? catalog.find_vm_size(spec.vm_size.value) : nullptr;
    return size && size->gpus > 0 && !size->gpu_type.starts_with("AMD");
  }
  const ir::Cluster& cluster = spec.cluster;
  const auto& pools = cluster.facts.node_pools;
  if (!pools.usable()) return false;
  for (const ir::NodePool& pool : pools.value) {
    const VmSize* size = pool.vm_size.usable() ? catalog.find_vm_size(pool.vm_size.value) : nullptr;
    if (size && size->gpus > 0 && !size->gpu_type.starts_with("AMD")) return true;
  }
  return false;
}

void migrate_plan_mode(const ir::Spec& spec, MigrationPlan& plan, MigrateNoteWriter& notes,
                       const std::vector<InventoryEntry>* inventory) {
  if (!spec.mode.usable() || spec.mode.value != ir::Mode::kCreate) return;
  plan.mode_to_provision_and_attach = true;
  notes.add(kCreateBecomesProvision, spec.mode.range,
            "mode create becomes provision-and-attach: Azure ML v2 creates no cluster, so AKS "
            "creates it (az aks create) and the Azure ML extension is installed on it before it "
            "is attached; the AKS cluster is named after the compute, in the workspace's resource "
            "group, unless cluster_name and cluster_resource_group say otherwise",
            fmt::format("review the cluster's name and resource group ({})", kMigrateExtensionDoc),
            "/mode");
  if (!spec.load_balancer.sku.written()) {
    notes.add(kLoadBalancerSkuStandard, spec.mode.range,
              "the load balancer becomes Standard: Azure ML's create made a Basic one, AKS's "
              "provision-and-attach makes its default, Standard",
              "write load_balancer: {sku: standard} to make it explicit", "/mode");
  }
  if (!inventory || !spec.name.usable() || !spec.workspace.name.usable()) return;
  for (const InventoryEntry& entry : *inventory) {
    if (!entry.name.usable() || !entry.workspace.usable()) continue;
    if (!iequals(entry.name.value, spec.name.value) ||
        !iequals(entry.workspace.value, spec.workspace.name.value)) {
      continue;
    }
    MigrationNote& note = notes.add(
        kCreateExistingCompute, spec.mode.range,
        fmt::format("compute '{}' already exists (inventory {}): provision-and-attach creates a "
                    "new AKS cluster; the existing one would be kept by mode: attach with its "
                    "cluster.resource_id",
                    spec.name.value, entry.file),
        "to keep the existing cluster, write mode: attach and a cluster block (resource_id, "
        "facts_from) instead of the create fields",
        "/mode");
    note.finding.related.push_back({{entry.file, entry.range}, "the existing compute"});
    return;
  }
}

void migrate_plan_load_balancer(const ir::Spec& spec, MigrationPlan& plan,
                                MigrateNoteWriter& notes) {
  const ir::LoadBalancer& lb = spec.load_balancer;
  if (lb.type.written()) {
    plan.removed.push_back("/load_balancer/type");
    if (lb.type.value == ir::LoadBalancerType::kInternal) {
      plan.extension.internal_load_balancer = true;
      notes.add(kInternalLoadBalancer, lb.type.range,
                "load_balancer.type internal becomes extension.inference.internal_load_balancer: "
                "true (internalLoadBalancerProvider=azure), with azureml-fe behind a "
                "load-balancer service",
                fmt::format("see internalLoadBalancerProvider in {}", kMigrateExtensionDoc),
                "/extension/inference/internal_load_balancer");
    } else {
      notes.add(kFieldDropped, lb.type.range,
                "load_balancer.type public-ip has no v2 field: azureml-fe's load-balancer "
                "service has a public IP unless internal_load_balancer is true",
                "", "/extension/inference/router_service_type");
    }
  }
  if (lb.subnet.written()) {
    plan.removed.push_back("/load_balancer/subnet");
    notes.add(kFieldDropped, lb.subnet.range,
              fmt::format("load_balancer.subnet '{}' has no v2 field: the extension's internal "
                          "load balancer takes its address in the cluster's own subnet",
                          lb.subnet.value),
              "if the address must come from another subnet, annotate azureml-fe's service "
              "yourself after the extension is installed",
              "/extension/inference/router_service_type");
  }
  bool sku_stays = lb.sku.written() || lb.sku.origin == ir::Origin::kInvalid;
  if (!sku_stays && (lb.type.written() || lb.subnet.written())) {
    plan.removed.push_back("/load_balancer");
  }
}

void migrate_plan_router_ha(const ir::Spec& spec, MigrationPlan& plan, MigrateNoteWriter& notes) {
  std::optional<std::int64_t> nodes = migrate_node_total(spec);
  bool few = nodes && *nodes < kMigrateRouterReplicas;
  bool dev_test = !migrate_production(spec);
  if (!few && !dev_test) return;
  plan.extension.router_ha_off = true;
  std::string why;
  SourceRange where;
  if (few) {
    why = fmt::format("the cluster has {} node{} (fewer than {})", *nodes, *nodes == 1 ? "" : "s",
                      kMigrateRouterReplicas);
    where = spec.mode.usable() && spec.mode.value != ir::Mode::kAttach
                ? spec.agent_count.range
                : spec.cluster->facts.node_pools.range;
  } else {
    why = "purpose is dev-test: v1 ran a dev-test cluster without fault tolerance";
    where = spec.purpose.range;
  }
  notes.add(kRouterHaOff, where,
            fmt::format("router HA off: {}; one azureml-fe replica instead of three", why),
            fmt::format("inferenceRouterHA in {}: three replicas need three worker nodes",
                        kMigrateExtensionDoc),
            "/extension/inference/router_ha");
}

void migrate_plan_tls(const ir::Spec& spec, MigrationPlan& plan, MigrateNoteWriter& notes) {
  const ir::Ssl& ssl = spec.ssl;
  if (ssl.range.known()) plan.removed.push_back("/ssl");
  bool disabled = ssl.status.usable() && ssl.status.value == ir::SslStatus::kDisabled;
  bool custom = !disabled && ssl.cname.usable() && ssl.cert_file.usable() && ssl.key_file.usable();
  bool leaf = !disabled && ssl.leaf_domain_label.usable();
  std::vector<std::string> predicts;
  if (migrate_production(spec)) predicts.push_back("AKS803");
  if (custom) {
    for (const char* key : {"cname", "cert_file", "key_file"})
      plan.extension.ssl.push_back({key, std::string("/ssl/") + key});
    notes.add(
        kTlsCustomCertificate, ssl.cname.range,
        fmt::format("the custom certificate moves to extension.inference.ssl: cname {} "
                    "with the same cert_file and key_file (sslCname, sslCertPemFile, "
                    "sslKeyPemFile)",
                    ssl.cname.value),
        fmt::format("see {} and how-to-secure-kubernetes-online-endpoint.md", kMigrateExtensionDoc),
        "/extension/inference/ssl/cname");
    return;
  }
  plan.extension.allow_insecure_connections = true;
  if (leaf) {
    plan.extension.leaf_domain_label = ssl.leaf_domain_label.value;
    plan.extension.leaf_domain_location =
        spec.location.usable()
            ? spec.location.value
            : (spec.workspace.location.usable() ? spec.workspace.location.value : "<region>");
    MigrationNote& note = notes.add(
        kTlsLeafDomain, ssl.leaf_domain_label.range,
        fmt::format("leaf-domain certificate has no v2 equivalent: Azure ML v2 issues no "
                    "certificate for {}######.{}.cloudapp.azure.com, so scoring is HTTP "
                    "(allow_insecure_connections: true) until you choose the commented "
                    "certificate",
                    ssl.leaf_domain_label.value, plan.extension.leaf_domain_location),
        "get a certificate for a name you own, write extension.inference.ssl (cname and a "
        "secret, or cert_file and key_file) and remove allow_insecure_connections",
        "");
    note.new_marker = "# aksc migrate: choose a certificate";
    note.predicts = predicts;
    if (ssl.overwrite_existing_domain.written()) {
      notes.add(kFieldDropped, ssl.overwrite_existing_domain.range,
                "ssl.overwrite_existing_domain has no v2 field: it belonged to the leaf-domain "
                "certificate",
                "", "/extension/inference/allow_insecure_connections");
    }
    return;
  }
  SourceRange where = ssl.status.usable() ? ssl.status.range : spec.kind_range;
  MigrationNote& note = notes.add(
      kTlsOff, where,
      fmt::format(
          "{}: the v2 extension expects HTTPS by default, so the migrated spec says "
          "allow_insecure_connections: true to keep HTTP scoring{}",
          disabled ? "ssl.status is disabled" : "the spec configures no TLS",
          migrate_production(spec) ? " (AKS803 warns about it on a production compute)" : ""),
      "to serve HTTPS instead, write extension.inference.ssl with a cname and a secret or "
      "cert_file and key_file, and remove allow_insecure_connections",
      "/extension/inference/allow_insecure_connections");
  note.predicts = predicts;
}

void migrate_plan_accelerator(const ir::Spec& spec, const Catalog& catalog, MigrationPlan& plan,
                              MigrateNoteWriter& notes) {
  const ir::Field<ir::Accelerator>& accelerator = spec.accelerator;
  if (accelerator.written() && accelerator.value == ir::Accelerator::kFpga) {
    plan.refusal = Refusal{
        "accelerator fpga cannot be carried: Azure ML v2 deploys to Kubernetes on CPUs and "
        "NVIDIA GPUs only",
        "keep this compute on the v1 path (rules: {AKS816: off}) or plan its models for GPUs",
        {spec.file, accelerator.range}};
    return;
  }
  // "NVIDIA Device Plugin is required for ML workloads on NVIDIA GPU hardware", and the
  // extension does not install it unless asked (installNvidiaDevicePlugin).
  bool gpus = migrate_has_nvidia_nodes(spec, catalog);
  if (gpus) plan.extension.install_nvidia_device_plugin = true;
  if (accelerator.written()) plan.removed.push_back("/accelerator");
  if (!accelerator.written() && !gpus) return;
  std::string plugin = gpus ? "the nodes have NVIDIA GPUs, so the extension installs the NVIDIA "
                              "device plugin (install_nvidia_device_plugin: true)"
                            : "";
  std::string message;
  if (!accelerator.written()) {
    message = plugin;
  } else if (accelerator.value == ir::Accelerator::kGpu) {
    message =
        "accelerator gpu has no v2 field: a deployment asks for GPUs through an instance "
        "type's nvidia.com/gpu limit" +
        (gpus ? "; " + plugin : std::string());
  } else {
    message =
        "accelerator none has no v2 field: a deployment asks for GPUs through an instance "
        "type, and the default instance type has none" +
        (gpus ? "; " + plugin : std::string());
  }
  SourceRange where = accelerator.written() ? accelerator.range
                      : spec.mode.usable() && spec.mode.value != ir::Mode::kAttach
                          ? spec.vm_size.range
                          : spec.cluster->facts.node_pools.range;
  notes.add(kAccelerator, where, std::move(message),
            fmt::format("see installNvidiaDevicePlugin in {} and "
                        "how-to-manage-kubernetes-instance-types.md",
                        kMigrateExtensionDoc),
            gpus ? "/extension/install_nvidia_device_plugin" : "/kind");
}

void migrate_plan_reattach(const ir::Spec& spec, MigrationPlan& plan, MigrateNoteWriter& notes) {
  if (!spec.reattach.written()) return;
  plan.removed.push_back("/reattach");
  notes.add(kFieldDropped, spec.reattach.range,
            spec.reattach.value
                ? "reattach: true has no v2 field: a cluster may be attached to several "
                  "workspaces as a Kubernetes compute, so nothing is detached first"
                : "reattach has no v2 field: a cluster may be attached to several workspaces "
                  "as a Kubernetes compute",
            spec.reattach.value ? "detach the v1 compute yourself once the v2 one serves "
                                  "(az ml compute detach)"
                                : "",
            "/cluster");
}

}  // namespace

MigrationPlan plan_migration(const ir::Spec& spec, const Catalog& catalog,
                             const std::vector<InventoryEntry>* inventory) {
  MigrationPlan plan;
  MigrateNoteWriter notes(spec, plan);
  notes.add(kKindBecomesKubernetes, spec.kind_range,
            "kind AksCompute becomes KubernetesCompute: the Azure ML extension "
            "(Microsoft.AzureML.Kubernetes) serves inference on the cluster through azureml-fe, "
            "behind a load-balancer service (router_service_type: load-balancer)",
            fmt::format("see {}; the v1 path is {}", kMigrateExtensionDoc, kMigrateV1Doc), "/kind");
  migrate_plan_accelerator(spec, catalog, plan, notes);
  if (plan.refusal) return plan;
  migrate_plan_mode(spec, plan, notes, inventory);
  migrate_plan_load_balancer(spec, plan, notes);
  migrate_plan_router_ha(spec, plan, notes);
  migrate_plan_tls(spec, plan, notes);
  migrate_plan_reattach(spec, plan, notes);
  return plan;
}

}  // namespace aksc::migrate
