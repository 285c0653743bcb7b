#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "diag/severity.h"

namespace aksc {

/// A rule's metadata and documentation, parsed from its embedded `rules/AKSnnn-slug.md`
/// (front matter: id, slug, severity, source, tags), so the docs and the code cannot drift.
struct RuleDoc {
  std::string id;
  std::string slug;
  Severity severity = Severity::kError;
  std::string source;
  std::vector<std::string> tags;
  std::string title;      ///< The text of the first heading, after "AKSnnn slug: ".
  std::string_view file;  ///< "rules/AKS101-name-missing.md".
  std::string_view markdown;
};

/// Parses a rule document; throws std::runtime_error naming the problem when it is malformed.
/// `file` and `markdown` are viewed, not copied (the embedded docs live as long as the process):
/// the fifty documents are 150 KB, which every run would otherwise copy to settle severities.
RuleDoc parse_rule_doc(std::string_view file, std::string_view markdown);

/// Every embedded rule doc, sorted by ID; parsed once.
const std::vector<RuleDoc>& rule_docs();
/// The doc of rule `id` (exact ID, e.g. "AKS101"), or nullptr.
const RuleDoc* find_rule_doc(std::string_view id);

/// The fenced code blocks after the "## Bad" and "## Good" headings of a rule doc.
std::vector<std::string> example_blocks(std::string_view markdown, std::string_view heading);

}  // namespace aksc
