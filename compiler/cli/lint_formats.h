#pragma once

#include <ostream>
#include <span>
#include <string>
#include <string_view>

#include "diag/render.h"
#include "diag/severity.h"

namespace aksc {
struct LintResult;
}

namespace aksc::cli {

/// What `aksc lint` hands the renderer of its output format.
struct LintReport {
  const LintResult& result;
  const RunSummary& summary;
  const TextStyle& style;
  Severity fail_on;
};

/// An output format of `aksc lint --format`.
struct LintFormat {
  std::string_view name;
  std::string_view gloss;  ///< Said after the name in --help, in parentheses; may be empty.
  void (*render)(std::ostream& out, const LintReport& report);
};

/// Every output format, the default first, in the order --help lists them. The option's help,
/// its check and the choice of renderer all read this table; tests hold the bash completion
/// and the docs to it.
std::span<const LintFormat> lint_formats();

/// The format called `name`. Throws UsageError naming every format when there is none.
const LintFormat& lint_format(std::string_view name);

/// The help of --format: "output format: text, json, sarif (SARIF 2.1.0), ... or github (...)".
std::string lint_format_help();

}  // namespace aksc::cli
