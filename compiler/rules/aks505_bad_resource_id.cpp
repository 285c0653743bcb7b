// AKS505 bad-resource-id — rules/AKS505-bad-resource-id.md
#include <algorithm>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "diag/spellcheck.h"
#include "diag/text_util.h"
#include "rules/attach_rules.h"

namespace aksc::rules {
namespace {

constexpr std::string_view kIdForm =
    "/subscriptions/<GUID>/resourceGroups/<group>/providers/Microsoft.ContainerService/"
    "managedClusters/<name>";
constexpr std::string_view kIdHelp =
    "copy the ID from az aks show -g <group> -n <name> --query id -o tsv, or write "
    "cluster.name and cluster.resource_group instead";

// Naming rules and restrictions for Azure resources (resource-name-rules):
// managedClusters 1-63, "Alphanumerics, underscores, and hyphens. Start and end with
// alphanumeric."; resourcegroups 1-90, underscores, hyphens, periods, parentheses, letters or
// digits, "Can't end with period."
constexpr std::size_t kClusterNameMax = 63;
constexpr std::size_t kGroupNameMax = 90;

// A problem with part of a value: bytes [begin, end) of it, or all of it when begin == npos.
struct Problem {
  std::size_t begin = std::string::npos;
  std::size_t end = std::string::npos;
  std::string message;
};

bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// The bytes of the UTF-8 character at `i`.
std::size_t char_length(std::string_view text, std::size_t i) {
  std::size_t length = 1;
  while (i + length < text.size() &&
         (static_cast<unsigned char>(text[i + length]) & 0xC0) == 0x80) {
    ++length;
  }
  return length;
}

std::string shown(std::string_view character) {
  return character == " " ? "' ' (space)" : "'" + std::string(character) + "'";
}

// The first character not allowed, as a problem; `allowed` sees ASCII bytes, `non_ascii`
// says whether characters beyond ASCII are allowed.
template <typename Allowed>
std::optional<Problem> bad_character(std::string_view name, Allowed allowed, bool non_ascii,
                                     std::string_view what, std::string_view rule) {
  for (std::size_t i = 0; i < name.size();) {
    std::size_t length = char_length(name, i);
    bool ascii = static_cast<unsigned char>(name[i]) < 0x80;
    if (ascii ? !allowed(name[i]) : !non_ascii) {
      return Problem{
          i, i + length,
          fmt::format("{} '{}' has {}; {}", what, name, shown(name.substr(i, length)), rule)};
    }
    i += length;
  }
  return std::nullopt;
}

std::optional<Problem> check_guid(std::string_view id, std::string_view what) {
  bool ok = id.size() == 36;
  for (std::size_t i = 0; ok && i < id.size(); ++i) {
    ok = (i == 8 || i == 13 || i == 18 || i == 23) ? id[i] == '-' : is_hex(id[i]);
  }
  if (ok) return std::nullopt;
  return Problem{std::string::npos, std::string::npos,
                 fmt::format("{} '{}' is not a subscription GUID (8-4-4-4-12 hexadecimal digits "
                             "such as 0b1f6471-1bf0-4dda-aec3-cb9272f09590)",
                             what, id)};
}

std::optional<Problem> check_group_name(std::string_view name, std::string_view what) {
  std::size_t length = utf8_length(name);
  if (length == 0 || length > kGroupNameMax) {
    return Problem{std::string::npos, std::string::npos,
                   fmt::format("{} '{}' is {} characters long; Azure allows 1 to {}", what, name,
                               length, kGroupNameMax)};
  }
  auto allowed = [](char c) {
    return is_alnum(c) || c == '_' || c == '-' || c == '.' || c == '(' || c == ')';
  };
  if (auto bad = bad_character(name, allowed, true, what,
                               "resource group names have letters, digits, underscores, "
                               "hyphens, periods and parentheses only")) {
    return bad;
  }
  if (name.back() == '.') {
    return Problem{
        name.size() - 1, name.size(),
        fmt::format("{} '{}' ends with a period, which Azure does not allow", what, name)};
  }
  return std::nullopt;
}

std::optional<Problem> check_cluster_name(std::string_view name, std::string_view what) {
  std::size_t length = utf8_length(name);
  if (length == 0 || length > kClusterNameMax) {
    return Problem{std::string::npos, std::string::npos,
                   fmt::format("{} '{}' is {} characters long; AKS allows 1 to {}", what, name,
                               length, kClusterNameMax)};
  }
  auto allowed = [](char c) { return is_alnum(c) || c == '_' || c == '-'; };
  if (auto bad = bad_character(name, allowed, false, what,
                               "AKS cluster names have letters a-z and A-Z, digits, underscores "
                               "and hyphens only")) {
    return bad;
  }
  if (!is_alnum(name.front())) {
    return Problem{0, 1,
                   fmt::format("{} '{}' starts with '{}'; AKS cluster names start and end with a "
                               "letter or digit",
                               what, name, name.front())};
  }
  if (!is_alnum(name.back())) {
    return Problem{name.size() - 1, name.size(),
                   fmt::format("{} '{}' ends with '{}'; AKS cluster names start and end with a "
                               "letter or digit",
                               what, name, name.back())};
  }
  return std::nullopt;
}

// Shifts a problem about part of `part` (which starts at byte `offset` of the whole value).
Problem within(Problem problem, std::size_t offset, std::size_t part_size) {
  if (problem.begin == std::string::npos) {
    problem.begin = 0;
    problem.end = part_size;
  }
  problem.begin += offset;
  problem.end += offset;
  return problem;
}

struct Segment {
  std::string_view text;
  std::size_t offset = 0;  // byte offset in the ID
};

// Checks an ARM resource ID of a managed cluster, segment by segment; the segment names
// compare case-insensitively, as ARM compares them.
std::vector<Problem> check_resource_id(std::string_view id) {
  std::vector<Problem> problems;
  auto whole = [&](std::string message) {
    problems.push_back({std::string::npos, std::string::npos, std::move(message)});
    return problems;
  };
  if (trim(id).empty()) return whole("cluster.resource_id is empty");
  std::string lower = to_lower(id);
  if (lower.find("/providers/microsoft.machinelearningservices/") != std::string::npos) {
    return whole(
        fmt::format("cluster.resource_id '{}' names an Azure ML resource, not the AKS "
                    "cluster; it must have the form {}",
                    id, kIdForm));
  }
  std::vector<Segment> segments;
  for (std::size_t begin = 0;;) {
    std::size_t slash = id.find('/', begin);
    std::size_t end = slash == std::string_view::npos ? id.size() : slash;
    segments.push_back({id.substr(begin, end - begin), begin});
    if (slash == std::string_view::npos) break;
    begin = slash + 1;
  }
  if (!segments[0].text.empty()) {
    problems.push_back({0, char_length(id, 0),
                        fmt::format("cluster.resource_id '{}' does not start with "
                                    "'/subscriptions/'; it must have the form {}",
                                    id, kIdForm)});
    return problems;
  }
  // Expected fixed names by position; empty = a value checked on its own.
  const std::string_view kFixed[] = {"",
                                     "subscriptions",
                                     "",
                                     "resourceGroups",
                                     "",
                                     "providers",
                                     "Microsoft.ContainerService",
                                     "managedClusters",
                                     ""};
  constexpr std::size_t kSegments = std::size(kFixed);
  bool shape_ok = segments.size() == kSegments;
  for (std::size_t i = 1; i < std::min(segments.size(), kSegments); ++i) {
    const Segment& segment = segments[i];
    if (kFixed[i].empty()) {
      if (!shape_ok) continue;
      std::optional<Problem> problem = i == 2 ? check_guid(segment.text, "the subscription")
                                       : i == 4
                                           ? check_group_name(segment.text, "the resource group")
                                           : check_cluster_name(segment.text, "the cluster name");
      if (problem) {
        Problem shifted = within(*problem, segment.offset, segment.text.size());
        shifted.message = "cluster.resource_id: " + shifted.message;
        problems.push_back(std::move(shifted));
      }
    } else if (!iequals(segment.text, kFixed[i])) {
      std::size_t end = segment.offset + std::max<std::size_t>(segment.text.size(), 1);
      problems.push_back(
          {segment.offset, std::min(end, id.size()),
           fmt::format("cluster.resource_id has '{}' where a managed cluster ID has '{}'{}",
                       segment.text, kFixed[i],
                       did_you_mean(segment.text, {std::string(kFixed[i])}))});
      if (!shape_ok) return problems;  // the rest is shifted: one finding is enough
    }
  }
  if (segments.size() < kSegments) {
    problems.push_back({std::string::npos, std::string::npos,
                        fmt::format("cluster.resource_id '{}' stops short; a managed cluster ID "
                                    "has the form {}",
                                    id, kIdForm)});
  } else if (segments.size() > kSegments) {
    std::size_t extra = segments[kSegments].offset - 1;
    problems.push_back(
        {extra, id.size(),
         fmt::format("cluster.resource_id goes on after the cluster name with '{}'; a managed "
                     "cluster ID ends with managedClusters/<name>",
                     id.substr(extra))});
  }
  return problems;
}

// The range of bytes [begin, end) of a string field's value, when the value is written on one
// line as a plain or simply quoted scalar; otherwise the whole value's range.
SourceRange part_range(const ir::Field<std::string>& field, std::size_t begin, std::size_t end) {
  const SourceRange& range = field.range;
  if (begin == std::string::npos || !range.known() || range.begin.line != range.end.line) {
    return range;
  }
  int width = range.end.column - range.begin.column;
  int length = static_cast<int>(utf8_length(field.value));
  int quote = width == length ? 0 : width == length + 2 ? 1 : -1;
  if (quote < 0) return range;  // escapes or folding: columns do not map
  std::string_view value = field.value;
  int first = range.begin.column + quote + static_cast<int>(utf8_length(value.substr(0, begin)));
  int last = range.begin.column + quote + static_cast<int>(utf8_length(value.substr(0, end)));
  return {{range.begin.line, first}, {range.begin.line, std::max(last, first + 1)}};
}

void report_all(const ir::Field<std::string>& field, const std::vector<Problem>& problems,
                std::string_view help, RuleReporter& out) {
  for (const Problem& problem : problems) {
    out.report(part_range(field, problem.begin, problem.end), problem.message, std::string(help));
  }
}

void check_name(const ir::Field<std::string>& field, std::string_view what, bool group,
                std::string_view help, RuleReporter& out) {
  if (!field.written()) return;  // absent, defaulted (checked where it came from) or invalid
  std::optional<Problem> problem =
      group ? check_group_name(field.value, what) : check_cluster_name(field.value, what);
  if (problem) report_all(field, {*problem}, help, out);
}

}  // namespace

void check_bad_resource_id(const ir::Spec& spec, const RuleContext& /*context*/,
                           RuleReporter& out) {
  const ir::Cluster& cluster = spec.cluster;
  if (cluster.resource_id.written()) {
    report_all(cluster.resource_id, check_resource_id(cluster.resource_id.value), kIdHelp, out);
  }
  if (cluster.subscription_id.written()) {
    if (auto problem = check_guid(cluster.subscription_id.value, "cluster.subscription_id")) {
      report_all(cluster.subscription_id, {*problem},
                 "copy the subscription ID from az account show --query id -o tsv", out);
    }
  }
  check_name(cluster.resource_group, "cluster.resource_group", true,
             "write the resource group as az group list --query [].name shows it", out);
  check_name(cluster.name, "cluster.name", false,
             "write the cluster's name as az aks list --query [].name shows it", out);
  check_name(spec.cluster_name, "cluster_name", false,
             "choose 1 to 63 letters, digits, underscores and hyphens, starting and ending with a "
             "letter or digit",
             out);
  check_name(spec.cluster_resource_group, "cluster_resource_group", true,
             "choose 1 to 90 letters, digits, underscores, hyphens, periods and parentheses, not "
             "ending with a period",
             out);
}

}  // namespace aksc::rules
