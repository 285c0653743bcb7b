#pragma once

#include <functional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "backends/intent.h"

// The body of the Azure ML `workspaces/computes` resource (computeType AKS), written in ONE
// place for both back-ends: the ARM template's compute resource and the `az rest` PUT of
// deploy.sh carry it alike, so they cannot disagree on any property (TLS included).
namespace aksc {

/// How a back-end writes the values it cannot write as plain JSON strings.
struct ComputeBodyStyle {
  /// A string from the spec (ARM escapes a leading '[' so that it is not an expression).
  std::function<std::string(std::string_view)> text;
  /// The ID of a subnet (ARM: a resourceId() expression; REST: the ID itself).
  std::function<std::string(const intent::Subnet&)> subnet_id;
  /// properties.resourceId of an attached cluster (ignored in mode create).
  std::string cluster_id;
  /// sslConfiguration.cert and .key of a custom certificate: the PEM contents, or what the
  /// back-end puts in their place (ARM: its securestring parameters).
  std::string ssl_cert;
  std::string ssl_key;
};

/// `location`, `tags` (when there are some) and `properties` of the compute resource, keys in
/// a fixed order.
nlohmann::ordered_json compute_body(const intent::Deployment& deployment,
                                    const ComputeBodyStyle& style);

}  // namespace aksc
