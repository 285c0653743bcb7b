#pragma once

#include <vector>

#include "catalog/catalog.h"
#include "diag/finding.h"
#include "driver/collect_inputs.h"
#include "driver/suppressions.h"
#include "frontend/config.h"
#include "frontend/yaml_document.h"
#include "ir/spec.h"

namespace aksc {

/// What lint's own checks say of a migrated spec before it is written: the schema, then every
/// spec rule of kind KubernetesCompute, settled as lint settles them (severities and ignores of
/// `config`, the file's inline `suppressions`; `input` is the original file). `document` is the
/// migrated document (`file` as shown, `index` its place in the file); the cluster facts and the
/// TLS file checks are taken from `original`, which read them already (the paths stay the
/// same). `text_findings` are those of the migrated text itself that lint reports in the spec
/// (its suppression comments: AKS005); they are settled with the rest. Whole-project rules are
/// not run: they compare with specs that are not in memory.
std::vector<Finding> check_migrated_spec(const YamlDocument& document, const std::string& file,
                                         int index, const ir::Spec& original,
                                         const Catalog& catalog, const Config& config,
                                         const std::vector<InlineSuppression>& suppressions,
                                         const InputFile& input,
                                         std::vector<Finding> text_findings);

}  // namespace aksc
