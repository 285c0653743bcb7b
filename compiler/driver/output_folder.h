#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace aksc {

/// Why `name` (a workspace or compute name) cannot be one folder of OUTDIR/<workspace>/<name>,
/// or nothing when it can. Names that could leave OUTDIR or hide ('/', '\', "..", a leading
/// '.'), control characters (NUL included) and names too long for a file system are refused
/// rather than encoded, so that the folder always has the name Azure shows.
std::optional<std::string> folder_name_problem(std::string_view name);

}  // namespace aksc
