// AKS802 router-service-type-required — rules/AKS802-router-service-type-required.md
#include "rules/extension_common.h"
#include "rules/migration_rules.h"

namespace aksc::rules {

// "inferenceRouterServiceType | loadBalancer, nodePort, or clusterIP. Required if
// enableInference=True." (how-to-deploy-kubernetes-extension.md)
void check_router_service_type_required(const ir::Spec& spec, const RuleContext& /*context*/,
                                        RuleReporter& out) {
  const ir::Inference& inference = spec.kubernetes->extension.inference;
  if (!inference_enabled(spec)) return;
  // Written but invalid: the schema (AKS002) reported the value.
  if (inference.router_service_type.origin != ir::Origin::kAbsent) return;
  const SourceRange where = inference.range.known() ? inference.range : inference.enabled.range;
  out.report(where,
             "inference is enabled but extension.inference.router_service_type is missing: the "
             "extension requires inferenceRouterServiceType when enableInference=True, and "
             "az k8s-extension create refuses it",
             "add router_service_type: load-balancer (an Azure load balancer in front of "
             "azureml-fe; internal with internal_load_balancer: true), node-port, or cluster-ip "
             "(your own ingress in front of azureml-fe)");
}

}  // namespace aksc::rules
