// AKS004 unknown-region — rules/AKS004-unknown-region.md
#include <fmt/format.h>

#include "diag/spellcheck.h"
#include "diag/text_util.h"
#include "rules/sizing_rules.h"

namespace aksc::rules {
namespace {

constexpr std::size_t kMaxSuggestions = 4;
constexpr std::string_view kListCommand =
    "az account list-locations --query \"[?metadata.regionType=='Physical'].name\" -o tsv";

bool is_logical(const Region& region) {
  return iequals(region.region_type, "Logical");
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() > suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// Physical regions a logical location stands for: "asia" → eastasia, southeastasia;
// "eastusstage" → eastus.
std::vector<std::string> physical_regions_of(const Region& logical, const Catalog& catalog) {
  std::string name = to_lower(logical.name);
  for (std::string_view suffix : {"stage", "stg"}) {
    if (!ends_with(name, suffix)) continue;
    const Region* base = catalog.find_region(name.substr(0, name.size() - suffix.size()));
    if (base && iequals(base->region_type, "Physical")) return {std::string(base->name)};
  }
  std::vector<std::string> found;
  for (const Region& region : catalog.regions()) {
    if (!iequals(region.region_type, "Physical")) continue;
    if (to_lower(region.name).find(name) == std::string::npos) continue;
    found.emplace_back(region.name);
    if (found.size() == kMaxSuggestions) break;
  }
  return found;
}

std::string quoted_list(const std::vector<std::string>& names) {
  std::string text;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) text += i + 1 == names.size() ? " or " : ", ";
    text += "'" + names[i] + "'";
  }
  return text;
}

// The region whose display name is `text` ("East US" → eastus), compared case-insensitively.
const Region* by_display_name(std::string_view text, const Catalog& catalog) {
  for (const Region& region : catalog.regions()) {
    if (!region.display_name.empty() && iequals(region.display_name, trim(text))) return &region;
  }
  return nullptr;
}

// " (did you mean 'eastus2'?)" from the ARM names, else from the display names.
std::string suggestion(std::string_view text, const Catalog& catalog) {
  std::vector<std::string> names = catalog.region_names();
  std::string by_name = did_you_mean(text, names);
  if (!by_name.empty()) return by_name;
  std::vector<std::string> display_names;
  std::vector<std::string> arm_names;
  for (const Region& region : catalog.regions()) {
    if (region.display_name.empty() || is_logical(region)) continue;
    display_names.emplace_back(region.display_name);
    arm_names.emplace_back(region.name);
  }
  std::optional<std::string> display = closest_match(text, display_names);
  if (!display) return {};
  for (std::size_t i = 0; i < display_names.size(); ++i) {
    if (display_names[i] == *display) {
      return fmt::format(" (did you mean '{}', the location name of '{}'?)", arm_names[i],
                         display_names[i]);
    }
  }
  return {};
}

void check_location(const ir::Field<std::string>& field, std::string_view key,
                    const Catalog& catalog, RuleReporter& out) {
  if (!field.written()) return;  // a defaulted location is a copy of a checked one
  const std::string& text = field.value;
  if (const Region* region = catalog.find_region(text)) {
    if (!is_logical(*region)) return;
    std::vector<std::string> physical = physical_regions_of(*region, catalog);
    out.report(field.range,
               fmt::format("{} '{}' is a logical Azure location (a geography or an alias, region "
                           "type Logical in {}), not a region: nothing can be deployed to it",
                           key, text, table_note(catalog, "regions")),
               physical.empty()
                   ? fmt::format("use a physical region; `{}` lists them", kListCommand)
                   : fmt::format("use a physical region, e.g. {}", quoted_list(physical)));
    return;
  }
  if (const Region* region = by_display_name(text, catalog)) {
    out.report(field.range,
               fmt::format("{} '{}' is the display name of Azure location '{}'; aksc and ARM "
                           "templates take the location name",
                           key, text, region->name),
               fmt::format("set {} to {}", key, region->name));
    return;
  }
  out.report(field.range,
             fmt::format("{} '{}' is not an Azure location in {}{}", key, text,
                         table_note(catalog, "regions"), suggestion(text, catalog)),
             fmt::format("write the location name as `{}` prints it (lower case, no spaces); a "
                         "region newer than the table can be added in aksc.yaml under "
                         "data: regions",
                         kListCommand));
}

}  // namespace

void check_unknown_region(const ir::Spec& spec, const RuleContext& context, RuleReporter& out) {
  check_location(spec.workspace.location, "workspace.location", context.catalog, out);
  check_location(spec.location, "location", context.catalog, out);
  check_location(spec.cluster->facts.location, "cluster.facts.location", context.catalog, out);
}

}  // namespace aksc::rules
