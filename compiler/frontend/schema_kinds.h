#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "frontend/schema_messages.h"

namespace aksc {

class Schema;

/// Adds the problems of a spec that depend on its kind (SPEC-2 §B), in aksc's words rather than
/// those of the schema's if/then, which says the same to editors:
/// - a mode the kind does not take (`x-aksc-kind-modes` of `kind`);
/// - a top-level field of the other kind (`x-aksc-kinds`, with `x-aksc-kind-help`);
/// - what Azure asks of fields together: a pinned extension version needs
///   auto_upgrade_minor_version false, a user-assigned identity at least one identity.
/// Returns false when the mode does not fit the kind: the fields of that mode are then not
/// judged as well.
bool append_kind_problems(const nlohmann::json& instance, const Schema& schema,
                          std::vector<SchemaProblem>& problems);

}  // namespace aksc
