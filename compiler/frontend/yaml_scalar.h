#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace aksc {

/// Types a plain (unquoted) scalar by the YAML 1.2 core schema: null, bool, int, float or
/// string. Integers beyond 64 bits become floats.
nlohmann::json resolve_plain_scalar(const std::string& text);

/// Types a scalar written with an explicit `!!tag`; unknown tags keep the text as a string.
nlohmann::json resolve_tagged_scalar(const std::string& tag, const std::string& text);

}  // namespace aksc
