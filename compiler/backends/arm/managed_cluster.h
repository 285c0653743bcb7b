#pragma once

#include <map>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "backends/intent.h"

// The AKS managed cluster of provision-and-attach, as both kinds' templates deploy it: the
// managedClusters resource, nested in a deployment when it goes to another resource group.
namespace aksc::arm {

inline constexpr std::string_view kClusterType = "Microsoft.ContainerService/managedClusters";

/// True when the managed cluster goes to another resource group than the workspace's, which
/// a resource-group deployment can only reach through a nested deployment.
bool cluster_elsewhere(const intent::Deployment& deployment);

/// The managedClusters resource, or the nested deployment that holds it.
nlohmann::ordered_json managed_cluster_resource(const intent::Deployment& deployment);

/// `[resourceId(…)]` of the provisioned cluster, as seen from the workspace's resource group.
std::string cluster_id_expression(const intent::Deployment& deployment);

/// What a resource that needs the provisioned cluster depends on: the cluster itself, or the
/// nested deployment that creates it.
std::string cluster_dependency(const intent::Deployment& deployment);

/// `[resourceId(…)]` of a subnet.
std::string subnet_id_expression(const intent::Subnet& subnet);

/// A map of spec strings, each through literal().
nlohmann::ordered_json literal_map(const std::map<std::string, std::string>& values);

}  // namespace aksc::arm
