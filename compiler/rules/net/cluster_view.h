#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ir/spec.h"
#include "rules/net/ip.h"

namespace aksc::net {

/// A setting of the AKS cluster and where it was read: the spec field, or the attached
/// cluster's facts.
template <typename T>
struct ClusterSetting {
  const ir::Field<T>* field = nullptr;
  std::string_view path;  ///< "load_balancer.sku", "cluster.facts.load_balancer_sku", ...

  bool usable() const { return field && field->usable(); }
  const T& value() const { return field->value; }
};

using RangeList = std::vector<ir::Field<std::string>>;

/// True when the spec's mode is known and is `mode`.
bool mode_is(const ir::Spec& spec, ir::Mode mode);

/// The API server authorized IP ranges of the cluster: in attach mode the facts when they list
/// them, else the spec's `api_server_authorized_ip_ranges`.
ClusterSetting<RangeList> authorized_ranges(const ir::Spec& spec);
/// The load balancer SKU: in attach mode the facts when known, else `load_balancer.sku`
/// (written, or defaulted by the mode).
ClusterSetting<ir::LoadBalancerSku> load_balancer_sku(const ir::Spec& spec);
/// The outbound type: in attach mode the facts when known, else `outbound_type`.
ClusterSetting<ir::OutboundType> outbound_type(const ir::Spec& spec);

/// True when the spec or the cluster's facts say the cluster is private: its API server has no
/// public endpoint, so authorized IP ranges do not apply (AKS313 reports the combination).
bool is_private_cluster(const ir::Spec& spec);
/// Where the cluster is said to be private, for messages: "private_cluster" or
/// "cluster.facts.private_cluster".
std::string_view private_cluster_path(const ir::Spec& spec);

/// One authorized range that parses, with its entry.
struct ParsedRange {
  const ir::Field<std::string>* entry;
  Cidr range;
};
/// The entries of `ranges` that parse_authorized_range() accepts (IPv4 or IPv6); malformed
/// ones are AKS312's and are left out.
std::vector<ParsedRange> parse_ranges(const RangeList& ranges);

/// True for the special entry "0.0.0.0/32": "allow only the outbound public IP of the Standard
/// load balancer" (the az CLI compares the text).
bool is_outbound_ip_only(std::string_view entry);

}  // namespace aksc::net
