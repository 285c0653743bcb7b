#include <map>
#include <string_view>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "diag/neutralize.h"
#include "diag/render.h"
#include "diag/render_json_parts.h"
#include "diag/text_util.h"
#include "rules/rule_doc.h"

namespace aksc {
namespace {

using ordered = nlohmann::ordered_json;

constexpr std::string_view kSchemaUri =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
constexpr std::string_view kSourceRoot = "%SRCROOT%";

// A file name as a URI reference keeps its '/'; a ':' is encoded, so that a relative path
// cannot read as a scheme.
constexpr std::string_view kPathKeeps = "/";

ordered artifact_location(const std::string& file) {
  ordered location;
  if (!file.empty() && file.front() == '/') {
    location["uri"] = "file://" + percent_encode(file, kPathKeeps);
  } else {
    location["uri"] = percent_encode(file, kPathKeeps);
    location["uriBaseId"] = kSourceRoot;
  }
  return location;
}

ordered physical_location(const Location& location) {
  ordered physical;
  physical["artifactLocation"] = artifact_location(location.file);
  const SourceRange& range = location.range;
  if (range.begin.known()) {
    ordered& region = physical["region"];
    region["startLine"] = range.begin.line;
    if (range.begin.column > 0) region["startColumn"] = range.begin.column;
    if (range.end.known() && range.end >= range.begin) {
      region["endLine"] = range.end.line;
      if (range.end.column > 0 && range.begin.column > 0) region["endColumn"] = range.end.column;
    }
  }
  return physical;
}

std::string_view level(Severity severity) {
  return to_string(severity);  // SARIF levels: error, warning, note
}

// The rule doc without its front matter.
std::string_view doc_body(std::string_view markdown) {
  if (markdown.rfind("---", 0) != 0) return markdown;
  std::size_t end = markdown.find("\n---", 3);
  if (end == std::string_view::npos) return markdown;
  std::size_t next = markdown.find('\n', end + 4);
  return next == std::string_view::npos ? std::string_view() : markdown.substr(next + 1);
}

// The explanation: what follows the title heading, up to the first "## " section.
std::string why_section(std::string_view body) {
  std::size_t start = body.rfind("# ", 0) == 0 ? body.find('\n') : 0;
  if (start == std::string_view::npos) return {};
  std::string_view rest = body.substr(start);
  std::size_t end = rest.find("\n## ");
  return std::string(trim(rest.substr(0, end)));
}

// The first http(s) URL of a rule's `source` ("https://... , SPEC.md §1"), or "".
std::string source_url(std::string_view source) {
  std::size_t start = source.find("https://");
  if (start == std::string_view::npos) start = source.find("http://");
  if (start == std::string_view::npos) return {};
  std::size_t end = source.find_first_of(" ,;\t", start);
  return std::string(source.substr(start, end == std::string_view::npos ? end : end - start));
}

ordered rule_descriptor(const RuleDoc& doc) {
  ordered rule;
  rule["id"] = doc.id;
  rule["name"] = doc.slug;
  rule["shortDescription"]["text"] = doc.title;
  std::string_view body = doc_body(doc.markdown);
  std::string why = why_section(body);
  rule["fullDescription"]["text"] = why.empty() ? doc.title : why;
  std::string url = source_url(doc.source);
  if (!url.empty()) rule["helpUri"] = url;
  rule["help"]["text"] =
      fmt::format("{}\n\nSource: {}\n'aksc explain {}' prints this rule's documentation ({}).",
                  why.empty() ? doc.title : why, doc.source, doc.id, doc.file);
  rule["help"]["markdown"] = std::string(trim(body));
  rule["defaultConfiguration"]["level"] = level(doc.severity);
  ordered& properties = rule["properties"];
  properties["tags"] = doc.tags;
  properties["source"] = doc.source;
  properties["documentation"] = doc.file;
  return rule;
}

ordered policy_descriptor(const PolicyRule& policy) {
  ordered rule;
  rule["id"] = policy.id;
  rule["name"] = policy.id;
  rule["shortDescription"]["text"] = neutralize(policy.title);
  rule["fullDescription"]["text"] = neutralize(policy.message);
  std::string url = source_url(policy.source);
  if (!url.empty()) rule["helpUri"] = url;
  std::string help = policy.help.empty() ? policy.title : policy.help;
  if (!policy.source.empty()) help += "\n\nSource: " + policy.source;
  help += fmt::format("\nA policy of this project ({}); 'aksc explain {}' prints it.", policy.file,
                      policy.id);
  rule["help"]["text"] = neutralize(help);
  rule["help"]["markdown"] = fmt::format(
      "# {}: {}\n\n{}\n\nA policy of this project, in `{}`.\n\n## The policy as written\n\n"
      "```yaml\n{}```\n",
      policy.id, neutralize(policy.title), neutralize(help), neutralize(policy.file),
      neutralize_lines(policy.text));
  rule["defaultConfiguration"]["level"] = level(policy.severity);
  ordered& properties = rule["properties"];
  properties["tags"] = ordered::array({"policy"});
  properties["source"] = neutralize(policy.source);
  properties["documentation"] = neutralize(policy.file);
  return rule;
}

std::string result_text(const Finding& finding) {
  return finding.help.empty()
             ? neutralize(finding.message)
             : fmt::format("{}\nhelp: {}", neutralize(finding.message), neutralize(finding.help));
}

}  // namespace

void render_sarif(std::ostream& out, const std::vector<Finding>& findings,
                  const RunSummary& summary, const SarifContext& context) {
  ordered rules = ordered::array();
  std::map<std::string, int, std::less<>> rule_index;
  for (const RuleDoc& doc : rule_docs()) {
    rule_index[doc.id] = static_cast<int>(rules.size());
    rules.push_back(rule_descriptor(doc));
  }
  for (const PolicyRule& policy : context.policies) {
    if (rule_index.count(policy.id)) continue;
    rule_index[policy.id] = static_cast<int>(rules.size());
    rules.push_back(policy_descriptor(policy));
  }
  ordered results = ordered::array();
  for (const Finding& finding : findings) {
    if (!rule_index.count(finding.rule)) {  // every rule has a doc; never drop a finding
      rule_index[finding.rule] = static_cast<int>(rules.size());
      ordered rule;
      rule["id"] = finding.rule;
      rules.push_back(std::move(rule));
    }
    ordered result;
    result["ruleId"] = finding.rule;
    result["ruleIndex"] = rule_index[finding.rule];
    result["level"] = level(finding.severity);
    result["message"]["text"] = result_text(finding);
    ordered location;
    location["physicalLocation"] = physical_location(finding.location);
    result["locations"] = ordered::array({location});
    if (!finding.related.empty()) {
      ordered related = ordered::array();
      int id = 1;
      for (const RelatedLocation& place : finding.related) {
        ordered entry;
        entry["id"] = id++;
        entry["physicalLocation"] = physical_location(place.location);
        entry["message"]["text"] = neutralize(place.message);
        related.push_back(std::move(entry));
      }
      result["relatedLocations"] = std::move(related);
    }
    if (finding.suppressed_because) {
      // A `# aksc-ignore` comment, or an `ignore:` entry of aksc.yaml.
      ordered suppression;
      suppression["kind"] = finding.suppressed_in_source ? "inSource" : "external";
      suppression["status"] = "accepted";
      suppression["justification"] = neutralize(*finding.suppressed_because);
      result["suppressions"] = ordered::array({suppression});
    }
    results.push_back(std::move(result));
  }

  ordered driver;
  driver["name"] = "aksc";
  driver["fullName"] = "aksc, the policy-as-code linter for Azure ML inference clusters on AKS";
  driver["version"] = AKSC_VERSION;
  driver["semanticVersion"] = AKSC_VERSION;
  driver["rules"] = std::move(rules);

  ordered run;
  run["tool"]["driver"] = std::move(driver);
  ordered invocation;
  invocation["executionSuccessful"] = context.input_errors.empty();
  if (!context.input_errors.empty()) {
    ordered notifications = ordered::array();
    for (const std::string& error : context.input_errors) {
      ordered notification;
      notification["level"] = "error";
      notification["message"]["text"] = neutralize(error);
      notifications.push_back(std::move(notification));
    }
    invocation["toolExecutionNotifications"] = std::move(notifications);
  }
  run["invocations"] = ordered::array({invocation});
  if (!context.source_root.empty()) {
    std::string root = "file://" + percent_encode(context.source_root, kPathKeeps);
    if (root.back() != '/') root += '/';
    run["originalUriBaseIds"][kSourceRoot]["uri"] = root;
  }
  run["columnKind"] = "unicodeCodePoints";
  run["results"] = std::move(results);
  ordered& properties = run["properties"];
  properties["dataSnapshots"] = data_snapshots_json(context.data);
  properties["summary"] = summary_counts_json(summary);

  ordered log;
  log["$schema"] = kSchemaUri;
  log["version"] = "2.1.0";
  log["runs"] = ordered::array({run});
  out << log.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

}  // namespace aksc
