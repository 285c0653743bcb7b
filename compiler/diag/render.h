#pragma once

#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "diag/finding.h"
#include "diag/source_file.h"

namespace aksc {

/// The numbers a renderer prints in its summary.
struct RunSummary {
  int files = 0;
  int specs = 0;
  int errors = 0;
  int warnings = 0;
  int notes = 0;
  int suppressed = 0;
};

using SourceMap = std::map<std::string, std::shared_ptr<const SourceFile>>;

/// Text for people: `file:line:col: severity: message [ID]`, the source line, a caret under
/// the column, a `help:` line, related locations as notes, then a one-line summary.
void render_text(std::ostream& out, const std::vector<Finding>& findings, const SourceMap& sources,
                 const RunSummary& summary);

/// One JSON object as SPEC §4: {"version": 1, "findings": [...], "summary": {...}}.
/// Suppressed findings are counted in the summary, not listed.
void render_json(std::ostream& out, const std::vector<Finding>& findings, const RunSummary& summary,
                 const std::vector<DataSnapshot>& data = {});

}  // namespace aksc
