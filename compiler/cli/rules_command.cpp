#include <algorithm>
#include <iostream>
#include <optional>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/options.h"
#include "diag/neutralize.h"
#include "diag/spellcheck.h"
#include "diag/text_util.h"
#include "driver/project_policies.h"
#include "frontend/input_error.h"
#include "frontend/read_source.h"
#include "ir/spelling.h"
#include "rules/rule.h"
#include "rules/rule_doc.h"

namespace aksc::cli {
namespace po = boost::program_options;

namespace {

// The doc without its front matter, headings one level deeper, for docs/rules.md.
std::string doc_body(const RuleDoc& doc) {
  std::string_view text = doc.markdown;
  std::size_t end = text.find("\n---", 3);
  text = end == std::string_view::npos ? text : text.substr(end + 4);
  std::string body;
  bool in_fence = false;
  while (!text.empty()) {
    std::string_view line = take_line(text);
    if (line.rfind("```", 0) == 0) in_fence = !in_fence;
    if (!in_fence && line.rfind("#", 0) == 0) body += "#";
    body += line;
    body += '\n';
  }
  return std::string(trim(body)) + "\n";
}

void print_markdown() {
  std::cout << "# aksc rules\n\n"
               "Generated from `rules/*.md` by `aksc rules --format markdown`; do not edit "
               "(`scripts/update-rules-doc.sh` rewrites it, a test keeps it in sync).\n\n"
               "| ID | slug | default | title | source |\n|---|---|---|---|---|\n";
  for (const RuleEntry& rule : rule_registry()) {
    const RuleDoc* doc = find_rule_doc(rule.id);
    if (!doc) continue;
    std::cout << fmt::format("| [{}](#{}) | {} | {} | {} | {} |\n", doc->id, to_lower(doc->id),
                             doc->slug, to_string(doc->severity), doc->title, doc->source);
  }
  for (const RuleEntry& rule : rule_registry()) {
    const RuleDoc* doc = find_rule_doc(rule.id);
    if (!doc) continue;
    std::cout << "\n<a id=\"" << to_lower(doc->id) << "\"></a>\n\n" << doc_body(*doc);
  }
}

// The project's policies (aksc.yaml's policies:) of the folder aksc runs in, or of --config.
ProjectPolicies policies_of_project(const po::variables_map& values) {
  std::optional<std::string> config;
  if (values.count("config")) config = values["config"].as<std::string>();
  try {
    return load_project_policies(config, ".", kDefaultMaxFileSize);
  } catch (const InputError& error) {
    throw UsageError{error.what()};
  }
}

// Problems with aksc.yaml or the policy files, on stderr; whether one is an error.
bool print_problems(const ProjectPolicies& project) {
  bool error = false;
  for (const Finding& finding : project.problems) {
    std::cerr << fmt::format("{}: {}: {} [{}]\n", neutral_position(finding.location),
                             to_string(finding.severity), neutralize(finding.message),
                             finding.rule);
    if (!finding.help.empty()) std::cerr << "  help: " << neutralize(finding.help) << "\n";
    error = error || finding.severity == Severity::kError;
  }
  return error;
}

std::string applies_to_text(const Policy& policy) {
  std::string kinds, modes;
  for (ir::Kind kind : policy.kinds)
    kinds += (kinds.empty() ? "" : ", ") + std::string(ir::to_string(kind));
  for (ir::Mode mode : policy.modes)
    modes += (modes.empty() ? "" : ", ") + std::string(ir::to_string(mode));
  return fmt::format("kinds {}; modes {}", kinds.empty() ? "all" : kinds,
                     modes.empty() ? "all" : modes);
}

void print_policy(const Policy& policy, const std::string& config_file) {
  std::cout << fmt::format("# {}: {}\n\n", policy.id, neutralize(policy.title))
            << fmt::format("A policy of this project ({}), in {}:{}.\n\n", neutralize(config_file),
                           neutralize(policy.file), policy.range.begin.line)
            << fmt::format("- severity: {}\n- applies to: {}\n- message: {}\n",
                           to_string(policy.severity), applies_to_text(policy),
                           neutralize(policy.message));
  if (!policy.help.empty()) std::cout << "- help: " << neutralize(policy.help) << "\n";
  if (!policy.source.empty()) std::cout << "- source: " << neutralize(policy.source) << "\n";
  std::cout << "\n## The policy as written\n\n```yaml\n"
            << neutralize_lines(policy.text) << "```\n";
}

}  // namespace

int run_rules(const std::vector<std::string>& args) {
  po::options_description options("aksc rules options");
  options.add_options()("format,f", po::value<std::string>()->default_value("text"),
                        "text (one line per rule, then the project's policies) or markdown (aksc's "
                        "rules: the whole catalog, docs/rules.md)")(
      "config,c", po::value<std::string>(),
      "aksc.yaml whose policies to list, instead of the nearest one");
  po::variables_map values;
  if (!parse_options(args, "aksc rules [--format text|markdown] [--config FILE]", options,
                     values)) {
    return kExitClean;
  }
  std::string format = values["format"].as<std::string>();
  if (format == "markdown") {
    print_markdown();
    return kExitClean;
  }
  if (format != "text") throw UsageError{"--format must be text or markdown, not '" + format + "'"};
  for (const RuleEntry& rule : rule_registry()) {
    const RuleDoc* doc = find_rule_doc(rule.id);
    if (!doc) continue;  // the meta-test guarantees every rule has a doc
    std::cout << fmt::format("{}  {:<8} {:<26} {}\n", doc->id, to_string(doc->severity), doc->slug,
                             doc->title);
  }
  ProjectPolicies project = policies_of_project(values);
  if (!project.policies.empty()) {
    std::cout << fmt::format("\npolicies of {}:\n", neutralize(project.config_file));
    std::size_t id_width = 0, place_width = 0;  // columns line up behind the longest
    std::vector<std::string> places;
    for (const Policy& policy : project.policies) {
      places.push_back(fmt::format("{}:{}", neutralize(policy.file), policy.range.begin.line));
      id_width = std::max(id_width, policy.id.size());
      place_width = std::max(place_width, places.back().size());
    }
    for (std::size_t i = 0; i < project.policies.size(); ++i) {
      const Policy& policy = project.policies[i];
      std::cout << fmt::format("{:<{}}  {:<8} {:<{}}  {}\n", policy.id, id_width,
                               to_string(policy.severity), places[i], place_width,
                               neutralize(policy.title));
    }
  }
  return print_problems(project) ? kExitFindings : kExitClean;
}

int run_explain(const std::vector<std::string>& args) {
  po::options_description options("aksc explain options");
  options.add_options()("rule", po::value<std::vector<std::string>>(),
                        "rule ID or slug, or a policy ID of the project")(
      "config,c", po::value<std::string>(),
      "aksc.yaml whose policies to look in, instead of the nearest one");
  po::variables_map values;
  if (!parse_options(args, "aksc explain ID [--config FILE]", options, values, "rule"))
    return kExitClean;
  std::optional<ProjectPolicies> project;
  if (!values.count("rule"))
    throw UsageError{"explain needs a rule ID, e.g. 'aksc explain AKS101'"};
  int status = kExitClean;
  for (const std::string& wanted : values["rule"].as<std::vector<std::string>>()) {
    const RuleDoc* found = nullptr;
    for (const RuleDoc& doc : rule_docs()) {
      if (iequals(doc.id, wanted) || iequals(doc.slug, wanted)) found = &doc;
    }
    if (!found && is_policy_id(wanted)) {
      if (!project) project = policies_of_project(values);
      auto policy = std::find_if(project->policies.begin(), project->policies.end(),
                                 [&](const Policy& p) { return p.id == wanted; });
      if (policy != project->policies.end()) {
        print_policy(*policy, project->config_file);
        continue;
      }
    }
    if (!found) {
      std::vector<std::string> names;
      for (const RuleDoc& doc : rule_docs()) {
        names.push_back(doc.id);
        names.push_back(doc.slug);
      }
      if (project) {
        for (const Policy& policy : project->policies)
          names.push_back(policy.id);
      }
      std::cerr << fmt::format("aksc: error: no rule '{}'{}; 'aksc rules' lists them\n", wanted,
                               did_you_mean(wanted, names));
      status = kExitUsage;
      continue;
    }
    std::cout << found->markdown;
  }
  return status;
}

}  // namespace aksc::cli
