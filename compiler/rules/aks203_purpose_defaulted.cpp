// AKS203 purpose-defaulted — rules/AKS203-purpose-defaulted.md
#include <fmt/format.h>

#include "rules/sizing_rules.h"

namespace aksc::rules {

void check_purpose_defaulted(const ir::Spec& spec, const RuleContext& context, RuleReporter& out) {
  if (!spec.purpose.defaulted()) return;
  if (spec.kind == ir::Kind::kKubernetesCompute) {
    // A Kubernetes compute has no cluster purpose in Azure; aksc's own production checks apply.
    out.report(spec.purpose.range,
               "purpose is not set, so aksc checks this compute as a production one: HTTPS "
               "without insecure connections (AKS803) and the production capacity of the "
               "cluster (AKS815)",
               "write 'purpose: production' or 'purpose: dev-test' explicitly");
    return;
  }
  out.report(spec.purpose.range,
             fmt::format("purpose is not set, so Azure ML treats this as a production cluster, "
                         "which needs at least {} in all",
                         vcpus_text(context.catalog.attach_policy().production_min_vcpus)),
             "write 'purpose: production' or 'purpose: dev-test' explicitly");
}

}  // namespace aksc::rules
