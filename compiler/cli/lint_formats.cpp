// The output formats of `aksc lint`: one table that --help, the check of --format and the
// choice of renderer read, so that a format is added in one place.
#include "cli/lint_formats.h"

#include <filesystem>

#include "cli/commands.h"
#include "driver/lint.h"

namespace aksc::cli {
namespace {

std::vector<SpecEntry> spec_entries(const LintResult& result) {
  std::vector<SpecEntry> entries;
  for (const ir::Spec& spec : result.specs) {
    std::string name = spec.name.usable() ? spec.name.value : "";
    entries.push_back({spec.file, spec.document, spec.range.begin.line, name});
  }
  return entries;
}

void print_text(std::ostream& out, const LintReport& report) {
  render_text(out, report.result.findings, report.result.sources, report.summary, report.style);
}

void print_json(std::ostream& out, const LintReport& report) {
  render_json(out, report.result.findings, report.summary, report.result.data);
}

void print_sarif(std::ostream& out, const LintReport& report) {
  const LintResult& result = report.result;
  std::error_code error;
  std::filesystem::path root = std::filesystem::current_path(error);
  SarifContext context{error ? "" : root.string(), result.data, result.input_errors, {}};
  for (const Policy& policy : result.policies) {
    context.policies.push_back({policy.id, policy.title, policy.message, policy.help, policy.source,
                                policy.file, policy.text, policy.severity});
  }
  render_sarif(out, result.findings, report.summary, context);
}

void print_junit(std::ostream& out, const LintReport& report) {
  render_junit(out, report.result.findings, spec_entries(report.result), report.fail_on);
}

void print_github(std::ostream& out, const LintReport& report) {
  render_github(out, report.result.findings, report.summary, report.style.quiet);
}

// "a, b, c or d", each name followed by " (gloss)" when `glosses` and it has one.
std::string list_formats(bool glosses) {
  std::string list;
  auto formats = lint_formats();
  for (std::size_t i = 0; i < formats.size(); ++i) {
    if (i > 0) list += i + 1 == formats.size() ? " or " : ", ";
    list += formats[i].name;
    if (glosses && !formats[i].gloss.empty()) {
      list += " (";
      list += formats[i].gloss;
      list += ")";
    }
  }
  return list;
}

}  // namespace

std::span<const LintFormat> lint_formats() {
  static constexpr LintFormat kFormats[] = {
      {.name = "text", .gloss = "", .render = print_text},
      {.name = "json", .gloss = "", .render = print_json},
      {.name = "sarif", .gloss = "SARIF 2.1.0", .render = print_sarif},
      {.name = "junit", .gloss = "JUnit XML", .render = print_junit},
      {.name = "github", .gloss = "GitHub Actions workflow commands", .render = print_github},
  };
  return kFormats;
}

const LintFormat& lint_format(std::string_view name) {
  for (const LintFormat& format : lint_formats()) {
    if (format.name == name) return format;
  }
  throw UsageError{"--format must be " + list_formats(false) + ", not '" + std::string(name) + "'"};
}

std::string lint_format_help() {
  return "output format: " + list_formats(true);
}

}  // namespace aksc::cli
