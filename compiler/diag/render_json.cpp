#include "diag/render.h"

#include <nlohmann/json.hpp>

#include "diag/neutralize.h"
#include "diag/render_json_parts.h"
#include "rules/rule_doc.h"

namespace aksc {
namespace {

using ordered = nlohmann::ordered_json;

ordered location_json(const Location& location) {
  ordered json;
  json["file"] = neutral_path(location.file);
  json["line"] = location.range.begin.line;
  json["column"] = location.range.begin.column;
  if (location.range.end.known()) {
    json["end_line"] = location.range.end.line;
    json["end_column"] = location.range.end.column;
  }
  return json;
}

}  // namespace

void render_json(std::ostream& out, const std::vector<Finding>& findings, const RunSummary& summary,
                 const std::vector<DataSnapshot>& data) {
  ordered root;
  root["version"] = 1;
  root["findings"] = ordered::array();
  for (const Finding& finding : findings) {
    if (finding.suppressed_because) continue;
    const RuleDoc* doc = find_rule_doc(finding.rule);
    ordered item;
    item["rule"] = finding.rule;
    item["slug"] = doc ? doc->slug : "";
    item["severity"] = std::string(to_string(finding.severity));
    item["message"] = neutralize(finding.message);
    ordered location = location_json(finding.location);
    for (auto it = location.begin(); it != location.end(); ++it)
      item[it.key()] = *it;
    if (!finding.help.empty()) item["help"] = neutralize(finding.help);
    if (!finding.related.empty()) {
      item["related"] = ordered::array();
      for (const RelatedLocation& related : finding.related) {
        ordered entry = location_json(related.location);
        entry["message"] = neutralize(related.message);
        item["related"].push_back(std::move(entry));
      }
    }
    root["findings"].push_back(std::move(item));
  }
  root["summary"] = summary_counts_json(summary);
  ordered& counts = root["summary"];
  counts["suppressions"] = ordered::array();
  for (const Finding& finding : findings) {
    if (!finding.suppressed_because) continue;
    ordered entry;
    entry["rule"] = finding.rule;
    entry["file"] = neutral_path(finding.location.file);
    entry["line"] = finding.location.range.begin.line;
    entry["column"] = finding.location.range.begin.column;
    entry["reason"] = neutralize(*finding.suppressed_because);
    counts["suppressions"].push_back(std::move(entry));
  }
  // Only when there are some, so that the output of every other run stays as it was.
  if (summary.outside_links > 0) counts["outside_links"] = summary.outside_links;
  root["data"] = data_snapshots_json(data);
  out << root.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

}  // namespace aksc
