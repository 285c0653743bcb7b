#include "driver/suppressions.h"

#include <algorithm>

#include <fmt/format.h>

#include "diag/spellcheck.h"
#include "diag/text_util.h"
#include "frontend/config.h"
#include "frontend/visible_text.h"
#include "frontend/yaml_comments.h"
#include "rules/rule.h"

namespace aksc {
namespace {

constexpr std::string_view kDirective = "aksc-ignore";
constexpr std::string_view kFileDirective = "aksc-ignore-file";

std::vector<std::string> known_rule_ids() {
  std::vector<std::string> ids;
  for (const RuleEntry& rule : rule_registry())
    ids.emplace_back(rule.id);
  return ids;
}

// Reads the comment whose '#' is at `offset`, when it is a suppression: adds it to
// `suppressions`, or reports why it suppresses nothing.
void read_suppression(const SourceFile& source, std::size_t offset, FindingSink& sink,
                      const PolicySet* policies, std::vector<InlineSuppression>& suppressions) {
  std::string_view text = std::string_view(source.text()).substr(offset + 1);
  // To the end of the line; a lone '\r' ends a line for the parser, not for the line index.
  std::string_view comment = trim(text.substr(0, text.find_first_of("\r\n")));
  InlineSuppression suppression;
  if (comment.substr(0, kFileDirective.size()) == kFileDirective) {
    suppression.whole_file = true;
    comment.remove_prefix(kFileDirective.size());
  } else if (comment.substr(0, kDirective.size()) == kDirective) {
    comment.remove_prefix(kDirective.size());
  } else {
    return;
  }
  if (!comment.empty() && comment[0] != ' ' && comment[0] != '\t' && comment[0] != ':') return;
  SourcePosition hash = source.position_of(offset);
  suppression.line = hash.line;
  SourceRange range{hash, {hash.line, static_cast<int>(utf8_length(source.line(hash.line))) + 1}};
  std::size_t colon = comment.find(':');
  std::string_view ids = trim(comment.substr(0, colon));
  if (colon != std::string_view::npos) suppression.reason = trim(comment.substr(colon + 1));
  bool valid = true;
  while (!ids.empty()) {
    std::size_t separator = ids.find_first_of(", \t");
    std::string id(trim(ids.substr(0, separator)));
    ids = separator == std::string_view::npos ? std::string_view() : ids.substr(separator + 1);
    if (id.empty()) continue;
    if (is_policy_id(id)) {
      if (policies && !policies->find(id)) {
        sink.report("AKS005", source.path(), range,
                    fmt::format("suppression names '{}', which is no policy of this project", id),
                    "see 'aksc rules' for the project's policies and aksc's rules");
        valid = false;
      }
    } else if (!is_known_rule(id)) {
      sink.report("AKS005", source.path(), range,
                  fmt::format("suppression names '{}', which is not an aksc rule{}", id,
                              did_you_mean(id, known_rule_ids())),
                  "see 'aksc rules' for the list of rule IDs");
      valid = false;
    } else if (is_fixed_rule(id)) {
      sink.report("AKS005", source.path(), range,
                  fmt::format("{} findings cannot be suppressed, so this suppression suppresses "
                              "nothing",
                              id),
                  fmt::format("remove {} from the comment and fix what it reports", id));
      valid = false;
    }
    suppression.rules.push_back(std::move(id));
  }
  if (suppression.rules.empty()) {
    sink.report("AKS005", source.path(), range, "suppression names no rule",
                fmt::format("write '# {} AKSnnn: reason'",
                            suppression.whole_file ? kFileDirective : kDirective));
    return;
  }
  if (suppression.reason.empty()) {
    sink.report("AKS005", source.path(), range,
                "suppression has no reason, so it suppresses nothing",
                "say why after a colon: '# aksc-ignore " + suppression.rules.front() + ": reason'");
    return;
  }
  if (!has_visible_character(suppression.reason)) {
    sink.report("AKS005", source.path(), range,
                fmt::format("suppression's reason has no visible character (only {}), so it "
                            "suppresses nothing",
                            code_points(suppression.reason)),
                "say why in words after the colon: '# aksc-ignore " + suppression.rules.front() +
                    ": reason'");
    return;
  }
  if (valid) suppressions.push_back(std::move(suppression));
}

}  // namespace

std::vector<InlineSuppression> scan_suppressions(const SourceFile& source, FindingSink& sink,
                                                 const PolicySet* policies) {
  std::vector<InlineSuppression> suppressions;
  if (source.text().find(kDirective) == std::string::npos) return suppressions;
  // Only comments count: the same text in a value (a block scalar, a quoted string over several
  // lines) is data, and reads as data to whoever reviews the spec.
  visit_yaml_comments(source.text(), [&](const YamlComment& comment) {
    // `"a"#b`: yaml-cpp skips the '#', YAML calls it no comment.
    if (comment.separated) read_suppression(source, comment.offset, sink, policies, suppressions);
  });
  return suppressions;
}

const InlineSuppression* find_inline_suppression(const std::vector<InlineSuppression>& suppressions,
                                                 const Finding& finding) {
  int line = finding.location.range.begin.line;
  for (const InlineSuppression& suppression : suppressions) {
    bool covers =
        suppression.whole_file || suppression.line == line || suppression.line == line - 1;
    if (covers && std::find(suppression.rules.begin(), suppression.rules.end(), finding.rule) !=
                      suppression.rules.end()) {
      return &suppression;
    }
  }
  return nullptr;
}

}  // namespace aksc
