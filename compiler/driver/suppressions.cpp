#include "driver/suppressions.h"

#include <algorithm>

#include <fmt/format.h>

#include "diag/spellcheck.h"
#include "diag/text_util.h"
#include "rules/rule.h"

namespace aksc {
namespace {

constexpr std::string_view kDirective = "aksc-ignore";
constexpr std::string_view kFileDirective = "aksc-ignore-file";

// The offset of the '#' that starts a comment on `line`, skipping '#' inside quotes.
std::size_t comment_start(std::string_view line) {
  char quote = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quote) {
      if (quote == '"' && c == '\\') {
        ++i;  // an escaped character, such as \"
      } else if (quote == '\'' && c == '\'' && i + 1 < line.size() && line[i + 1] == '\'') {
        ++i;  // '' is a quote inside single quotes
      } else if (c == quote) {
        quote = 0;
      }
    } else if (c == '"' || c == '\'') {
      if (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t' || line[i - 1] == ':' ||
          line[i - 1] == '[' || line[i - 1] == '{' || line[i - 1] == ',' || line[i - 1] == '-') {
        quote = c;
      }
    } else if (c == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
      return i;
    }
  }
  return std::string_view::npos;
}

std::vector<std::string> known_rule_ids() {
  std::vector<std::string> ids;
  for (const RuleEntry& rule : rule_registry())
    ids.emplace_back(rule.id);
  return ids;
}

}  // namespace

std::vector<InlineSuppression> scan_suppressions(const SourceFile& source, FindingSink& sink) {
  std::vector<InlineSuppression> suppressions;
  if (source.text().find(kDirective) == std::string::npos) return suppressions;
  for (int number = 1; number <= source.line_count(); ++number) {
    std::string_view line = source.line(number);
    std::size_t hash = comment_start(line);
    if (hash == std::string_view::npos) continue;
    std::string_view comment = trim(line.substr(hash + 1));
    InlineSuppression suppression;
    suppression.line = number;
    if (comment.substr(0, kFileDirective.size()) == kFileDirective) {
      suppression.whole_file = true;
      comment.remove_prefix(kFileDirective.size());
    } else if (comment.substr(0, kDirective.size()) == kDirective) {
      comment.remove_prefix(kDirective.size());
    } else {
      continue;
    }
    if (!comment.empty() && comment[0] != ' ' && comment[0] != '\t' && comment[0] != ':') continue;
    int column = static_cast<int>(utf8_length(line.substr(0, hash))) + 1;
    SourceRange range{{number, column}, {number, static_cast<int>(utf8_length(line)) + 1}};
    std::size_t colon = comment.find(':');
    std::string_view ids = trim(comment.substr(0, colon));
    if (colon != std::string_view::npos) suppression.reason = trim(comment.substr(colon + 1));
    bool valid = true;
    while (!ids.empty()) {
      std::size_t separator = ids.find_first_of(", \t");
      std::string id(trim(ids.substr(0, separator)));
      ids = separator == std::string_view::npos ? std::string_view() : ids.substr(separator + 1);
      if (id.empty()) continue;
      if (!is_known_rule(id)) {
        sink.report("AKS005", source.path(), range,
                    fmt::format("suppression names '{}', which is not an aksc rule{}", id,
                                did_you_mean(id, known_rule_ids())),
                    "see 'aksc rules' for the list of rule IDs");
        valid = false;
      }
      suppression.rules.push_back(std::move(id));
    }
    if (suppression.rules.empty()) {
      sink.report("AKS005", source.path(), range, "suppression names no rule",
                  fmt::format("write '# {} AKSnnn: reason'",
                              suppression.whole_file ? kFileDirective : kDirective));
      continue;
    }
    if (suppression.reason.empty()) {
      sink.report(
          "AKS005", source.path(), range, "suppression has no reason, so it suppresses nothing",
          "say why after a colon: '# aksc-ignore " + suppression.rules.front() + ": reason'");
      continue;
    }
    if (valid) suppressions.push_back(std::move(suppression));
  }
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
