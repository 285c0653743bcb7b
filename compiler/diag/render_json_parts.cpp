#include "diag/render_json_parts.h"

#include <nlohmann/json.hpp>

#include "diag/neutralize.h"

namespace aksc {

using ordered = nlohmann::ordered_json;

ordered summary_counts_json(const RunSummary& summary) {
  ordered counts;
  counts["files"] = summary.files;
  counts["specs"] = summary.specs;
  counts["errors"] = summary.errors;
  counts["warnings"] = summary.warnings;
  counts["notes"] = summary.notes;
  counts["suppressed"] = summary.suppressed;
  return counts;
}

ordered data_snapshots_json(const std::vector<DataSnapshot>& data) {
  ordered snapshots = ordered::array();
  for (const DataSnapshot& snapshot : data) {
    ordered entry;
    entry["table"] = neutralize(snapshot.table);
    entry["source"] = neutralize(snapshot.source);
    entry["date"] = neutralize(snapshot.date);
    entry["retrieved"] = neutralize(snapshot.retrieved);
    entry["origin"] = neutralize(snapshot.origin);
    if (snapshot.extends_shipped) entry["extendsShipped"] = true;
    snapshots.push_back(std::move(entry));
  }
  return snapshots;
}

}  // namespace aksc
