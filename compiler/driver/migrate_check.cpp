#include "driver/migrate_check.h"

#include "diag/finding_sink.h"
#include "driver/settle.h"
#include "frontend/lower.h"
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
  YamlDocument doc = document;
  FindingSink sink;
  ir::Spec spec = check_and_lower_spec(doc, file, index, sink);
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
  run_spec_checks(spec, context, sink);
  std::vector<Finding> findings = sink.take();
  for (Finding& finding : text_findings)
    findings.push_back(std::move(finding));
  std::vector<Finding> settled;
  settle_findings(findings, config, suppressions, input, settled);
  return settled;
}

}  // namespace aksc
