#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <memory>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/options.h"
#include "diag/neutralize.h"
#include "diag/render.h"
#include "driver/lint.h"
#include "driver/suppressions.h"

namespace aksc::cli {
namespace po = boost::program_options;

namespace {

constexpr std::string_view kFormats[] = {"text", "json", "sarif", "junit", "github"};

Severity parse_fail_on(const std::string& text) {
  std::optional<Severity> severity = parse_severity(text);
  if (!severity) {
    throw UsageError{"--fail-on must be error, warning or note, not '" + text + "'"};
  }
  return *severity;
}

// --color: never, always, or auto = stdout is a terminal, TERM is not "dumb" and NO_COLOR
// (https://no-color.org) is unset or empty. An explicit --color wins over NO_COLOR.
bool use_color(const std::string& when) {
  if (when == "never") return false;
  if (when == "always") return true;
  if (when != "auto") {
    throw UsageError{"--color must be never, always or auto, not '" + when + "'"};
  }
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  const char* term = std::getenv("TERM");
  if (!term || std::string_view(term) == "dumb") return false;
  return isatty(STDOUT_FILENO) == 1;
}

// Whether a suppressed finding was suppressed by a comment in its file (SARIF "inSource") or
// by aksc.yaml (SARIF "external"): the comments are read again, as the driver read them.
std::function<SuppressionKind(const Finding&)> suppression_kinds(const LintResult& result) {
  auto scanned = std::make_shared<std::map<std::string, std::vector<InlineSuppression>>>();
  return [&result, scanned](const Finding& finding) {
    auto source = result.sources.find(finding.location.file);
    if (source == result.sources.end()) return SuppressionKind::kExternal;
    auto found = scanned->find(finding.location.file);
    if (found == scanned->end()) {
      FindingSink ignored;
      found = scanned->emplace(finding.location.file, scan_suppressions(*source->second, ignored))
                  .first;
    }
    return find_inline_suppression(found->second, finding) ? SuppressionKind::kInSource
                                                           : SuppressionKind::kExternal;
  };
}

std::vector<SpecEntry> spec_entries(const LintResult& result) {
  std::vector<SpecEntry> entries;
  for (const ir::Spec& spec : result.specs) {
    std::string name = spec.name.usable() ? spec.name.value : "";
    entries.push_back({spec.file, spec.document, spec.range.begin.line, name});
  }
  return entries;
}

}  // namespace

int run_lint(const std::vector<std::string>& args) {
  po::options_description options("aksc lint options");
  options.add_options()("path", po::value<std::vector<std::string>>()->composing(),
                        "spec files and folders")(
      "format,f", po::value<std::string>()->default_value("text"),
      "output format: text, json, sarif (SARIF 2.1.0), junit (JUnit XML) or github (GitHub "
      "Actions workflow commands)")("config,c", po::value<std::string>(),
                                    "use this aksc.yaml instead of searching upwards")(
      "fail-on", po::value<std::string>()->default_value("error"),
      "exit 1 when a finding is at or above this severity: error, warning or note")(
      "color", po::value<std::string>()->default_value("auto"),
      "colour the text format: never, always or auto (a terminal, TERM not dumb, NO_COLOR "
      "unset)")("quiet,q", "findings only: no summary line, no --verbose notes")(
      "specs-only",
      "skip named files that hold no aksc spec (or are not *.yaml or *.yml) instead of failing "
      "on them (for pre-commit, which passes every changed YAML file)")(
      "verbose,v",
      "say which files and documents were skipped, and why; list the suppressed findings");
  add_jobs_option(options);
  add_max_file_size_option(options);
  add_allow_path_option(options);
  po::variables_map values;
  if (!parse_options(args, "aksc lint [PATH...] [options]", options, values, "path")) {
    return kExitClean;
  }
  std::string format = values["format"].as<std::string>();
  if (std::find(std::begin(kFormats), std::end(kFormats), format) == std::end(kFormats)) {
    throw UsageError{"--format must be text, json, sarif, junit or github, not '" + format + "'"};
  }
  Severity fail_on = parse_fail_on(values["fail-on"].as<std::string>());
  TextStyle style{use_color(values["color"].as<std::string>()), values.count("quiet") > 0,
                  values.count("verbose") > 0};

  LintRequest request;
  if (values.count("path")) request.paths = values["path"].as<std::vector<std::string>>();
  if (values.count("config")) request.config_path = values["config"].as<std::string>();
  request.jobs = parse_jobs(values);
  request.max_file_size = parse_max_file_size(values);
  request.specs_only = values.count("specs-only") > 0;
  request.allowed_paths = parse_allow_paths(values);
  const LintResult result = run_lint(request);

  FindingCounts counts = count_findings(result.findings);
  RunSummary summary{result.files,        static_cast<int>(result.specs.size()),
                     counts.errors,       counts.warnings,
                     counts.notes,        counts.suppressed,
                     result.outside_links};
  if (values.count("verbose") && !style.quiet) {
    for (const std::string& note : result.notes)
      std::cerr << "aksc: " << neutralize(note) << "\n";
  }
  for (const std::string& error : result.input_errors)
    std::cerr << "aksc: error: " << neutralize(error) << "\n";
  if (format == "json") {
    render_json(std::cout, result.findings, summary, result.data);
  } else if (format == "sarif") {
    std::error_code error;
    std::filesystem::path root = std::filesystem::current_path(error);
    SarifContext context{error ? "" : root.string(), result.data, result.input_errors,
                         suppression_kinds(result)};
    render_sarif(std::cout, result.findings, summary, context);
  } else if (format == "junit") {
    render_junit(std::cout, result.findings, spec_entries(result), fail_on);
  } else if (format == "github") {
    render_github(std::cout, result.findings, summary, style.quiet);
  } else {
    render_text(std::cout, result.findings, result.sources, summary, style);
  }
  if (!result.input_errors.empty()) return kExitUsage;
  for (const Finding& finding : result.findings) {
    if (!finding.suppressed_because && finding.severity >= fail_on) return kExitFindings;
  }
  return kExitClean;
}

}  // namespace aksc::cli
