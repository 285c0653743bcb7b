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

int run_rules(const std::vector<std::string>& args) {
  po::options_description options("aksc rules options");
  po::variables_map values;
  if (!parse_options(args, "aksc rules", options, values)) return kExitClean;
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
