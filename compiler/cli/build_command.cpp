#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/options.h"
#include "diag/neutralize.h"
#include "driver/build.h"

namespace aksc::cli {
namespace po = boost::program_options;

namespace {

BuildRequest parse_request(const po::variables_map& values) {
  BuildRequest request;
  if (values.count("path")) request.paths = values["path"].as<std::vector<std::string>>();
  if (values.count("config")) request.config_path = values["config"].as<std::string>();
  if (!values.count("out-dir") || values["out-dir"].as<std::string>().empty()) {
    throw UsageError{"build needs an output folder: -o OUTDIR"};
  }
  request.out_dir = values["out-dir"].as<std::string>();
  std::string target = values["target"].as<std::string>();
  std::optional<Target> parsed = parse_target(target);
  if (!parsed) throw UsageError{"--target must be arm, az, cli or all, not '" + target + "'"};
  request.target = *parsed;
  request.check = values.count("check") > 0;
  request.jobs = parse_jobs(values);
  request.max_file_size = parse_max_file_size(values);
  request.allowed_paths = parse_allow_paths(values);
  return request;
}

void print_summary(const BuildRequest& request, const BuildResult& result) {
  std::size_t files = result.plan.files.size();
  if (request.check) {
    for (const std::string& line : result.stale)
      std::cout << neutralize(line) << "\n";
    std::cout << fmt::format("{} of {} files in {} are up to date\n", result.unchanged.size(),
                             files, request.out_dir.generic_string());
    return;
  }
  for (const std::string& path : result.written)
    std::cout << "wrote " << neutralize(path) << "\n";
  std::cout << fmt::format("built {} compute{} into {}: {} files written, {} unchanged\n",
                           result.plan.built.size(), result.plan.built.size() == 1 ? "" : "s",
                           request.out_dir.generic_string(), result.written.size(),
                           result.unchanged.size());
}

}  // namespace

int run_build(const std::vector<std::string>& args) {
  po::options_description options("aksc build options");
  options.add_options()("path", po::value<std::vector<std::string>>()->composing(),
                        "spec files and folders")(
      "out-dir,o", po::value<std::string>(),
      "write the artifacts under OUTDIR/<workspace>/<name>/")(
      "target,t", po::value<std::string>()->default_value("all"),
      "which artifacts: arm (azuredeploy.json and its parameters), az (deploy.sh), cli "
      "(KubernetesCompute: compute.yml and instance-types.yaml) or all")(
      "check", "write nothing; exit 1 when OUTDIR does not hold exactly what the specs build")(
      "config,c", po::value<std::string>(), "use this aksc.yaml instead of searching upwards")(
      "verbose,v", "say which files and documents were skipped, and why");
  add_jobs_option(options);
  add_max_file_size_option(options);
  add_allow_path_option(options);
  po::variables_map values;
  if (!parse_options(args, "aksc build [PATH...] -o OUTDIR [options]", options, values, "path")) {
    return kExitClean;
  }
  BuildRequest request = parse_request(values);
  BuildResult result = aksc::run_build(request);

  if (values.count("verbose")) {
    for (const std::string& note : result.lint.notes)
      std::cerr << "aksc: " << neutralize(note) << "\n";
  }
  // Notes, errors and refusals name input files and quote spec values.
  for (const std::string& note : result.plan.notes)
    std::cerr << "aksc: note: " << neutralize(note) << "\n";
  for (const std::string& error : result.lint.input_errors)
    std::cerr << "aksc: error: " << neutralize(error) << "\n";
  for (const std::string& refusal : result.plan.refusals)
    std::cerr << "aksc: error: " << neutralize(refusal) << "\n";
  for (const std::string& error : result.errors)
    std::cerr << "aksc: error: " << neutralize(error) << "\n";
  if (result.errors.empty()) print_summary(request, result);

  if (!result.errors.empty() || !result.lint.input_errors.empty()) return kExitUsage;
  if (!result.plan.refusals.empty() || !result.stale.empty()) return kExitFindings;
  return kExitClean;
}

}  // namespace aksc::cli
