#include "cli/options.h"

#include <iostream>

#include "cli/commands.h"

namespace aksc::cli {
namespace po = boost::program_options;

bool parse_options(const std::vector<std::string>& args, const std::string& usage,
                   po::options_description& options, po::variables_map& values,
                   const char* positional_name) {
  options.add_options()("help,h", "show this help");
  po::positional_options_description positional;
  if (positional_name) positional.add(positional_name, -1);
  try {
    po::store(po::command_line_parser(args).options(options).positional(positional).run(), values);
    po::notify(values);
  } catch (const po::error& error) {
    throw UsageError{error.what()};
  }
  if (values.count("help")) {
    std::cout << "usage: " << usage << "\n\n" << options;
    return false;
  }
  return true;
}

}  // namespace aksc::cli
