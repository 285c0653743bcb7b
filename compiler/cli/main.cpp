// aksc: the command line. Finds the subcommand in one table and maps every failure to the
// exit codes of SPEC §4.
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli/commands.h"
#include "diag/spellcheck.h"

namespace {

using aksc::cli::Command;

void print_help(std::ostream& out) {
  out << "usage: aksc <command> [options]\n\n"
         "Lints Azure ML inference-cluster specs for AKS against every documented limitation.\n\n"
         "commands:\n";
  for (const Command& command : aksc::cli::commands()) {
    out << fmt::format("  {:<9} {}\n", command.name, command.summary);
  }
  out << "\n'aksc <command> --help' describes a command's options; '--version' prints the "
         "version.\n"
         "exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or input error.\n";
}

int dispatch(const std::vector<std::string>& args) {
  if (args.empty()) {
    print_help(std::cerr);
    return aksc::cli::kExitUsage;
  }
  const std::string& name = args.front();
  if (name == "--help" || name == "-h" || name == "help") {
    print_help(std::cout);
    return aksc::cli::kExitClean;
  }
  if (name == "--version" || name == "version") {
    std::cout << aksc::cli::version_text();
    return aksc::cli::kExitClean;
  }
  std::vector<std::string> names;
  for (const Command& command : aksc::cli::commands()) {
    if (command.name == name) {
      return command.run(std::vector<std::string>(args.begin() + 1, args.end()));
    }
    names.emplace_back(command.name);
  }
  throw aksc::cli::UsageError{"unknown command '" + name + "'" + aksc::did_you_mean(name, names)};
}

int run(const std::vector<std::string>& args) {
  try {
    return dispatch(args);
  } catch (const aksc::cli::UsageError& error) {
    std::cerr << "aksc: error: " << error.message << "\naksc: try 'aksc --help'\n";
    return aksc::cli::kExitUsage;
  } catch (const std::exception& error) {
    std::cerr << "aksc: internal error: " << error.what() << "\n";
    return aksc::cli::kExitUsage;
  }
}

}  // namespace

int main(int argc, char** argv) {
  return run(std::vector<std::string>(argv + 1, argv + argc));
}
