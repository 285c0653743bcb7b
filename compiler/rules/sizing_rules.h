#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "rules/rule.h"

namespace aksc::rules {

// Regions, node sizes, vCPU totals and accelerators (see rules/AKS004-*.md, rules/AKS20x-*.md,
// rules/AKS40x-*.md).
void check_unknown_region(const ir::Spec& spec, const RuleContext& context,
                          RuleReporter& out);  // AKS004
void check_production_min_vcpus(const ir::Spec& spec, const RuleContext& context,
                                RuleReporter& out);  // AKS201
void check_dev_test_min_vcpus(const ir::Spec& spec, const RuleContext& context,
                              RuleReporter& out);  // AKS202
void check_purpose_defaulted(const ir::Spec& spec, const RuleContext& context,
                             RuleReporter& out);  // AKS203
void check_unknown_vm_size(const ir::Spec& spec, const RuleContext& context,
                           RuleReporter& out);  // AKS204
void check_vm_size_below_aks_minimum(const ir::Spec& spec, const RuleContext& context,
                                     RuleReporter& out);  // AKS206
void check_b_series_system_pool(const ir::Spec& spec, const RuleContext& context,
                                RuleReporter& out);  // AKS207
void check_production_min_nodes(const ir::Spec& spec, const RuleContext& context,
                                RuleReporter& out);  // AKS208
void check_accelerator_sku_mismatch(const ir::Spec& spec, const RuleContext& context,
                                    RuleReporter& out);  // AKS401
void check_accelerator_on_secondary_pool(const ir::Spec& spec, const RuleContext& context,
                                         RuleReporter& out);  // AKS402
void check_accelerator_unused(const ir::Spec& spec, const RuleContext& context,
                              RuleReporter& out);  // AKS403

// Helpers shared by the rules above (rules/sizing_common.cpp).

/// The node pool models are deployed to on an attached cluster: the pool the cluster was created
/// with, taken as the first pool whose mode is system, or, when no pool says system, the first
/// pool without a mode. nullptr when the facts name no such pool.
const ir::NodePool* deployment_pool(const ir::ClusterFacts& facts);

/// The nodes models run on: vm_size and agent_count in create and provision-and-attach, the
/// deployment pool's vm_size and count in attach. `pool` is null for create.
struct DeploymentNodes {
  const ir::Field<std::string>* vm_size = nullptr;
  const ir::Field<std::int64_t>* count = nullptr;
  const ir::NodePool* pool = nullptr;
};

/// The nodes of `spec`, or all null when the mode or (in attach) the pool is unknown.
DeploymentNodes deployment_nodes(const ir::Spec& spec);

/// How the deployment nodes of a spec with purpose `purpose` miss a vCPU floor (AKS201, AKS202).
struct VcpuShortfall {
  DeploymentNodes nodes;
  const VmSize* size = nullptr;
  std::int64_t minimum = 0;  ///< The floor, in vCPUs.
  std::int64_t count = 0;    ///< Nodes now.
  std::int64_t needed = 0;   ///< Nodes of this size that reach the floor: ⌈minimum / vCPUs⌉.
  std::int64_t total = 0;    ///< vCPUs now.
  SourceRange where;         ///< The count (or pool) to report at.
  std::string pool_name;     ///< The deployment pool's name, in attach.
};

/// The shortfall, or nothing when the purpose differs, the floor is met, or a fact is missing
/// (AKS506) or the size unknown (AKS204). Compared as count ≥ ⌈minimum / vCPUs⌉, which cannot
/// overflow.
std::optional<VcpuShortfall> vcpu_shortfall(const ir::Spec& spec, const Catalog& catalog,
                                            ir::Purpose purpose, std::int64_t minimum);

/// "the vm-sizes table of 2026-03-17"; for an override, "the regions table from regions.csv",
/// or "the vm-sizes table of 2026-03-17 and extra.csv" when it adds to the shipped rows.
std::string table_note(const Catalog& catalog, std::string_view table);

/// "1 vCPU", "4 vCPUs".
std::string vcpus_text(std::int64_t count);

/// Whether `size` provides `accelerator` (kNone: always).
bool provides(const VmSize& size, ir::Accelerator accelerator);

/// "a GPU" / "an FPGA" for kGpu / kFpga.
std::string_view accelerator_noun(ir::Accelerator accelerator);

/// Whether `vm_size` is a B-series (burstable) size: "Standard_B" and a digit, any case.
bool is_b_series(std::string_view vm_size);

/// The smallest whole number n with n × per_unit ≥ total; per_unit must be positive.
std::int64_t ceil_div(std::int64_t total, std::int64_t per_unit);

}  // namespace aksc::rules
