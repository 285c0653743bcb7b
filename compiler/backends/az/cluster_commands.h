#pragma once

#include <string>

#include "backends/az/script_text.h"
#include "backends/intent.h"

// The az aks commands both kinds' deploy.sh run on the cluster.
namespace aksc::az {

/// `az aks create` of the provision-and-attach cluster.
std::string create_cluster(const intent::ManagedCluster& cluster);

/// `cluster_id=$(az aks show … --query id --output tsv)`: fails when the cluster does not exist.
std::string look_up_cluster(const intent::ClusterReference& cluster);

/// The step kCreateCluster or kLookUpClusterId of `deployment`, with its title.
void add_cluster_step(Script& script, intent::Step step, const intent::Deployment& deployment);

}  // namespace aksc::az
