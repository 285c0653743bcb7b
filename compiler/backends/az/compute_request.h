#pragma once

#include <string>
#include <string_view>

#include "backends/intent.h"

// What deploy.sh sends to the Azure ML REST API with `az rest`: the compute's URL at the ARM
// template's pinned apiVersion, and the request body, which is the template's compute resource
// (backends/compute_body.h) with the values only known at run time left as shell variables.
namespace aksc::az {

/// The shell variables a body refers to: each holds a JSON value (a quoted, escaped string)
/// that the script computes before sending it.
inline constexpr std::string_view kClusterIdJson = "cluster_id_json";
inline constexpr std::string_view kSslCertJson = "ssl_cert_json";
inline constexpr std::string_view kSslKeyJson = "ssl_key_json";

/// https://management.azure.com/subscriptions/…/workspaces/<ws>/computes/<name>?api-version=…,
/// each path segment percent-encoded.
std::string compute_url(const intent::Workspace& workspace, std::string_view compute);

/// /subscriptions/…/providers/Microsoft.MachineLearningServices/workspaces/<ws>/computes/<name>
std::string compute_resource_id(const intent::Workspace& workspace, std::string_view compute);

/// One shell word that expands to the PUT body: the JSON text single-quoted, with
/// "$cluster_id_json" (attach by name, provision-and-attach) and "$ssl_cert_json" and
/// "$ssl_key_json" (a custom certificate) spliced in where their values go.
std::string compute_body_word(const intent::Deployment& deployment);

/// True when the body refers to `$cluster_id_json` (the cluster's ID is looked up at run time).
bool body_needs_cluster_id(const intent::Deployment& deployment);

}  // namespace aksc::az
