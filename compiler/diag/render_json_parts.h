#pragma once

#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "catalog/catalog.h"
#include "diag/render.h"

namespace aksc {

// The parts that the json and sarif formats print alike, built in one place so that they stay
// alike.

/// The counts of a run: files, specs, errors, warnings, notes and suppressed, in that order.
nlohmann::ordered_json summary_counts_json(const RunSummary& summary);

/// One object per data snapshot (table, source, date, retrieved, origin, and extendsShipped
/// when an aksc.yaml table extends the shipped one), every text neutralized.
nlohmann::ordered_json data_snapshots_json(const std::vector<DataSnapshot>& data);

}  // namespace aksc
