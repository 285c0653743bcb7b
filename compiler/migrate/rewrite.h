#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diag/source_file.h"
#include "frontend/yaml_document.h"
#include "ir/spec.h"
#include "migrate/mapping.h"
#include "migrate/text_edits.h"

// The text side of a migration: a plan (migrate/mapping) becomes edits of the spec's own text,
// so that everything it does not change stays byte for byte, comments and layout included.
namespace aksc::migrate {

/// The edits that turn `document` (the spec's document in `source`) into the migrated spec, or
/// the refusal when its layout is one they cannot be made in (a top level in flow style).
struct DocumentEdits {
  std::vector<TextEdit> edits;
  std::optional<Refusal> refusal;
};
DocumentEdits edits_for(const SourceFile& source, const YamlDocument& document,
                        const ir::Spec& spec, const MigrationPlan& plan);

/// The lines of the `extension:` block of a plan, indented by `step` columns per level and
/// ended with `line_break`; the moved ssl fields are copied from `source` as written, with the
/// comment that ends their line.
std::string extension_block(const SourceFile& source, const YamlDocument& document,
                            const ExtensionPlan& plan, int step, std::string_view line_break);

}  // namespace aksc::migrate
