// AKS401 accelerator-sku-mismatch — rules/AKS401-accelerator-sku-mismatch.md
#include <fmt/format.h>

#include "ir/spelling.h"
#include "rules/sizing_rules.h"

namespace aksc::rules {
namespace {

// Sizes named in the help text; tests/unit/sizing_test.cpp checks they provide their accelerator.
std::string_view example_sizes(ir::Accelerator accelerator) {
  return accelerator == ir::Accelerator::kFpga ? "Standard_PB6s"
                                               : "Standard_NC4as_T4_v3 or Standard_NC6s_v3";
}

}  // namespace

void check_accelerator_sku_mismatch(const ir::Spec& spec, const RuleContext& context,
                                    RuleReporter& out) {
  if (!spec.accelerator.written() || spec.accelerator.value == ir::Accelerator::kNone) return;
  const ir::Accelerator wanted = spec.accelerator.value;
  DeploymentNodes nodes = deployment_nodes(spec);
  if (!nodes.vm_size || !nodes.vm_size->usable()) return;  // AKS506
  const VmSize* size = context.catalog.find_vm_size(nodes.vm_size->value);
  if (!size || provides(*size, wanted)) return;  // unknown: AKS204
  const std::string source = table_note(context.catalog, "vm-sizes");
  if (!nodes.pool) {
    out.report(
        nodes.vm_size->written() ? nodes.vm_size->range : spec.accelerator.range,
        fmt::format(
            "accelerator is {} but vm_size {}{} has no {} (per {}); the models can only run "
            "on the node size the cluster is created with",
            ir::to_string(wanted), size->name, nodes.vm_size->defaulted() ? " (the default)" : "",
            wanted == ir::Accelerator::kFpga ? "FPGA" : "GPU", source),
        fmt::format("choose a size with {}, e.g. {}, or write accelerator: none if the models "
                    "do not need one",
                    accelerator_noun(wanted), example_sizes(wanted)));
    return;
  }
  // A secondary pool that has the accelerator is AKS402's finding.
  for (const ir::NodePool& pool : spec.cluster->facts.node_pools.value) {
    if (&pool == nodes.pool || !pool.vm_size.usable()) continue;
    const VmSize* other = context.catalog.find_vm_size(pool.vm_size.value);
    if (other && provides(*other, wanted)) return;
  }
  std::string name = nodes.pool->name.usable() ? nodes.pool->name.value : "(unnamed)";
  out.report(
      spec.accelerator.range,
      fmt::format("accelerator is {} but the cluster's system node pool '{}' ({}) has no "
                  "{} (per {}), and models are deployed only to that pool",
                  ir::to_string(wanted), name, size->name,
                  wanted == ir::Accelerator::kFpga ? "FPGA" : "GPU", source),
      fmt::format("attach a cluster created with {} size (e.g. {}), or let Azure ML create "
                  "one with mode: create; adding a node pool to this cluster does not help",
                  wanted == ir::Accelerator::kFpga ? "an FPGA" : "a GPU", example_sizes(wanted)));
}

}  // namespace aksc::rules
