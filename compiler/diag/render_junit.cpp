#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "diag/neutralize.h"
#include "diag/render.h"
#include "diag/text_util.h"

namespace aksc {
namespace {

// XML 1.0 `Char`: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
bool xml_char(char32_t code) {
  return code == 0x9 || code == 0xA || code == 0xD || (code >= 0x20 && code <= 0xD7FF) ||
         (code >= 0xE000 && code <= 0xFFFD) || (code >= 0x10000 && code <= 0x10FFFF);
}

// Escapes markup characters and drops what XML 1.0 cannot hold (invalid UTF-8 becomes U+FFFD).
// In attributes, tabs and line breaks become character references so that attribute-value
// normalization keeps them.
std::string xml_escape(std::string_view text, bool attribute) {
  std::string out;
  for (std::size_t at = 0; at < text.size();) {
    char32_t code = next_code_point(text, at);
    if (!xml_char(code)) continue;
    switch (code) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += attribute ? "&quot;" : "\"";
        break;
      case '\t':
        out += attribute ? "&#9;" : "\t";
        break;
      case '\n':
        out += attribute ? "&#10;" : "\n";
        break;
      case '\r':
        out += "&#13;";
        break;
      default:
        append_utf8(out, code);
    }
  }
  return out;
}

std::string attr(std::string_view text) {
  return xml_escape(text, true);
}
std::string text(std::string_view text) {
  return xml_escape(text, false);
}

// The finding as the text renderer's first lines: position, severity, message, help, related.
std::string finding_text(const Finding& finding) {
  std::string out =
      fmt::format("{}: {}: {} [{}]\n", neutral_position(finding.location),
                  to_string(finding.severity), neutralize(finding.message), finding.rule);
  if (!finding.help.empty()) out += fmt::format("  help: {}\n", neutralize(finding.help));
  for (const RelatedLocation& related : finding.related)
    out += fmt::format("{}: note: {}\n", neutral_position(related.location),
                       neutralize(related.message));
  if (finding.suppressed_because)
    out += fmt::format("  suppressed: {}\n", neutralize(*finding.suppressed_because));
  return out;
}

struct TestCase {
  std::string name;
  std::vector<const Finding*> failures;
  std::string system_out;
};

struct Suite {
  std::vector<const SpecEntry*> specs;  // in document order
  std::vector<const Finding*> findings;
};

}  // namespace

void render_junit(std::ostream& out, const std::vector<Finding>& findings,
                  const std::vector<SpecEntry>& specs, Severity fail_on) {
  std::map<std::string, Suite> suites;
  for (const SpecEntry& spec : specs)
    suites[spec.file].specs.push_back(&spec);
  for (const Finding& finding : findings)
    suites[finding.location.file].findings.push_back(&finding);

  int total_tests = 0;
  int total_failures = 0;
  std::string body;
  for (auto& [file, suite] : suites) {
    std::stable_sort(
        suite.specs.begin(), suite.specs.end(),
        [](const SpecEntry* a, const SpecEntry* b) { return a->document < b->document; });
    std::map<std::string, int> name_uses;
    for (const SpecEntry* spec : suite.specs)
      ++name_uses[spec->name];
    std::vector<TestCase> cases;
    for (const SpecEntry* spec : suite.specs) {
      std::string document = fmt::format("document {}", spec->document + 1);
      std::string shown = neutralize(spec->name);
      std::string name = spec->name.empty()          ? document
                         : name_uses[spec->name] > 1 ? fmt::format("{} ({})", shown, document)
                                                     : shown;
      cases.push_back({name, {}, {}});
    }
    if (cases.empty()) cases.push_back({"(whole file)", {}, {}});
    // A spec owns the lines from its start to the next spec's; the first one also owns what
    // comes before it and findings without a position.
    for (const Finding* finding : suite.findings) {
      std::size_t owner = 0;
      int line = finding->location.range.begin.line;
      for (std::size_t i = 1; i < suite.specs.size(); ++i) {
        if (line > 0 && suite.specs[i]->line <= line) owner = i;
      }
      TestCase& test = cases[owner];
      if (!finding->suppressed_because && finding->severity >= fail_on) {
        test.failures.push_back(finding);
      } else {
        test.system_out += finding_text(*finding);
      }
    }
    int failed = 0;
    std::string suite_body;
    for (const TestCase& test : cases) {
      suite_body += fmt::format("    <testcase name=\"{}\" classname=\"{}\" time=\"0\"",
                                attr(test.name), attr(neutral_path(file)));
      if (test.failures.empty() && test.system_out.empty()) {
        suite_body += "/>\n";
        continue;
      }
      suite_body += ">\n";
      for (const Finding* finding : test.failures) {
        suite_body += fmt::format(
            "      <failure type=\"{}\" message=\"{}\">{}</failure>\n", attr(finding->rule),
            attr(fmt::format("{} [{}]", neutralize(finding->message), finding->rule)),
            text(finding_text(*finding)));
      }
      if (!test.system_out.empty())
        suite_body += fmt::format("      <system-out>{}</system-out>\n", text(test.system_out));
      suite_body += "    </testcase>\n";
      if (!test.failures.empty()) ++failed;
    }
    body += fmt::format(
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\" "
        "time=\"0\">\n{}  </testsuite>\n",
        attr(neutral_path(file)), cases.size(), failed, suite_body);
    total_tests += static_cast<int>(cases.size());
    total_failures += failed;
  }
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << fmt::format(
      "<testsuites name=\"aksc lint\" tests=\"{}\" failures=\"{}\" errors=\"0\" time=\"0\">\n{}"
      "</testsuites>\n",
      total_tests, total_failures, body);
}

}  // namespace aksc
