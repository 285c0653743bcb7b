#pragma once

#include <string>
#include <vector>

#include <boost/program_options.hpp>

namespace aksc::cli {

/// Parses `args` against `options` (plus `--help`) and optional positionals named
/// `positional_name`. Throws UsageError on unknown or malformed options. Returns false when
/// --help was given (after printing `usage` and the options to stdout).
bool parse_options(const std::vector<std::string>& args, const std::string& usage,
                   boost::program_options::options_description& options,
                   boost::program_options::variables_map& values,
                   const char* positional_name = nullptr);

}  // namespace aksc::cli
