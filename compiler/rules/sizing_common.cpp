// Helpers of the sizing rules (AKS004, AKS20x, AKS40x) — compiler/rules/sizing_rules.h
#include <fmt/format.h>

#include "rules/sizing_rules.h"

namespace aksc::rules {

const ir::NodePool* deployment_pool(const ir::ClusterFacts& facts) {
  if (!facts.node_pools.usable()) return nullptr;
  const std::vector<ir::NodePool>& pools = facts.node_pools.value;
  for (const ir::NodePool& pool : pools) {
    if (pool.mode.usable() && pool.mode.value == ir::NodePoolMode::kSystem) return &pool;
  }
  for (const ir::NodePool& pool : pools) {
    if (!pool.mode.usable()) return &pool;
  }
  return nullptr;
}

DeploymentNodes deployment_nodes(const ir::Spec& spec) {
  if (!spec.mode.usable()) return {};
  if (spec.mode.value != ir::Mode::kAttach) return {&spec.vm_size, &spec.agent_count, nullptr};
  const ir::NodePool* pool = deployment_pool(spec.cluster->facts);
  if (!pool) return {};
  return {&pool->vm_size, &pool->count, pool};
}

std::optional<VcpuShortfall> vcpu_shortfall(const ir::Spec& spec, const Catalog& catalog,
                                            ir::Purpose purpose, std::int64_t minimum) {
  if (!spec.purpose.usable() || spec.purpose.value != purpose) return std::nullopt;
  VcpuShortfall shortfall;
  shortfall.nodes = deployment_nodes(spec);
  const DeploymentNodes& nodes = shortfall.nodes;
  if (!nodes.vm_size || !nodes.vm_size->usable() || !nodes.count->usable()) return std::nullopt;
  shortfall.size = catalog.find_vm_size(nodes.vm_size->value);
  if (!shortfall.size || shortfall.size->vcpus <= 0) return std::nullopt;
  shortfall.minimum = minimum;
  shortfall.count = nodes.count->value;
  // The schema and the facts reader refuse a negative count; should one slip through, it is no
  // shortfall to multiply (a product that could wrap), but a value already reported.
  if (shortfall.count < 0) return std::nullopt;
  shortfall.needed = ceil_div(minimum, shortfall.size->vcpus);
  if (shortfall.count >= shortfall.needed) return std::nullopt;
  shortfall.total = shortfall.count * shortfall.size->vcpus;  // count < needed ≤ minimum
  if (nodes.pool) {
    shortfall.where = nodes.pool->count.range.known() ? nodes.pool->count.range : nodes.pool->range;
    shortfall.pool_name = nodes.pool->name.usable() ? nodes.pool->name.value : "(unnamed)";
  } else {
    shortfall.where = nodes.count->written()     ? nodes.count->range
                      : nodes.vm_size->written() ? nodes.vm_size->range
                                                 : spec.purpose.range;
  }
  return shortfall;
}

std::string table_note(const Catalog& catalog, std::string_view table) {
  std::string note = fmt::format("the {} table", table);
  std::string added;
  for (const DataSnapshot& snapshot : catalog.snapshots()) {
    if (snapshot.table != table) continue;
    if (snapshot.extends_shipped) {
      added += " and " + snapshot.origin;
    } else if (snapshot.origin != "embedded" && !snapshot.origin.empty()) {
      note += " from " + snapshot.origin;
    } else if (!snapshot.date.empty()) {
      note += " of " + snapshot.date;
    }
  }
  return note + added;
}

std::string vcpus_text(std::int64_t count) {
  return fmt::format("{} vCPU{}", count, count == 1 ? "" : "s");
}

bool provides(const VmSize& size, ir::Accelerator accelerator) {
  switch (accelerator) {
    case ir::Accelerator::kGpu:
      return size.has_gpu();
    case ir::Accelerator::kFpga:
      return size.fpga;
    case ir::Accelerator::kNone:
      break;
  }
  return true;
}

std::string_view accelerator_noun(ir::Accelerator accelerator) {
  return accelerator == ir::Accelerator::kFpga ? "an FPGA" : "a GPU";
}

std::int64_t ceil_div(std::int64_t total, std::int64_t per_unit) {
  return total <= 0 ? 0 : (total + per_unit - 1) / per_unit;
}

}  // namespace aksc::rules
