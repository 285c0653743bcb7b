#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/options.h"
#include "diag/render.h"
#include "driver/lint.h"

namespace aksc::cli {
namespace po = boost::program_options;

namespace {

Severity parse_fail_on(const std::string& text) {
  std::optional<Severity> severity = parse_severity(text);
  if (!severity) {
    throw UsageError{"--fail-on must be error, warning or note, not '" + text + "'"};
  }
  return *severity;
}

}  // namespace

int run_lint(const std::vector<std::string>& args) {
  po::options_description options("aksc lint options");
  options.add_options()("path", po::value<std::vector<std::string>>()->composing(),
                        "spec files and folders")(
      "format,f", po::value<std::string>()->default_value("text"), "output format: text or json")(
      "config,c", po::value<std::string>(), "use this aksc.yaml instead of searching upwards")(
      "fail-on", po::value<std::string>()->default_value("error"),
      "exit 1 when a finding is at or above this severity: error, warning or note")(
      "verbose,v", "say which files and documents were skipped, and why");
  po::variables_map values;
  if (!parse_options(args, "aksc lint [PATH...] [options]", options, values, "path")) {
    return kExitClean;
  }
  std::string format = values["format"].as<std::string>();
  if (format != "text" && format != "json") {
    throw UsageError{"--format must be text or json, not '" + format + "'"};
  }
  Severity fail_on = parse_fail_on(values["fail-on"].as<std::string>());

  LintRequest request;
  if (values.count("path")) request.paths = values["path"].as<std::vector<std::string>>();
  if (values.count("config")) request.config_path = values["config"].as<std::string>();
  LintResult result = run_lint(request);

  FindingCounts counts = count_findings(result.findings);
  RunSummary summary{result.files,  static_cast<int>(result.specs.size()),
                     counts.errors, counts.warnings,
                     counts.notes,  counts.suppressed};
  if (values.count("verbose")) {
    for (const std::string& note : result.notes)
      std::cerr << "aksc: " << note << "\n";
  }
  for (const std::string& error : result.input_errors)
    std::cerr << "aksc: error: " << error << "\n";
  if (format == "json") {
    render_json(std::cout, result.findings, summary, result.data);
  } else {
    render_text(std::cout, result.findings, result.sources, summary);
  }
  if (!result.input_errors.empty()) return kExitUsage;
  for (const Finding& finding : result.findings) {
    if (!finding.suppressed_because && finding.severity >= fail_on) return kExitFindings;
  }
  return kExitClean;
}

}  // namespace aksc::cli
