#include <iostream>

#include "cli/commands.h"
#include "cli/migrate_render.h"
#include "cli/options.h"
#include "diag/neutralize.h"
#include "driver/migrate.h"

namespace aksc::cli {
namespace po = boost::program_options;

namespace {

MigrateRequest parse_migrate_request(const po::variables_map& values) {
  MigrateRequest request;
  if (values.count("path")) request.paths = values["path"].as<std::vector<std::string>>();
  if (values.count("config")) request.config_path = values["config"].as<std::string>();
  request.in_place = values.count("in-place") > 0;
  request.check = values.count("check") > 0;
  request.partial = values.count("partial") > 0;
  bool out_dir = values.count("out-dir") > 0;
  if (out_dir && values["out-dir"].as<std::string>().empty())
    throw UsageError{"-o needs a folder: -o DIR"};
  if (out_dir) request.out_dir = values["out-dir"].as<std::string>();
  if (out_dir && request.in_place) throw UsageError{"give -o DIR or --in-place, not both"};
  if (request.check && (out_dir || request.in_place)) {
    throw UsageError{"--check writes nothing: leave out -o DIR and --in-place"};
  }
  if (!request.check && !out_dir && !request.in_place) {
    throw UsageError{
        "migrate needs -o DIR (write the migrated files below DIR) or --in-place "
        "(replace them), or --check"};
  }
  request.jobs = parse_jobs(values);
  request.max_file_size = parse_max_file_size(values);
  request.allowed_paths = parse_allow_paths(values);
  return request;
}

}  // namespace

int run_migrate(const std::vector<std::string>& args) {
  po::options_description options("aksc migrate options");
  options.add_options()("path", po::value<std::vector<std::string>>()->composing(),
                        "spec files and folders")(
      "out-dir,o", po::value<std::string>(),
      "write each migrated file below DIR, at its path relative to the current folder")(
      "in-place", "replace each migrated file (atomically)")(
      "check",
      "write nothing; exit 1 while any AksCompute spec remains (a CI gate for a migration)")(
      "partial", "write the specs that migrate even when others cannot (exit code still 1)")(
      "format,f", po::value<std::string>()->default_value("text"), "text or json")(
      "config,c", po::value<std::string>(), "use this aksc.yaml instead of searching upwards");
  add_jobs_option(options);
  add_max_file_size_option(options);
  add_allow_path_option(options);
  po::variables_map values;
  if (!parse_options(args,
                     "aksc migrate [PATH...] (-o DIR | --in-place | --check) [--partial] [options]",
                     options, values, "path")) {
    return kExitClean;
  }
  std::string format = values["format"].as<std::string>();
  if (format != "text" && format != "json")
    throw UsageError{"--format must be text or json, not '" + format + "'"};
  MigrateRequest request = parse_migrate_request(values);
  MigrateResult result = aksc::run_migrate(request);

  for (const std::string& error : result.input_errors)
    std::cerr << "aksc: error: " << neutralize(error) << "\n";
  for (const std::string& error : result.errors)
    std::cerr << "aksc: error: " << neutralize(error) << "\n";
  if (format == "json") {
    render_migrate_json(std::cout, request, result);
  } else {
    render_migrate_text(std::cout, request, result);
  }
  if (!result.input_errors.empty() || !result.errors.empty()) return kExitUsage;
  if (result.refused() > 0) return kExitFindings;
  if (request.check && !result.specs.empty()) return kExitFindings;
  return kExitClean;
}

}  // namespace aksc::cli
