// AKS402 accelerator-on-secondary-pool — rules/AKS402-accelerator-on-secondary-pool.md
#include <fmt/format.h>

#include "ir/spelling.h"
#include "rules/sizing_rules.h"

namespace aksc::rules {

void check_accelerator_on_secondary_pool(const ir::Spec& spec, const RuleContext& context,
                                         RuleReporter& out) {
  if (!spec.mode.usable() || spec.mode.value != ir::Mode::kAttach) return;
  if (!spec.accelerator.written() || spec.accelerator.value == ir::Accelerator::kNone) return;
  const ir::Accelerator wanted = spec.accelerator.value;
  const ir::NodePool* system = deployment_pool(spec.cluster->facts);
  if (!system || !system->vm_size.usable()) return;  // AKS506
  const VmSize* system_size = context.catalog.find_vm_size(system->vm_size.value);
  if (!system_size || provides(*system_size, wanted)) return;  // unknown: AKS204
  for (const ir::NodePool& pool : spec.cluster->facts.node_pools.value) {
    if (&pool == system || !pool.vm_size.usable()) continue;
    const VmSize* size = context.catalog.find_vm_size(pool.vm_size.value);
    if (!size || !provides(*size, wanted)) continue;
    std::string name = pool.name.usable() ? pool.name.value : "(unnamed)";
    std::string system_name = system->name.usable() ? system->name.value : "(unnamed)";
    out.report(
        pool.vm_size.range.known() ? pool.vm_size.range : pool.range,
        fmt::format("accelerator is {}, but only the secondary node pool '{}' ({}) has {}; Azure "
                    "ML deploys models only to the pool the cluster was created with, '{}' ({}), "
                    "and does not support deploying to a secondary node pool",
                    ir::to_string(wanted), name, size->name, accelerator_noun(wanted), system_name,
                    system_size->name),
        fmt::format("attach a cluster whose system (first) node pool is {} size such as {}, or "
                    "let Azure ML create one with mode: create and vm_size: {}",
                    wanted == ir::Accelerator::kFpga ? "an FPGA" : "a GPU", size->name,
                    size->name));
    return;  // one finding per spec: the first such pool
  }
}

}  // namespace aksc::rules
