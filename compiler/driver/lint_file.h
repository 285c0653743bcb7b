#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "diag/finding_sink.h"
#include "diag/source_file.h"
#include "driver/collect_inputs.h"
#include "driver/suppressions.h"
#include "frontend/config.h"
#include "frontend/path_fence.h"
#include "frontend/read_source.h"
#include "ir/spec.h"
#include "policy/policy.h"

namespace aksc {

/// A file's documents, and how many of them are specs or meant as specs.
struct DocumentCounts {
  std::size_t documents = 0;
  int specs = 0;
  int policies = 0;  ///< kind: Policy documents, which aksc.yaml's policies: name.
};

/// One file of a lint run: its source, config, suppressions and the findings not yet settled.
struct FileState {
  InputFile input;
  std::shared_ptr<const SourceFile> source;
  const Config* config = nullptr;
  const Catalog* catalog = nullptr;
  const PolicySet* policies = nullptr;  ///< The project's kind: Policy documents.
  PathFence fence;  ///< Where the files its specs name may be; cleared once they are read.
  std::vector<InlineSuppression> suppressions;
  FindingSink sink;
  std::vector<ir::Spec> specs;
  std::vector<Finding> settled;        ///< Its findings as reported: severities, suppressions.
  bool reported = true;                ///< False for files read only for the project rules.
  std::optional<std::string> failure;  ///< Why the file could not be used.
  std::vector<std::string> notes;      ///< Documents skipped, for --verbose.
  DocumentCounts counts;
  std::uintmax_t max_file_size = kDefaultMaxFileSize;
  bool specs_only = false;             ///< LintRequest::specs_only, for a named file.
  std::optional<std::string> skipped;  ///< Why --specs-only left the file out (with its notes).
};

/// Reads and loads one file whose config is resolved: YAML, its spec documents
/// (driver/select_documents.h), schema, lowering, cluster facts and TLS files; then, for a
/// reported file, the per-spec rules. Touches only `file` and read-only shared state, so that
/// files can be linted on several threads. Lets the text of a file without findings go.
void lint_file(FileState& file);

/// Whether `sink` holds a syntax error (AKS001), which may hide a spec.
bool has_syntax_error(const FindingSink& sink);

}  // namespace aksc
