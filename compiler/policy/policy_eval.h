#pragma once

#include "diag/finding_sink.h"
#include "ir/spec.h"
#include "policy/policy.h"

namespace aksc {

/// Runs each policy of `policies` that selects `spec` on its resolved form (resolve/): a spec
/// that matches `when` and fails `require` gets one finding of the policy's ID and severity at
/// its deepest failing field (the nearest written parent's key where that field is absent).
void run_policies(const ir::Spec& spec, const PolicySet& policies, FindingSink& sink);

}  // namespace aksc
