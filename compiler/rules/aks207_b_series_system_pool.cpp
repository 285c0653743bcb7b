// AKS207 b-series-system-pool — rules/AKS207-b-series-system-pool.md
#include <cctype>

#include <fmt/format.h>

#include "diag/text_util.h"
#include "rules/sizing_rules.h"

namespace aksc::rules {

bool is_b_series(std::string_view vm_size) {
  constexpr std::string_view kPrefix = "standard_b";
  if (vm_size.size() <= kPrefix.size() || !iequals(vm_size.substr(0, kPrefix.size()), kPrefix)) {
    return false;
  }
  return std::isdigit(static_cast<unsigned char>(vm_size[kPrefix.size()])) != 0;
}

void check_b_series_system_pool(const ir::Spec& spec, const RuleContext& context,
                                RuleReporter& out) {
  DeploymentNodes nodes = deployment_nodes(spec);
  if (!nodes.vm_size || !nodes.vm_size->usable()) return;
  const VmSize* size = context.catalog.find_vm_size(nodes.vm_size->value);
  if (!size || !is_b_series(size->name)) return;  // unknown: AKS204
  // Fewer than 2 vCPUs is AKS206's error in the modes that create the pool.
  if (!nodes.pool && size->vcpus_available < context.catalog.attach_policy().aks_node_min_vcpus) {
    return;
  }
  // A general-purpose size of the same vCPU count, checked against the catalog.
  const VmSize* instead =
      context.catalog.find_vm_size(fmt::format("Standard_D{}s_v5", size->vcpus));
  std::string alternative =
      instead ? fmt::format("e.g. {}", instead->name) : std::string("e.g. from the D or E series");
  std::string what =
      nodes.pool ? fmt::format("the system node pool '{}' uses {}, a B-series (burstable) size",
                               nodes.pool->name.usable() ? nodes.pool->name.value : "(unnamed)",
                               size->name)
                 : fmt::format(
                       "vm_size {}, the size of the cluster's system node pool, is a "
                       "B-series (burstable) size",
                       size->name);
  out.report(nodes.vm_size->written() || nodes.pool ? nodes.vm_size->range : spec.mode.range,
             fmt::format("{}; AKS advises against B-series VMs on system node pools, where "
                         "kube-system pods and the Azure ML inference pods must be scheduled "
                         "reliably",
                         what),
             fmt::format("choose a size that is not burstable, {}", alternative));
}

}  // namespace aksc::rules
