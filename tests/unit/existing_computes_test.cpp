// What the build reads from the inventory: whether a spec's compute exists, and which computes
// of its workspace hold the cluster it attaches (driver/existing_computes.cpp).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "driver/existing_computes.h"
#include "lowered_spec.h"

namespace {

using aksc::InventoryEntry;

aksc::ir::Field<std::string> written(std::string value) {
  aksc::ir::Field<std::string> field;
  field.value = std::move(value);
  field.origin = aksc::ir::Origin::kWritten;
  return field;
}

InventoryEntry entry(std::string workspace, std::string name, std::string resource_id = "") {
  InventoryEntry e;
  e.workspace = written(std::move(workspace));
  e.name = written(std::move(name));
  e.location = written("eastus");
  if (!resource_id.empty()) e.resource_id = written(std::move(resource_id));
  return e;
}

const std::string kCluster =
    "/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/aks-rg/providers/"
    "Microsoft.ContainerService/managedClusters/shared-aks";

const std::string kSpec =
    "apiVersion: aksc/v1\n"
    "kind: AksCompute\n"
    "name: new-scoring\n"
    "mode: attach\n"
    "workspace:\n"
    "  name: ml-ws\n"
    "  resource_group: ml-rg\n"
    "  subscription_id: 0b1f6471-1bf0-4dda-aec3-cb9272f09590\n"
    "  location: eastus\n"
    "cluster:\n"
    "  resource_id: " +
    kCluster + "\n";

}  // namespace

TEST_CASE("existing_computes: the holders of the spec's cluster in its workspace, any case",
          "[build]") {
  aksc::ir::Spec spec = aksc::test::lowered_spec(kSpec);
  std::string other_case = kCluster;
  other_case.replace(other_case.find("resourceGroups"), 14, "resourcegroups");
  std::vector<InventoryEntry> inventory = {
      entry("ML-WS", "old-scoring", other_case),
      entry("other-ws", "elsewhere", kCluster),  // another workspace: not detached from this one
      entry("ml-ws", "unrelated", kCluster + "-2"),
  };
  aksc::intent::Existing existing = aksc::existing_computes(spec, inventory);
  CHECK(existing.cluster_holders == std::vector<std::string>{"old-scoring"});
  CHECK_FALSE(existing.compute_listed);

  inventory.push_back(entry("ml-ws", "NEW-SCORING"));
  CHECK(aksc::existing_computes(spec, inventory).compute_listed);
  CHECK(aksc::existing_computes(spec, {}).cluster_holders.empty());
}
