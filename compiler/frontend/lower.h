#pragma once

#include <set>
#include <string>

#include "diag/finding_sink.h"
#include "frontend/yaml_document.h"
#include "ir/spec.h"

namespace aksc {

/// SPEC §1 defaults, applied by `lower` and marked Origin::kDefaulted.
namespace defaults {
inline constexpr ir::Purpose kPurpose = ir::Purpose::kProduction;
inline constexpr std::int64_t kAgentCount = 3;
inline constexpr const char* kVmSize = "Standard_D3_v2";
inline constexpr ir::Accelerator kAccelerator = ir::Accelerator::kNone;
inline constexpr ir::LoadBalancerType kLoadBalancerType = ir::LoadBalancerType::kPublicIp;
inline constexpr ir::OutboundType kOutboundType = ir::OutboundType::kLoadBalancer;
}  // namespace defaults

/// Lowers a spec document to the IR. Nodes listed in `invalid` (schema failures) become
/// Origin::kInvalid; fields of the wrong type are skipped the same way, so lowering never
/// fails. SDK/ARM spellings are normalized and SPEC defaults applied.
ir::Spec lower_spec(const YamlDocument& document, const InvalidPointers& invalid,
                    const std::string& file, int index);

/// A spec document as lint and migrate take it: enum spellings canonicalized in `document`,
/// checked against the spec schema (AKS002 into `sink`), then lowered.
ir::Spec check_and_lower_spec(YamlDocument& document, const std::string& file, int index,
                              FindingSink& sink);

}  // namespace aksc
