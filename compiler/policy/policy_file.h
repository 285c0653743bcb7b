#pragma once

#include <vector>

#include "diag/finding_sink.h"
#include "diag/source_file.h"
#include "policy/policy.h"

namespace aksc {

/// The policies of one policy file, each checked against schemas/aksc-policy.schema.json and
/// compiled. A document that is not YAML, breaks the schema, takes an AKSnnn ID, or holds a
/// `when` or `require` that cannot be compiled is an AKS008 finding at its place in the file,
/// and is left out: the file's other policies are kept. Never throws.
std::vector<Policy> parse_policy_file(const SourceFile& source, FindingSink& sink);

}  // namespace aksc
