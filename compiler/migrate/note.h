#pragma once

#include <string>
#include <vector>

#include "diag/finding.h"

namespace aksc::migrate {

/// One decision of a migration that changes behaviour, or a field that has no v2 home: a
/// finding of severity note whose `rule` is a stable note code (e.g. "MIG101") and whose first
/// related location is the place in the migrated file the change lands on.
struct MigrationNote {
  Finding finding;
  /// Where the change lands in the migrated document: a JSON pointer of it, or, when
  /// `new_marker` is set, the line of the output holding that text.
  std::string new_pointer;
  std::string new_marker;
  /// Rules the migrated spec is expected to report because of this change (e.g. AKS803 for
  /// HTTP on a production compute): lint's findings on the output are exactly these.
  std::vector<std::string> predicts;
};

/// Why a spec cannot be migrated: the message names the reason, the location where it is.
struct Refusal {
  std::string message;
  std::string help;
  Location location;
};

}  // namespace aksc::migrate
