#include "cli/options.h"

#include <iostream>

#include "cli/commands.h"
#include "frontend/path_fence.h"
#include "frontend/read_source.h"

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

void add_jobs_option(po::options_description& options) {
  options.add_options()("jobs,j", po::value<std::string>(),
                        "load and check N files at once (default: one per hardware thread); the "
                        "output does not depend on N");
}

unsigned parse_jobs(const po::variables_map& values) {
  if (!values.count("jobs")) return 0;
  const std::string& text = values["jobs"].as<std::string>();
  constexpr unsigned kMaxJobs = 1024;
  unsigned jobs = 0;
  bool digits = !text.empty() && text.size() <= 4 &&
                text.find_first_not_of("0123456789") == std::string::npos;
  if (digits) jobs = static_cast<unsigned>(std::stoul(text));
  if (jobs < 1 || jobs > kMaxJobs) {
    throw UsageError{"--jobs must be a whole number from 1 to 1024, not '" + text + "'"};
  }
  return jobs;
}

void add_max_file_size_option(po::options_description& options) {
  options.add_options()("max-file-size", po::value<std::string>(),
                        "refuse files larger than SIZE bytes (suffix K, M or G for KiB, MiB, "
                        "GiB; default 16M): a spec is a few KB");
}

std::uintmax_t parse_max_file_size(const po::variables_map& values) {
  if (!values.count("max-file-size")) return kDefaultMaxFileSize;
  const std::string& text = values["max-file-size"].as<std::string>();
  std::size_t digits = text.find_first_not_of("0123456789");
  std::string suffix = digits == std::string::npos ? "" : text.substr(digits);
  std::uintmax_t unit = suffix.empty()                   ? 1
                        : suffix == "K" || suffix == "k" ? 1024
                        : suffix == "M" || suffix == "m" ? 1024 * 1024
                        : suffix == "G" || suffix == "g" ? 1024 * 1024 * 1024
                                                         : 0;
  std::string number = text.substr(0, digits);
  // At most 12 digits: no overflow, and anything larger would not fit in memory anyway.
  if (unit == 0 || number.empty() || number.size() > 12 || std::stoull(number) == 0) {
    throw UsageError{"--max-file-size must be a positive size such as 16M, 512K or 1048576, not '" +
                     text + "'"};
  }
  return std::stoull(number) * unit;
}

void add_allow_path_option(po::options_description& options) {
  options.add_options()("allow-path", po::value<std::vector<std::string>>()->composing(),
                        "let specs and aksc.yaml name files in folder DIR, outside the project "
                        "(repeatable; e.g. a CI secrets mount)");
}

std::vector<std::filesystem::path> parse_allow_paths(const po::variables_map& values) {
  if (!values.count("allow-path")) return {};
  std::string error;
  auto folders = canonical_folders(values["allow-path"].as<std::vector<std::string>>(), error);
  if (!folders) throw UsageError{error};
  return *folders;
}

}  // namespace aksc::cli
