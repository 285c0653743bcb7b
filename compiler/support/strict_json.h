#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "diag/source_range.h"

namespace aksc {

/// Why a JSON text was refused, and where: a 1-based line and column (columns count code
/// points). The problem names at most a key of the file, never other content, since the file
/// may be anyone's.
class StrictJsonError : public std::runtime_error {
 public:
  StrictJsonError(SourcePosition position, const std::string& problem);
  SourcePosition position;
  std::string problem;
};

/// Limits that keep hostile JSON from exhausting the stack.
struct StrictJsonLimits {
  std::size_t max_depth = 64;  ///< Nesting of arrays and objects (a managed cluster needs 6).
};

/// Parses one JSON text as RFC 8259 writes it, and nothing more: no comments, no trailing
/// commas, no single quotes, valid UTF-8, one value. A key repeated in one object is refused
/// too, comparing keys case-insensitively, as Azure reads property names: otherwise the value a
/// reader keeps (nlohmann keeps the last) could hide the one Azure uses. A UTF-8 byte order
/// mark at the start is skipped. Integers take int64, then uint64, then double, as nlohmann.
/// Throws StrictJsonError.
nlohmann::json parse_strict_json(std::string_view text, const StrictJsonLimits& limits = {});

/// A key as a message may quote it: control characters escaped, at most 64 bytes.
std::string printable_key(std::string_view key);

}  // namespace aksc
