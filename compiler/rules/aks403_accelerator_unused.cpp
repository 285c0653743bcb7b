// AKS403 accelerator-unused — rules/AKS403-accelerator-unused.md
#include <fmt/format.h>

#include "rules/sizing_rules.h"

namespace aksc::rules {

void check_accelerator_unused(const ir::Spec& spec, const RuleContext& context, RuleReporter& out) {
  if (!spec.accelerator.usable() || spec.accelerator.value != ir::Accelerator::kNone) return;
  DeploymentNodes nodes = deployment_nodes(spec);
  if (!nodes.vm_size || !nodes.vm_size->usable()) return;
  const VmSize* size = context.catalog.find_vm_size(nodes.vm_size->value);
  if (!size || (!size->has_gpu() && !size->fpga)) return;
  std::string what;
  if (size->fpga) {
    what = "an FPGA";
  } else if (size->gpus > 0) {
    what = fmt::format("{} GPU{}", size->gpus, size->gpus == 1 ? "" : "s");
  } else {
    what = "a GPU";
  }
  if (!size->gpu_type.empty()) what += fmt::format(" ({})", size->gpu_type);
  std::string where =
      nodes.pool ? fmt::format("the system node pool '{}' ({})",
                               nodes.pool->name.usable() ? nodes.pool->name.value : "(unnamed)",
                               size->name)
                 : fmt::format("vm_size {}", size->name);
  SourceRange range =
      spec.accelerator.written() ? spec.accelerator.range
      : nodes.pool ? (nodes.vm_size->range.known() ? nodes.vm_size->range : spec.accelerator.range)
      : nodes.vm_size->written() ? nodes.vm_size->range
                                 : spec.accelerator.range;
  out.report(range,
             fmt::format("{} has {}, but accelerator is none{}: the deployed models will not "
                         "use the accelerator (sizes from {})",
                         where, what, spec.accelerator.defaulted() ? " (the default)" : "",
                         table_note(context.catalog, "vm-sizes")),
             fmt::format("write accelerator: {} if the models need it, or choose a size without "
                         "one to avoid paying for an idle accelerator",
                         size->fpga ? "fpga" : "gpu"));
}

}  // namespace aksc::rules
