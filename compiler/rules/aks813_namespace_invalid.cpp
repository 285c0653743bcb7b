// AKS813 namespace-invalid — rules/AKS813-namespace-invalid.md
#include <fmt/format.h>

#include "rules/extension_common.h"
#include "rules/migration_rules.h"

namespace aksc::rules {

// A Kubernetes namespace name is a DNS-1123 label (Kubernetes, "Object Names and IDs"); the
// compute's namespace is where Azure ML sends every workload (how-to-attach-kubernetes-to-
// workspace.md).
void check_namespace_invalid(const ir::Spec& spec, const RuleContext& /*context*/,
                             RuleReporter& out) {
  const ir::Field<std::string>& name = spec.kubernetes->kubernetes_namespace;
  if (!name.written()) return;
  const std::string problem = dns1123_label_problem(name.value);
  if (problem.empty()) return;
  out.report(name.range,
             fmt::format("namespace '{}' is not a Kubernetes namespace name (a DNS-1123 label): "
                         "{}",
                         name.value, problem),
             "use 1 to 63 lower-case letters, digits and '-', starting and ending with a letter "
             "or digit, e.g. azureml-vision; create that namespace in the cluster before "
             "attaching (attach does not create it)");
}

}  // namespace aksc::rules
