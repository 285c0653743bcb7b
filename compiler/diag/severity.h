#pragma once

#include <optional>
#include <string_view>

namespace aksc {

/// How serious a finding is; ordered so that a larger value is more serious.
enum class Severity { kNote = 0, kWarning = 1, kError = 2 };

std::string_view to_string(Severity severity);
/// Parses "note", "warning" or "error" (case-insensitive).
std::optional<Severity> parse_severity(std::string_view text);

}  // namespace aksc
