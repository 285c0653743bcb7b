#include "driver/migrate_check.h"

#include "diag/finding_sink.h"
#include "driver/settle.h"
#include "frontend/lower.h"
#include "rules/rule.h"

namespace aksc {
std::vector<Finding> check_migrated_spec(const YamlDocument& document, const std::string& file,
                                         int index, const ir::Spec& original,
                                         const Catalog& catalog, const Config& config,
                                         const std::vector<InlineSuppression>& suppressions,
                                         const InputFile& input,
                                         std::vector<Finding> text_findings) {
  YamlDocument doc = document;
  FindingSink sink;
  ir::Spec spec = check_and_lower_spec(doc, file, index, sink);
  // The facts and the TLS files' checks were read for the original spec; the migrated one
  // names the same cluster and files.
  if (spec.mode.usable() && spec.mode.value == ir::Mode::kAttach)
    spec.cluster->facts = original.cluster->facts;
  if (spec.kubernetes) {
    ir::InferenceSsl& ssl = spec.kubernetes->extension.inference.ssl;
    ssl.cert_file_check = original.ssl->cert_file_check;
    ssl.key_file_check = original.ssl->key_file_check;
  }
  RuleContext context{catalog, config};
  run_spec_checks(spec, context, sink);
  std::vector<Finding> findings = sink.take();
  for (Finding& finding : text_findings)
    findings.push_back(std::move(finding));
  std::vector<Finding> settled;
  settle_findings(findings, config, suppressions, input, settled);
  return settled;
}

}  // namespace aksc
