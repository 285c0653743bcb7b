#pragma once

#include <span>
#include <string_view>

// The stable codes of aksc migrate's notes (docs/migrate.md lists them): a script may match on
// the code; the words may change.
namespace aksc::migrate {

struct NoteCode {
  std::string_view id;
  std::string_view slug;
};

inline constexpr NoteCode kKindBecomesKubernetes{"MIG100", "kind-becomes-kubernetes-compute"};
inline constexpr NoteCode kCreateBecomesProvision{"MIG101", "create-becomes-provision-and-attach"};
inline constexpr NoteCode kLoadBalancerSkuStandard{"MIG102", "load-balancer-becomes-standard"};
inline constexpr NoteCode kCreateExistingCompute{"MIG103", "create-of-an-existing-compute"};
inline constexpr NoteCode kInternalLoadBalancer{"MIG104", "internal-load-balancer"};
inline constexpr NoteCode kRouterHaOff{"MIG105", "router-ha-off"};
inline constexpr NoteCode kTlsCustomCertificate{"MIG106", "tls-custom-certificate"};
inline constexpr NoteCode kTlsLeafDomain{"MIG107", "tls-leaf-domain-certificate"};
inline constexpr NoteCode kTlsOff{"MIG108", "tls-off"};
inline constexpr NoteCode kAccelerator{"MIG109", "accelerator"};
inline constexpr NoteCode kFieldDropped{"MIG110", "field-without-v2-home"};
inline constexpr NoteCode kPredictedFinding{"MIG111", "predicted-finding"};

/// Every code, in order.
inline constexpr NoteCode kNoteCodes[] = {
    kKindBecomesKubernetes, kCreateBecomesProvision, kLoadBalancerSkuStandard,
    kCreateExistingCompute, kInternalLoadBalancer,   kRouterHaOff,
    kTlsCustomCertificate,  kTlsLeafDomain,          kTlsOff,
    kAccelerator,           kFieldDropped,           kPredictedFinding};

}  // namespace aksc::migrate
