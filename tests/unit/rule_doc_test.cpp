// Rule docs: the front matter and title that aksc reads from every embedded rules/AKSnnn-*.md.
#include <catch2/catch.hpp>

#include <string>

#include "rules/rule_doc.h"

using aksc::parse_rule_doc;
using aksc::RuleDoc;

namespace {

const char* kDoc =
    "---\n"
    "id: AKS999\n"
    "slug: example-rule\n"
    "severity: warning\n"
    "source: https://learn.microsoft.com/example\n"
    "tags: [names, sizing]\n"
    "---\n"
    "\n"
    "# AKS999 example-rule: An example title\n"
    "\n"
    "## Bad\n"
    "```yaml\nname: x\n```\n";

}  // namespace

TEST_CASE("a rule doc's front matter and title are read, the text is viewed") {
  std::string text = kDoc;
  RuleDoc doc = parse_rule_doc("rules/AKS999-example-rule.md", text);
  CHECK(doc.id == "AKS999");
  CHECK(doc.slug == "example-rule");
  CHECK(doc.severity == aksc::Severity::kWarning);
  CHECK(doc.source == "https://learn.microsoft.com/example");
  CHECK(doc.tags == std::vector<std::string>{"names", "sizing"});
  CHECK(doc.title == "An example title");
  CHECK(doc.file == "rules/AKS999-example-rule.md");
  CHECK(doc.markdown.data() == text.data());
  CHECK(aksc::example_blocks(doc.markdown, "Bad") == std::vector<std::string>{"name: x\n"});
}

TEST_CASE("a malformed rule doc is refused with the reason") {
  auto parse = [](const std::string& text) { parse_rule_doc("rules/AKS999-x.md", text); };
  std::string doc = kDoc;
  CHECK_THROWS_WITH(parse("# no front matter\n"), "rules/AKS999-x.md: missing front matter");
  CHECK_THROWS_WITH(parse(""), "rules/AKS999-x.md: missing front matter");
  CHECK_THROWS_WITH(parse("---\nid AKS999\n---\n# t\n"),
                    "rules/AKS999-x.md: bad front matter line: id AKS999");
  CHECK_THROWS_WITH(parse("---\nseverity: fatal\n---\n"), "rules/AKS999-x.md: bad severity: fatal");
  CHECK_THROWS_WITH(parse("---\nid: AKS999\n"), "rules/AKS999-x.md: unterminated front matter");
  std::string untitled = doc.substr(0, doc.find("# AKS999"));
  CHECK_THROWS_WITH(parse(untitled),
                    "rules/AKS999-x.md: front matter needs id, slug, severity, "
                    "source and a '# ' title");
}
