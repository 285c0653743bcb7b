#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "backends/artifact_context.h"
#include "backends/intent.h"

// The ARM back-end: azuredeploy.json and azuredeploy.parameters.json (SPEC §5).
namespace aksc::arm {

/// apiVersions pinned because they define every property the templates set
/// (docs/artifacts.md says why these and not newer ones).
inline constexpr std::string_view kMachineLearningApiVersion = "2024-10-01";
inline constexpr std::string_view kContainerServiceApiVersion = "2020-09-01";
/// kind KubernetesCompute: the Azure ML extension, scoped to the cluster.
inline constexpr std::string_view kKubernetesConfigurationApiVersion = "2024-11-01";
/// Only for a cluster in another resource group than the workspace: a nested deployment.
inline constexpr std::string_view kDeploymentsApiVersion = "2021-04-01";

inline constexpr std::string_view kTemplateSchema =
    "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";
inline constexpr std::string_view kParametersSchema =
    "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#";

/// The deployment template, keys in a fixed order.
nlohmann::ordered_json deployment_template(const intent::Deployment& deployment,
                                           const ArtifactContext& context);

/// The parameters file: the names the template takes, never the certificate or key.
nlohmann::ordered_json deployment_parameters(const intent::Deployment& deployment);

/// A string parameter with its description.
nlohmann::ordered_json string_parameter(std::string_view description);

/// A securestring parameter holding the contents of the PEM file at `path` (relative to the
/// artifact folder), whose description says how to pass it; `use` adds what the template does
/// with it. Secrets never appear in the template or the parameters file.
nlohmann::ordered_json certificate_parameter(std::string_view name, std::string_view what,
                                             const std::string& path, std::string_view use = "");

/// A template's first keys ($schema, contentVersion, metadata, parameters), for both kinds;
/// the caller adds `resources`.
nlohmann::ordered_json template_head(nlohmann::ordered_json metadata,
                                     nlohmann::ordered_json parameters);

/// A parameters file holding `values` ({"name": {"value": …}}).
nlohmann::ordered_json parameters_file(nlohmann::ordered_json values);

/// JSON text as written to disk: two-space indent, UTF-8, final newline.
std::string to_text(const nlohmann::ordered_json& json);

}  // namespace aksc::arm
