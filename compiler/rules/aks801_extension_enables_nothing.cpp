// AKS801 extension-enables-nothing — rules/AKS801-extension-enables-nothing.md
#include <fmt/format.h>

#include "rules/extension_common.h"
#include "rules/migration_rules.h"

namespace aksc::rules {

// The CLI refuses the extension when neither enableTraining nor enableInference is true:
// "To create Microsoft.AzureML.Kubernetes extension, either enable Machine Learning training or
// inference" (AzureMLKubernetes.py, __validate_config).
void check_extension_enables_nothing(const ir::Spec& spec, const RuleContext& /*context*/,
                                     RuleReporter& out) {
  const ir::Extension& extension = spec.kubernetes->extension;
  const ir::Field<bool>& inference = extension.inference.enabled;
  const ir::Field<bool>& training = extension.training;
  // An invalid value was reported by the schema (AKS002); judge only what is known.
  if (!inference.usable() || !training.usable()) return;
  if (inference.value || training.value) return;
  auto state = [](const ir::Field<bool>& field) {
    return field.written() ? "false" : "false by default";
  };
  const SourceRange where = inference.written()       ? inference.range
                            : training.written()      ? training.range
                            : extension.range.known() ? extension.range
                                                      : spec.kind_range;
  out.report(where,
             fmt::format("the Azure ML extension enables nothing: extension.inference.enabled is "
                         "{} and extension.training is {}; the extension must enable inference, "
                         "training or both (az k8s-extension create refuses it)",
                         state(inference), state(training)),
             "to serve models, write extension.inference.enabled: true (with "
             "router_service_type); to run training jobs, write extension.training: true");
}

}  // namespace aksc::rules
