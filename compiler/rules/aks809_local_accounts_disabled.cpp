// AKS809 local-accounts-disabled — rules/AKS809-local-accounts-disabled.md
#include "rules/migration_rules.h"

namespace aksc::rules {

// "Disabling local accounts for AKS is not supported by Azure Machine Learning."
// (how-to-deploy-kubernetes-extension.md)
void check_local_accounts_disabled(const ir::Spec& spec, const RuleContext& /*context*/,
                                   RuleReporter& out) {
  const ir::Field<bool>& disabled = spec.cluster->facts.local_accounts_disabled;
  if (!spec.mode.usable() || spec.mode.value != ir::Mode::kAttach) return;
  if (!disabled.usable() || !disabled.value) return;
  out.report(disabled.range,
             "the cluster disables local accounts (disableLocalAccounts); Azure ML does not "
             "support such a cluster for its extension",
             "enable local accounts: `az aks update -g <group> -n <cluster> "
             "--enable-local-accounts`, then refresh cluster.facts");
}

}  // namespace aksc::rules
