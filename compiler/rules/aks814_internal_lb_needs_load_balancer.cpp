// AKS814 internal-lb-needs-load-balancer — rules/AKS814-internal-lb-needs-load-balancer.md
#include "rules/extension_common.h"
#include "rules/migration_rules.h"

namespace aksc::rules {

// "When using nodePort as inferenceRouterServiceType, no need to specify
// internalLoadBalancerProvider." — a MutuallyExclusiveArgumentError of the CLI
// (AzureMLKubernetes.py). clusterIP with the internal provider is accepted by the CLI, so it is
// left alone (see the page).
void check_internal_lb_needs_load_balancer(const ir::Spec& spec, const RuleContext& /*context*/,
                                           RuleReporter& out) {
  const ir::Inference& inference = spec.kubernetes->extension.inference;
  if (!inference_enabled(spec)) return;
  if (!inference.internal_load_balancer.written() || !inference.internal_load_balancer.value)
    return;
  if (!inference.router_service_type.usable() ||
      inference.router_service_type.value != ir::RouterServiceType::kNodePort)
    return;
  out.report(inference.internal_load_balancer.range,
             "internal_load_balancer: true with router_service_type: node-port; az "
             "k8s-extension create refuses the pair (nodePort creates no load balancer, so "
             "internalLoadBalancerProvider has nothing to apply to)",
             "remove internal_load_balancer, or write router_service_type: load-balancer to put "
             "azureml-fe behind an internal Azure load balancer");
}

}  // namespace aksc::rules
