#pragma once

#include "frontend/spec_reader.h"
#include "ir/spec.h"

namespace aksc::lowering {

/// Lowers what only kind KubernetesCompute has (SPEC-2 §B) into `spec.kubernetes`, with the
/// extension's defaults marked Origin::kDefaulted at their parent's key (the `kind` value when
/// the parent is not written). `spec.kind_range` must be set.
void lower_kubernetes_parts(const Reader& in, ir::Spec& spec);

}  // namespace aksc::lowering
