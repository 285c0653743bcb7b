#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/options.h"
#include "diag/spellcheck.h"
#include "diag/text_util.h"
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

}  // namespace

int run_rules(const std::vector<std::string>& args) {
  po::options_description options("aksc rules options");
  options.add_options()("format,f", po::value<std::string>()->default_value("text"),
                        "text (one line per rule) or markdown (the whole catalog, docs/rules.md)");
  po::variables_map values;
  if (!parse_options(args, "aksc rules [--format text|markdown]", options, values)) {
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
  return kExitClean;
}

int run_explain(const std::vector<std::string>& args) {
  po::options_description options("aksc explain options");
  options.add_options()("rule", po::value<std::vector<std::string>>(), "rule ID or slug");
  po::variables_map values;
  if (!parse_options(args, "aksc explain ID", options, values, "rule")) return kExitClean;
  if (!values.count("rule"))
    throw UsageError{"explain needs a rule ID, e.g. 'aksc explain AKS101'"};
  int status = kExitClean;
  for (const std::string& wanted : values["rule"].as<std::vector<std::string>>()) {
    const RuleDoc* found = nullptr;
    for (const RuleDoc& doc : rule_docs()) {
      if (iequals(doc.id, wanted) || iequals(doc.slug, wanted)) found = &doc;
    }
    if (!found) {
      std::vector<std::string> names;
      for (const RuleDoc& doc : rule_docs()) {
        names.push_back(doc.id);
        names.push_back(doc.slug);
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
