#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace aksc {

/// A resolved spec (resolve/resolved_spec.h) as block-style YAML that reads back as the same
/// JSON. Strings are plain where YAML cannot read them as anything else, double-quoted
/// otherwise, with every character outside printable ASCII escaped, so nothing a spec holds
/// can drive the terminal it is printed on.
std::string resolved_yaml(const nlohmann::json& value);

}  // namespace aksc
