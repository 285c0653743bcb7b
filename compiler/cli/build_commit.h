#pragma once

#include <string_view>

namespace aksc::cli {

/// The commit aksc was built from, as `aksc --version` prints it: a short hash ("1a2b3c4"),
/// with "-dirty" when the tree had changes, or "unknown" when built outside git. Defined in a
/// file the build generates (cmake/commit.cmake), so that a commit recompiles only that file.
std::string_view build_commit();

}  // namespace aksc::cli
