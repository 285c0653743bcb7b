#include "backends/extension_settings.h"

namespace aksc {

std::vector<ExtensionSetting> extension_settings(const intent::Deployment& d) {
  const intent::Extension& extension = d.kubernetes->extension;
  std::vector<ExtensionSetting> settings;
  auto flag = [&](std::string key, bool value) {
    settings.push_back({std::move(key), std::string(intent::extension_bool(value))});
  };
  flag("enableTraining", extension.training);
  flag("enableInference", extension.inference.has_value());
  // The CLI sets DevTest itself on a cluster of fewer than three nodes; the spec decides here.
  settings.push_back({"clusterPurpose", std::string(intent::azure_purpose(d.compute.purpose))});
  if (const auto& inference = extension.inference) {
    settings.push_back(
        {"inferenceRouterServiceType",
         std::string(intent::router_service_type_setting(inference->router_service_type))});
    flag("allowInsecureConnections", inference->allow_insecure_connections);
    flag("inferenceRouterHA", inference->router_ha);
    if (inference->internal_load_balancer) {
      settings.push_back({"internalLoadBalancerProvider", "azure"});
    }
    if (inference->tls) {
      settings.push_back({"sslCname", inference->tls->cname});
      if (!inference->tls->uses_files()) settings.push_back({"sslSecret", inference->tls->secret});
    }
  }
  flag("installNvidiaDevicePlugin", extension.install_nvidia_device_plugin);
  flag("installDcgmExporter", extension.install_dcgm_exporter);
  flag("installPromOp", extension.install_prom_op);
  flag("installVolcano", extension.install_volcano);
  for (const auto& [key, value] : extension.node_selector)
    settings.push_back({"nodeSelector." + key, value});
  return settings;
}

}  // namespace aksc
