#include "driver/migrate_check.h"

#include "diag/finding_sink.h"
#include "driver/settle.h"
#include "frontend/lower.h"
#include "frontend/schema.h"
#include "rules/rule.h"

namespace aksc {
namespace {

// A part of the spec to write to, whether the IR holds it as a member or boxed (ir::Boxed makes
// it on the first write).
template <typename Part>
auto& migrate_writable(Part& part) {
  if constexpr (requires { part.has_value(); }) {
    return *part;
  } else {
    return part;
  }
}

}  // namespace

std::vector<Finding> check_migrated_spec(const YamlDocument& document, const std::string& file,
                                         int index, const ir::Spec& original,
                                         const Catalog& catalog, const Config& config,
                                         const std::vector<InlineSuppression>& suppressions,
                                         const InputFile& input,
                                         std::vector<Finding> text_findings) {
  const Schema& schema = Schema::embedded("aksc-spec.schema.json");
  YamlDocument doc = document;
  canonicalize_enums(doc, schema);
  FindingSink sink;
  InvalidPointers invalid = validate_document(doc, schema, file, "AKS002", sink);
  ir::Spec spec = lower_spec(doc, invalid, file, index);
  const ir::Cluster& original_cluster = original.cluster;  // a member, or boxed
  const ir::Ssl& original_ssl = original.ssl;
  if (spec.mode.usable() && spec.mode.value == ir::Mode::kAttach)
    migrate_writable(spec.cluster).facts = original_cluster.facts;
  if (spec.kubernetes) {
    ir::InferenceSsl& ssl = spec.kubernetes->extension.inference.ssl;
    ssl.cert_file_check = original_ssl.cert_file_check;
    ssl.key_file_check = original_ssl.key_file_check;
  }
  RuleContext context{catalog, config};
  for (const RuleEntry& rule : rule_registry()) {
    if (!rule.check || !rule_applies(rule, spec)) continue;
    RuleReporter reporter(rule.id, spec, sink);
    rule.check(spec, context, reporter);
  }
  std::vector<Finding> findings = sink.take();
  for (Finding& finding : text_findings)
    findings.push_back(std::move(finding));
  std::vector<Finding> settled;
  settle_findings(findings, config, suppressions, input, settled);
  return settled;
}

}  // namespace aksc
