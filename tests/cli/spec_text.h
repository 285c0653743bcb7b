#pragma once

#include <string>

namespace aksc::test {

/// An aksc.yaml that turns AKS816 (v1-legacy) off. Its note stands on every AksCompute spec and is
/// not what the tests that write it are about (rules/AKS816-v1-legacy.md; the rule fixtures leave
/// it out the same way, tests/cli/rule_fixtures_test.cpp).
inline constexpr const char* kV1NoteOff = "rules:\n  AKS816: off\n";

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
