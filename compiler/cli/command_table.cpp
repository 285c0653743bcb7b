#include <algorithm>

#include <fmt/format.h>

#include "catalog/catalog.h"
#include "cli/build_commit.h"
#include "cli/commands.h"

namespace aksc::cli {

std::span<const Command> commands() {
  static constexpr Command kCommands[] = {
      {"lint", "check spec files and folders against every documented limitation", run_lint},
      {"build", "compile specs without errors to ARM templates and az CLI scripts", run_build},
      {"rules", "list the rules with their IDs, severities and slugs", run_rules},
      {"explain", "print a rule's documentation: why, source, bad and good example", run_explain},
      {"schema", "print the JSON Schema of specs (or of aksc.yaml, inventories, policies)",
       run_schema},
      {"init", "write a commented starter spec that lints clean", run_init},
      {"show", "print each spec as policies see it (--resolved) or its cluster facts (--facts)",
       run_show},
      {"migrate", "write the KubernetesCompute equivalent of AksCompute specs, with notes",
       run_migrate},
  };
  return kCommands;
}

std::string version_text() {
  std::string text =
      fmt::format("aksc {}\ncommit {}\ndata snapshots (embedded):\n", AKSC_VERSION, build_commit());
  std::size_t width = 0;  // the names line up behind the longest
  for (const DataSnapshot& snapshot : Catalog::embedded().snapshots())
    width = std::max(width, snapshot.table.size());
  for (const DataSnapshot& snapshot : Catalog::embedded().snapshots()) {
    text += fmt::format("  {:<{}} {} ({}), retrieved {}\n", snapshot.table, width, snapshot.source,
                        snapshot.date, snapshot.retrieved);
  }
  return text;
}

}  // namespace aksc::cli
