#include "ir/spelling.h"

#include <utility>

#include "diag/text_util.h"

namespace aksc::ir {
namespace {

template <typename Enum>
struct Spelling {
  std::string_view text;
  Enum value;
};

// Canonical spelling first for each value; then the SDK/ARM spellings SPEC §1 accepts.
constexpr Spelling<Mode> kModes[] = {{"create", Mode::kCreate},
                                     {"attach", Mode::kAttach},
                                     {"provision-and-attach", Mode::kProvisionAndAttach}};
constexpr Spelling<Purpose> kPurposes[] = {{"production", Purpose::kProduction},
                                           {"dev-test", Purpose::kDevTest},
                                           {"FastProd", Purpose::kProduction},
                                           {"DevTest", Purpose::kDevTest}};
constexpr Spelling<Accelerator> kAccelerators[] = {
    {"none", Accelerator::kNone}, {"gpu", Accelerator::kGpu}, {"fpga", Accelerator::kFpga}};
constexpr Spelling<LoadBalancerSku> kSkus[] = {{"basic", LoadBalancerSku::kBasic},
                                               {"standard", LoadBalancerSku::kStandard}};
constexpr Spelling<LoadBalancerType> kLoadBalancerTypes[] = {
    {"public-ip", LoadBalancerType::kPublicIp},
    {"internal", LoadBalancerType::kInternal},
    {"PublicIp", LoadBalancerType::kPublicIp},
    {"InternalLoadBalancer", LoadBalancerType::kInternal}};
constexpr Spelling<OutboundType> kOutboundTypes[] = {
    {"load-balancer", OutboundType::kLoadBalancer},
    {"user-defined-routing", OutboundType::kUserDefinedRouting},
    {"loadBalancer", OutboundType::kLoadBalancer},
    {"userDefinedRouting", OutboundType::kUserDefinedRouting}};
constexpr Spelling<SslStatus> kSslStatuses[] = {{"enabled", SslStatus::kEnabled},
                                                {"disabled", SslStatus::kDisabled},
                                                {"auto", SslStatus::kAuto}};
constexpr Spelling<NodePoolMode> kNodePoolModes[] = {{"system", NodePoolMode::kSystem},
                                                     {"user", NodePoolMode::kUser}};
constexpr Spelling<Kind> kKinds[] = {{"AksCompute", Kind::kAksCompute},
                                     {"KubernetesCompute", Kind::kKubernetesCompute}};
// The extension's own spellings (inferenceRouterServiceType) after the canonical ones.
constexpr Spelling<RouterServiceType> kRouterServiceTypes[] = {
    {"load-balancer", RouterServiceType::kLoadBalancer},
    {"node-port", RouterServiceType::kNodePort},
    {"cluster-ip", RouterServiceType::kClusterIp},
    {"loadBalancer", RouterServiceType::kLoadBalancer},
    {"nodePort", RouterServiceType::kNodePort},
    {"clusterIP", RouterServiceType::kClusterIp}};
constexpr Spelling<ReleaseTrain> kReleaseTrains[] = {{"stable", ReleaseTrain::kStable},
                                                     {"preview", ReleaseTrain::kPreview}};
// ARM's identity types (SystemAssigned, ...) after the canonical ones.
constexpr Spelling<IdentityType> kIdentityTypes[] = {
    {"system-assigned", IdentityType::kSystemAssigned},
    {"user-assigned", IdentityType::kUserAssigned},
    {"service-principal", IdentityType::kServicePrincipal},
    {"SystemAssigned", IdentityType::kSystemAssigned},
    {"UserAssigned", IdentityType::kUserAssigned},
    {"ServicePrincipal", IdentityType::kServicePrincipal}};
// The extension's configuration settings write booleans as the strings True and False.
constexpr Spelling<bool> kBooleans[] = {{"true", true}, {"false", false}};

template <typename Enum, std::size_t N>
std::string_view canonical(const Spelling<Enum> (&table)[N], Enum value) {
  for (const auto& spelling : table) {
    if (spelling.value == value) return spelling.text;
  }
  return "?";
}

template <typename Enum, std::size_t N>
std::optional<Enum> parse(const Spelling<Enum> (&table)[N], std::string_view text) {
  for (const auto& spelling : table) {
    if (iequals(spelling.text, text)) return spelling.value;
  }
  return std::nullopt;
}

}  // namespace

std::string_view to_string(Mode value) {
  return canonical(kModes, value);
}
std::string_view to_string(Purpose value) {
  return canonical(kPurposes, value);
}
std::string_view to_string(Accelerator value) {
  return canonical(kAccelerators, value);
}
std::string_view to_string(LoadBalancerSku value) {
  return canonical(kSkus, value);
}
std::string_view to_string(LoadBalancerType value) {
  return canonical(kLoadBalancerTypes, value);
}
std::string_view to_string(OutboundType value) {
  return canonical(kOutboundTypes, value);
}
std::string_view to_string(SslStatus value) {
  return canonical(kSslStatuses, value);
}
std::string_view to_string(NodePoolMode value) {
  return canonical(kNodePoolModes, value);
}
std::string_view to_string(Kind value) {
  return canonical(kKinds, value);
}
std::string_view to_string(RouterServiceType value) {
  return canonical(kRouterServiceTypes, value);
}
std::string_view to_string(ReleaseTrain value) {
  return canonical(kReleaseTrains, value);
}
std::string_view to_string(IdentityType value) {
  return canonical(kIdentityTypes, value);
}

template <>
std::optional<Mode> parse_spelling<Mode>(std::string_view text) {
  return parse(kModes, text);
}
template <>
std::optional<Purpose> parse_spelling<Purpose>(std::string_view text) {
  return parse(kPurposes, text);
}
template <>
std::optional<Accelerator> parse_spelling<Accelerator>(std::string_view text) {
  return parse(kAccelerators, text);
}
template <>
std::optional<LoadBalancerSku> parse_spelling<LoadBalancerSku>(std::string_view text) {
  return parse(kSkus, text);
}
template <>
std::optional<LoadBalancerType> parse_spelling<LoadBalancerType>(std::string_view text) {
  return parse(kLoadBalancerTypes, text);
}
template <>
std::optional<OutboundType> parse_spelling<OutboundType>(std::string_view text) {
  return parse(kOutboundTypes, text);
}
template <>
std::optional<SslStatus> parse_spelling<SslStatus>(std::string_view text) {
  return parse(kSslStatuses, text);
}
template <>
std::optional<NodePoolMode> parse_spelling<NodePoolMode>(std::string_view text) {
  return parse(kNodePoolModes, text);
}
template <>
std::optional<Kind> parse_spelling<Kind>(std::string_view text) {
  return parse(kKinds, text);
}
template <>
std::optional<RouterServiceType> parse_spelling<RouterServiceType>(std::string_view text) {
  return parse(kRouterServiceTypes, text);
}
template <>
std::optional<ReleaseTrain> parse_spelling<ReleaseTrain>(std::string_view text) {
  return parse(kReleaseTrains, text);
}
template <>
std::optional<IdentityType> parse_spelling<IdentityType>(std::string_view text) {
  return parse(kIdentityTypes, text);
}
template <>
std::optional<bool> parse_spelling<bool>(std::string_view text) {
  return parse(kBooleans, text);
}

}  // namespace aksc::ir
