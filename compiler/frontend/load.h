#pragma once

#include <vector>

#include "diag/finding_sink.h"
#include "diag/source_file.h"
#include "frontend/yaml_document.h"

namespace aksc {

/// Limits that keep hostile YAML from exhausting memory.
struct LoadLimits {
  std::size_t max_nodes = 100'000;  ///< Nodes per document, aliases expanded (a spec has ~100).
  std::size_t max_depth = 64;       ///< Nesting of lists and mappings (a spec needs 5).
};

/// Parses every YAML document of `source`. Reports AKS001 for bytes that are not UTF-8 text and
/// for syntax errors (the documents before the error are kept), and AKS003 for a repeated key
/// (pointing at the second occurrence; the first value is kept). Never throws.
std::vector<YamlDocument> load_yaml(const SourceFile& source, FindingSink& sink,
                                    const LoadLimits& limits = {});

}  // namespace aksc
