#pragma once

#include <string>

namespace aksc::test {

/// A minimal valid create spec; `name` is spliced in as written (quote it yourself if needed).
inline std::string create_spec(const std::string& name = "vision-dev") {
  return "apiVersion: aksc/v1\n"
         "kind: AksCompute\n"
         "name: " +
         name +
         "\n"
         "mode: create\n"
         "workspace:\n"
         "  name: ml-ws\n"
         "  resource_group: ml-rg\n"
         "  subscription_id: 0b1f6471-1bf0-4dda-aec3-cb9272f09590\n"
         "  location: eastus\n"
         "purpose: dev-test\n"
         "agent_count: 3\n"
         "vm_size: Standard_D3_v2\n";
}

}  // namespace aksc::test
