// AKS807 gpu-without-device-plugin — rules/AKS807-gpu-without-device-plugin.md
#include <fmt/format.h>

#include "rules/extension_common.h"
#include "rules/migration_rules.h"
#include "rules/quantity.h"

namespace aksc::rules {
namespace {

// A node size with NVIDIA GPUs: GPUs counted and a model not from AMD (the table names the
// vendor first: "NVIDIA Tesla T4", "AMD Instinct MI300X").
bool has_nvidia_gpus(const VmSize& size) {
  return size.gpus > 0 && !size.gpu_type.starts_with("AMD");
}

}  // namespace

// "NVIDIA Device Plugin is required for ML workloads on NVIDIA GPU hardware. By default, Azure
// Machine Learning extension deployment won't install NVIDIA Device Plugin regardless
// Kubernetes cluster has GPU hardware or not." (installNvidiaDevicePlugin,
// how-to-deploy-kubernetes-extension.md)
void check_gpu_without_device_plugin(const ir::Spec& spec, const RuleContext& context,
                                     RuleReporter& out) {
  const ir::Field<bool>& plugin = spec.kubernetes->extension.install_nvidia_device_plugin;
  if (!plugin.usable() || plugin.value) return;
  const std::string state = plugin.written() ? "install_nvidia_device_plugin is false"
                                             : "install_nvidia_device_plugin is false by default";
  const std::string help =
      "write extension.install_nvidia_device_plugin: true; if the cluster has the device "
      "plugin already (AKS-managed GPU node pools or the NVIDIA GPU Operator install it), "
      "suppress this warning with a comment saying so";
  const auto& types = spec.kubernetes->instance_types;
  if (types.usable()) {
    for (const ir::InstanceType& type : types.value) {
      const ir::Field<std::string>& gpu = type.limits.gpu;
      if (!gpu.usable()) continue;
      QuantityParse count = parse_quantity(gpu.value);
      // Not a positive whole number: AKS811 judges the value.
      if (!count.value || !(count.value->nanos() > 0) || !count.value->is_whole()) continue;
      out.report(gpu.range,
                 fmt::format("instance type '{}' asks for nvidia.com/gpu: {} but {}: without "
                             "the NVIDIA device plugin no node offers nvidia.com/gpu and its "
                             "pods stay Pending",
                             type.name.usable() ? type.name.value : "(unnamed)", gpu.value, state),
                 help);
      return;
    }
  }
  const ClusterNodes nodes = cluster_nodes(spec, context.catalog);
  for (const NodeGroup& group : nodes.groups) {
    if (!group.size || !has_nvidia_gpus(*group.size)) continue;
    out.report(group.range,
               fmt::format("{} has NVIDIA GPUs ({}) but {}: Azure ML documents the NVIDIA "
                           "device plugin as required for ML workloads on NVIDIA GPUs",
                           describe_group(group), group.size->gpu_type, state),
               help);
    return;
  }
}

}  // namespace aksc::rules
