#pragma once

#include <string>
#include <vector>

#include "backends/intent.h"

// The configuration settings of the Azure ML extension that the spec decides, written once
// for `az k8s-extension create --config` and the ARM template's configurationSettings (which
// adds what the CLI derives itself: backends/arm/kubernetes_template.cpp).
namespace aksc {

struct ExtensionSetting {
  std::string key;
  std::string value;
};

/// The documented settings (how-to-deploy-kubernetes-extension.md), in a fixed order:
/// enableTraining, enableInference, clusterPurpose, the inference router's settings and TLS
/// (sslCname, sslSecret) when inference is on, the install* switches, then nodeSelector.<key>
/// sorted by key. Never the certificate or key: those are protected settings.
std::vector<ExtensionSetting> extension_settings(const intent::Deployment& deployment);

}  // namespace aksc
