#pragma once

#include <ostream>
#include <vector>

#include "diag/finding.h"
#include "driver/migrate.h"

namespace aksc::cli {

/// What `aksc migrate` reports, as findings in lint's form: every note (its first related
/// location is the new place), every spec or file that cannot be migrated (an error), and with
/// --check every AksCompute spec that remains (an error). Sorted by place.
std::vector<Finding> migrate_findings(const MigrateRequest& request, const MigrateResult& result);

/// Text in the style of `aksc lint`: `old:line:col: note: message [MIG105]` with the old line
/// and a caret, then `new:line:col: note: in the migrated spec` with the new line, help, the
/// rules the note predicts, and a summary line.
void render_migrate_text(std::ostream& out, const MigrateRequest& request,
                         const MigrateResult& result);

/// One JSON object: {"version": 1, "notes": [...], "cannot_migrate": [...], "remaining": [...],
/// "files": [...], "summary": {...}}; each note with `location` and `new_location`.
void render_migrate_json(std::ostream& out, const MigrateRequest& request,
                         const MigrateResult& result);

}  // namespace aksc::cli
