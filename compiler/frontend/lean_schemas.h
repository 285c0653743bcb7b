#pragma once

#include <optional>
#include <string_view>

namespace aksc {

/// The embedded schema `name` (e.g. "aksc-spec.schema.json") without its annotations
/// (description, title, examples, $comment), minified at build time by tools/schema_leangen.cpp;
/// nullopt for a schema the build did not make lean. Defined in the generated lean_schemas.cpp.
std::optional<std::string_view> lean_schema(std::string_view name);

}  // namespace aksc
