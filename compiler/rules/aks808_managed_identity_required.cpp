// AKS808 managed-identity-required — rules/AKS808-managed-identity-required.md
#include "rules/migration_rules.h"

namespace aksc::rules {

// "Using a service principal with AKS is not supported by Azure Machine Learning. The AKS
// cluster must use a managed identity instead." (how-to-deploy-kubernetes-extension.md)
void check_managed_identity_required(const ir::Spec& spec, const RuleContext& /*context*/,
                                     RuleReporter& out) {
  const ir::Field<ir::IdentityType>& identity = spec.cluster->facts.identity_type;
  if (!spec.mode.usable() || spec.mode.value != ir::Mode::kAttach) return;
  if (!identity.usable() || identity.value != ir::IdentityType::kServicePrincipal) return;
  out.report(identity.range,
             "the cluster authenticates with a service principal; Azure ML's extension does not "
             "support it and needs the cluster to use a managed identity (system- or "
             "user-assigned)",
             "convert the cluster: `az aks update -g <group> -n <cluster> "
             "--enable-managed-identity`, then delete and recreate every node pool before "
             "installing the extension (as the Azure ML docs require), and refresh "
             "cluster.facts");
}

}  // namespace aksc::rules
