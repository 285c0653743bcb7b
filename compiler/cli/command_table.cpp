#include <fmt/format.h>

#include "cli/commands.h"

namespace aksc::cli {

std::span<const Command> commands() {
  static constexpr Command kCommands[] = {
      {"lint", "check spec files and folders against every documented limitation", run_lint},
      {"rules", "list the rules with their IDs, severities and slugs", run_rules},
      {"explain", "print a rule's documentation: why, source, bad and good example", run_explain},
      {"schema", "print the JSON Schema of specs (or of aksc.yaml, inventories)", run_schema},
  };
  return kCommands;
}

std::string version_text() {
  return fmt::format("aksc {}\n", AKSC_VERSION);
}

}  // namespace aksc::cli
