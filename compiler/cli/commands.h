#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace aksc::cli {

/// Exit codes of SPEC §4.
inline constexpr int kExitClean = 0;     ///< Nothing at or above --fail-on.
inline constexpr int kExitFindings = 1;  ///< Findings at or above --fail-on.
inline constexpr int kExitUsage = 2;     ///< Usage error, unreadable input or internal failure.

/// A usage error: printed with a pointer to --help, exit code 2.
struct UsageError {
  std::string message;
};

/// One subcommand: `aksc <name> ...`.
struct Command {
  std::string_view name;
  std::string_view summary;
  int (*run)(const std::vector<std::string>& args);
};

/// Every subcommand, in the order `aksc --help` lists them.
std::span<const Command> commands();

int run_lint(const std::vector<std::string>& args);
int run_build(const std::vector<std::string>& args);
int run_rules(const std::vector<std::string>& args);
int run_explain(const std::vector<std::string>& args);
int run_schema(const std::vector<std::string>& args);
int run_init(const std::vector<std::string>& args);
int run_show(const std::vector<std::string>& args);
int run_migrate(const std::vector<std::string>& args);

/// The text of `aksc --version`.
std::string version_text();

}  // namespace aksc::cli
