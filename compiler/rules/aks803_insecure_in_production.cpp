// AKS803 insecure-in-production — rules/AKS803-insecure-in-production.md
#include <fmt/format.h>

#include "rules/extension_common.h"
#include "rules/migration_rules.h"

namespace aksc::rules {

// "allowInsecureConnections | True or False, default False. Can be set to True to use inference
// HTTP endpoints for development or test purposes." (how-to-deploy-kubernetes-extension.md)
void check_insecure_in_production(const ir::Spec& spec, const RuleContext& /*context*/,
                                  RuleReporter& out) {
  const ir::Field<bool>& insecure = spec.kubernetes->extension.inference.allow_insecure_connections;
  if (!inference_enabled(spec) || !insecure.written() || !insecure.value) return;
  if (!spec.purpose.usable() || spec.purpose.value != ir::Purpose::kProduction) return;
  out.report(insecure.range,
             fmt::format("allow_insecure_connections: true serves the endpoints over plain HTTP "
                         "on a production compute{}; Azure ML documents it for development or "
                         "test only",
                         spec.purpose.defaulted() ? " (purpose is defaulted to production)" : ""),
             "remove allow_insecure_connections and give extension.inference.ssl a cname and a "
             "secret (or cert_file and key_file); write purpose: dev-test if the compute serves "
             "no production traffic");
}

}  // namespace aksc::rules
