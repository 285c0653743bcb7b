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
  const ir::NodePool* pool = deployment_pool(spec.cluster.facts);
  if (!pool) return {};
  return {&pool->vm_size, &pool->count, pool};
}

std::string table_note(const Catalog& catalog, std::string_view table) {
  const DataSnapshot* snapshot = catalog.snapshot(table);
  if (!snapshot) return fmt::format("the {} table", table);
  if (snapshot->origin != "embedded" && !snapshot->origin.empty()) {
    return fmt::format("the {} table from {}", table, snapshot->origin);
  }
  if (snapshot->date.empty()) return fmt::format("the {} table", table);
  return fmt::format("the {} table of {}", table, snapshot->date);
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
