// AKS816 v1-legacy — rules/AKS816-v1-legacy.md
#include <fmt/format.h>

#include "rules/migration_rules.h"
#include "rules/sizing_rules.h"

namespace aksc::rules {

// "This article shows how to use the CLI and SDK v1 to create or attach an Azure Kubernetes
// Service cluster, which is considered as legacy feature now." (v1 article)
void check_v1_legacy(const ir::Spec& spec, const RuleContext& context, RuleReporter& out) {
  // Every spec is kind AksCompute today (the schema admits no other kind); the dates are the
  // table's, never the clock's, so the note reads the same on every day.
  const V1Support& support = context.catalog.v1_support();
  out.report(spec.kind_range,
             fmt::format("kind AksCompute is Azure ML's legacy v1 path for AKS (end of support: "
                         "CLI v1 {}, SDK v1 {}; {}); the v2 path is a Kubernetes compute with "
                         "the Azure ML extension",
                         support.cli_end_of_support, support.sdk_end_of_support,
                         table_note(context.catalog, "azureml-v1-support")),
             fmt::format("run `aksc migrate --in-place {}` (or -o DIR) to write its kind: "
                         "KubernetesCompute equivalent, with a note for each change "
                         "(docs/migrate.md); to silence this note, set rules: {{AKS816: off}} in "
                         "aksc.yaml",
                         spec.file));
}

}  // namespace aksc::rules
