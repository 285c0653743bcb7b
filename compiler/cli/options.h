#pragma once

#include <cstdint>
#include <filesystem>
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

/// Adds `--jobs/-j N`: how many files to load and check at once.
void add_jobs_option(boost::program_options::options_description& options);

/// The --jobs value: 0 (all hardware threads) when absent. Throws UsageError unless it is a
/// whole number from 1 to 1024.
unsigned parse_jobs(const boost::program_options::variables_map& values);

/// Adds `--max-file-size SIZE`: files larger than this are refused unread.
void add_max_file_size_option(boost::program_options::options_description& options);

/// The --max-file-size value in bytes (the default when absent): a whole number with an optional
/// K, M or G suffix (KiB, MiB, GiB). Throws UsageError for anything else or 0.
std::uintmax_t parse_max_file_size(const boost::program_options::variables_map& values);

/// Adds `--allow-path DIR` (repeatable): a folder outside the project whose files specs and
/// aksc.yaml may name, such as a CI secrets mount. Command line only, never from a file.
void add_allow_path_option(boost::program_options::options_description& options);

/// The --allow-path folders, canonical. Throws UsageError for one that is not a folder.
std::vector<std::filesystem::path> parse_allow_paths(
    const boost::program_options::variables_map& values);

}  // namespace aksc::cli
