#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "cli/commands.h"
#include "cli/lint_formats.h"
#include "cli/options.h"
#include "diag/neutralize.h"
#include "diag/render.h"
#include "driver/lint.h"
#include "support/keep_until_exit.h"

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

}  // namespace

int run_lint(const std::vector<std::string>& args) {
  po::options_description options("aksc lint options");
  options.add_options()("path", po::value<std::vector<std::string>>()->composing(),
                        "spec files and folders")(
      "format,f", po::value<std::string>()->default_value(std::string(lint_formats()[0].name)),
      lint_format_help().c_str())("config,c", po::value<std::string>(),
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
  const LintFormat& format = lint_format(values["format"].as<std::string>());
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
  const LintResult& result = keep_until_exit(run_lint(request));  // the command's last use

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
  format.render(std::cout, {result, summary, style, fail_on});
  if (!result.input_errors.empty()) return kExitUsage;
  for (const Finding& finding : result.findings) {
    if (!finding.suppressed_because && finding.severity >= fail_on) return kExitFindings;
  }
  return kExitClean;
}

}  // namespace aksc::cli
