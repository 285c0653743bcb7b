// AKS304 authorized-ip-ranges-miss-aml-control-plane —
// rules/AKS304-authorized-ip-ranges-miss-aml-control-plane.md
#include <fmt/format.h>

#include "rules/net/cidr_set.h"
#include "rules/net/cluster_view.h"
#include "rules/network_rules.h"

namespace aksc::rules {
namespace {

// The IPv4 control-plane prefixes of one region that the ranges do not cover.
struct RegionCheck {
  std::string region;
  std::string role;                  // "workspace region" or "paired region of eastus"
  bool has_tag = false;              // the snapshot has AzureMachineLearning.<Region>
  std::size_t ipv4_prefixes = 0;     // IPv6 prefixes are not counted: AKS takes IPv4 only
  std::vector<std::string> missing;  // as the snapshot writes them
};

RegionCheck check_region(const Catalog& catalog, const std::string& region, std::string role,
                         const net::CidrSet& allowed) {
  RegionCheck check;
  check.region = region;
  check.role = std::move(role);
  auto prefixes = catalog.control_plane_prefixes(region);
  if (!prefixes) return check;
  check.has_tag = true;
  for (std::string_view text : *prefixes) {
    std::optional<net::Cidr> prefix = net::parse_cidr(text, nullptr);
    if (!prefix || prefix->address.family != net::Family::kIPv4) continue;
    ++check.ipv4_prefixes;
    if (!allowed.covers(*prefix)) check.missing.emplace_back(text);
  }
  return check;
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string text;
  for (const std::string& item : items) {
    if (!text.empty()) text += separator;
    text += item;
  }
  return text;
}

std::string snapshot_note(const Catalog& catalog) {
  const DataSnapshot* snapshot = catalog.snapshot("service-tags");
  if (!snapshot) return "service-tags table";
  std::string note = fmt::format("service tags: {}, {}", snapshot->source, snapshot->date);
  if (!snapshot->origin.empty() && snapshot->origin != "embedded") {
    note += fmt::format(", from {}", snapshot->origin);
  }
  return note;
}

}  // namespace

// "If you attach an AKS cluster, which has an Authorized IP range enabled to access the API
// server, enable the AML control plane IP ranges for the AKS cluster. The AML control plane is
// deployed across paired regions [...] Use the IP ranges for both the paired regions when
// enabling the IP ranges in an AKS cluster." (article, Limitations)
void check_authorized_ip_ranges_miss_aml_control_plane(const ir::Spec& spec,
                                                       const RuleContext& context,
                                                       RuleReporter& out) {
  net::ClusterSetting<net::RangeList> ranges = net::authorized_ranges(spec);
  if (!ranges.usable() || ranges.value().empty() || net::is_private_cluster(spec)) return;
  std::vector<net::ParsedRange> parsed = net::parse_ranges(ranges.value());
  if (parsed.empty()) return;  // every entry is malformed: AKS312's case
  if (!spec.workspace.location.usable()) return;
  const Catalog& catalog = context.catalog;
  const Region* home = catalog.find_region(spec.workspace.location.value);
  if (!home) return;  // AKS004's case

  std::vector<net::Cidr> cidrs;
  for (const net::ParsedRange& range : parsed)
    cidrs.push_back(range.range);
  net::CidrSet allowed(cidrs);

  std::vector<RegionCheck> checks;
  std::vector<std::string> notes;
  checks.push_back(check_region(catalog, std::string(home->name), "workspace region", allowed));
  std::optional<std::string> pair = catalog.paired_region(home->name);
  if (!pair) {
    notes.push_back(
        fmt::format("region-pairs.csv has no row for {}, so its paired region is "
                    "unknown and was not checked",
                    home->name));
  } else if (pair->empty()) {
    notes.push_back(
        fmt::format("{} has no paired region (region-pairs.csv), so only its own "
                    "prefixes are required",
                    home->name));
  } else {
    checks.push_back(
        check_region(catalog, *pair, fmt::format("paired region of {}", home->name), allowed));
  }

  std::vector<std::string> parts;
  std::size_t missing = 0, required = 0;
  bool untagged = false;
  for (const RegionCheck& check : checks) {
    if (!check.has_tag) {
      untagged = true;
      parts.push_back(
          fmt::format("{} ({}): the service-tag snapshot has no "
                      "AzureMachineLearning tag for it, so its prefixes are unknown",
                      check.region, check.role));
      continue;
    }
    required += check.ipv4_prefixes;
    missing += check.missing.size();
    if (check.missing.empty()) continue;
    parts.push_back(fmt::format("{} ({}): {} of {} missing: {}", check.region, check.role,
                                check.missing.size(), check.ipv4_prefixes,
                                join(check.missing, ", ")));
  }
  if (missing == 0 && !untagged) return;

  std::string message =
      missing > 0 ? fmt::format(
                        "{} leave out {} of the {} IPv4 prefixes of the Azure ML control plane, "
                        "which must reach the API server to deploy inference pods: {}",
                        ranges.path, missing, required, join(parts, "; "))
                  : fmt::format("{} cannot be checked against the Azure ML control plane: {}",
                                ranges.path, join(parts, "; "));
  for (const std::string& note : notes)
    message += "; " + note;
  message += fmt::format(" [{}]", snapshot_note(catalog));
  std::string help =
      missing > 0 ? "add the missing prefixes of the AzureMachineLearning service tags of both "
                    "paired regions to the authorized ranges (IPv4 only: AKS does not take "
                    "IPv6 ranges)"
                  : "point aksc.yaml data.service_tags at a ServiceTags download of your cloud "
                    "that has the region's AzureMachineLearning tag, or suppress this finding "
                    "with the reason";
  out.report(ranges.field->range, std::move(message), std::move(help));
}

}  // namespace aksc::rules
