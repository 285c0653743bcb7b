#include <iostream>

#include "catalog/embedded_files.h"
#include "cli/commands.h"
#include "cli/options.h"

namespace aksc::cli {
namespace po = boost::program_options;

int run_schema(const std::vector<std::string>& args) {
  po::options_description options("aksc schema options");
  options.add_options()("which", po::value<std::string>()->default_value("spec"),
                        "spec (default), config, inventory or policy");
  po::variables_map values;
  if (!parse_options(args, "aksc schema [spec|config|inventory|policy]", options, values,
                     "which")) {
    return kExitClean;
  }
  std::string which = values["which"].as<std::string>();
  if (which != "spec" && which != "config" && which != "inventory" && which != "policy") {
    throw UsageError{"schema must be spec, config, inventory or policy, not '" + which + "'"};
  }
  std::optional<std::string_view> text = embedded_file("schemas/aksc-" + which + ".schema.json");
  if (!text) throw std::logic_error("schema not embedded: " + which);
  std::cout << *text;
  return kExitClean;
}

}  // namespace aksc::cli
