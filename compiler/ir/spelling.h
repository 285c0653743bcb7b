#pragma once

#include <optional>
#include <string_view>

#include "ir/spec.h"

namespace aksc::ir {

/// The canonical SPEC spelling of each enum value ("dev-test", "public-ip", ...).
std::string_view to_string(Mode value);
std::string_view to_string(Purpose value);
std::string_view to_string(Accelerator value);
std::string_view to_string(LoadBalancerSku value);
std::string_view to_string(LoadBalancerType value);
std::string_view to_string(OutboundType value);
std::string_view to_string(SslStatus value);
std::string_view to_string(NodePoolMode value);
std::string_view to_string(Kind value);
std::string_view to_string(RouterServiceType value);
std::string_view to_string(ReleaseTrain value);
std::string_view to_string(IdentityType value);

/// Parses a SPEC spelling or an accepted SDK/ARM spelling, case-insensitively
/// (`FastProd` → production, `InternalLoadBalancer` → internal, `userDefinedRouting` → ...,
/// the extension's `clusterIP` → cluster-ip, and for `bool` its `True` and `False`).
template <typename Enum>
std::optional<Enum> parse_spelling(std::string_view text);

}  // namespace aksc::ir
