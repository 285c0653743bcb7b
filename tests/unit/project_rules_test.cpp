// The project rules (AKS105, AKS106, AKS503, AKS504, AKS601, AKS602) over specs and
// inventories built in memory: who is reported, with which related place, in a run that names
// every file or only some, and that the work stays linear in the number of specs.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <deque>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "catalog/catalog.h"
#include "diag/finding_sink.h"
#include "frontend/config.h"
#include "rules/project_keys.h"
#include "rules/project_rules.h"

namespace ir = aksc::ir;
using aksc::Finding;
using aksc::InventoryEntry;
using aksc::Project;

namespace {

constexpr const char* kSub = "0b1f6471-1bf0-4dda-aec3-cb9272f09590";
constexpr const char* kOtherSub = "5c3a9e0d-7f21-4b8e-9d4a-2e6f1c8b0a37";

ir::Field<std::string> text(std::string value, int line = 1, int column = 1) {
  ir::Field<std::string> field;
  field.value = std::move(value);
  field.range = {{line, column}, {line, column + 1}};
  field.origin = ir::Origin::kWritten;
  return field;
}

template <typename T>
ir::Field<T> written(T value, int line) {
  ir::Field<T> field;
  field.value = value;
  field.range = {{line, 1}, {line, 2}};
  field.origin = ir::Origin::kWritten;
  return field;
}

template <typename T>
ir::Field<T> defaulted(T value, int line) {
  ir::Field<T> field = written(value, line);
  field.origin = ir::Origin::kDefaulted;
  return field;
}

struct SpecArgs {
  std::string file;
  std::string name;
  std::string workspace = "ml-ws";
  std::string group = "ml-rg";
  std::string subscription = kSub;
  std::string location = "eastus";
  ir::Mode mode = ir::Mode::kCreate;
  int document = 0;
};

ir::Spec make_spec(const SpecArgs& a) {
  ir::Spec spec;
  spec.file = a.file;
  spec.document = a.document;
  spec.range = {{1, 1}, {1, 2}};
  int base = a.document * 100;
  spec.name = text(a.name, base + 3, 7);
  spec.mode = written(a.mode, base + 4);
  spec.workspace.name = text(a.workspace, base + 6, 9);
  spec.workspace.resource_group = text(a.group, base + 7, 19);
  spec.workspace.subscription_id = text(a.subscription, base + 8, 20);
  spec.workspace.location = text(a.location, base + 9, 13);
  if (a.mode != ir::Mode::kAttach) {
    spec.location = defaulted(a.location, base + 4);
    spec.agent_count = defaulted<std::int64_t>(3, base + 4);
    spec.vm_size = defaulted<std::string>("Standard_D3_v2", base + 4);
  } else {
    spec.reattach = defaulted(false, base + 4);
  }
  return spec;
}

ir::Spec attach_spec(const SpecArgs& a, const std::string& resource_id) {
  SpecArgs args = a;
  args.mode = ir::Mode::kAttach;
  ir::Spec spec = make_spec(args);
  spec.cluster->resource_id = text(resource_id, a.document * 100 + 12, 16);
  return spec;
}

std::string cluster_id(const std::string& name, const std::string& group = "aks-rg",
                       const std::string& subscription = kSub) {
  return "/subscriptions/" + subscription + "/resourceGroups/" + group +
         "/providers/Microsoft.ContainerService/managedClusters/" + name;
}

InventoryEntry entry(std::string workspace, std::string name, std::string location, int line,
                     std::optional<std::string> resource_id = std::nullopt) {
  InventoryEntry e;
  e.file = "inventory.json";
  e.range = {{line, 3}, {line, 4}};
  e.workspace = text(std::move(workspace), line, 5);
  e.name = text(std::move(name), line + 1, 5);
  e.location = text(std::move(location), line + 2, 5);
  if (resource_id) e.resource_id = text(*resource_id, line + 3, 5);
  return e;
}

// The specs live in a deque so that the Project's pointers stay valid.
struct Fixture {
  std::deque<ir::Spec> specs;
  std::vector<InventoryEntry> inventory;
  std::vector<std::string> reported;  ///< Files the run names; empty = every spec's file.

  ir::Spec& add(ir::Spec spec) { return specs.emplace_back(std::move(spec)); }

  std::vector<Finding> run(aksc::ProjectCheck check, const char* rule) {
    Project project;
    std::vector<const ir::Spec*> pointers;
    for (const ir::Spec& spec : specs) {
      pointers.push_back(&spec);
      if (reported.empty()) project.reported_files.insert(spec.file);
    }
    project.specs = aksc::ProjectIndex(std::move(pointers), aksc::Catalog::embedded());
    for (const std::string& file : reported)
      project.reported_files.insert(file);
    project.inventory = inventory;
    aksc::Config config;
    aksc::RuleContext context{aksc::Catalog::embedded(), config};
    aksc::FindingSink sink;
    aksc::ProjectReporter reporter(rule, project, sink);
    check(project, context, reporter);
    return sink.take();
  }
};

std::string at(const Finding& f) {
  return f.location.file + ":" + std::to_string(f.location.range.begin.line);
}
std::string related_at(const Finding& f, std::size_t i = 0) {
  REQUIRE(f.related.size() > i);
  return f.related[i].location.file + ":" + std::to_string(f.related[i].location.range.begin.line);
}

}  // namespace

TEST_CASE("project keys: managed-cluster resource IDs compare case-insensitively") {
  using aksc::rules::managed_cluster_key;
  struct Case {
    std::string id;
    std::optional<std::string> key;
  };
  std::string sub = kSub;
  std::string key = sub + "\naks-rg\nprod-aks\n";
  std::vector<Case> cases = {
      {cluster_id("prod-aks"), key},
      {"/subscriptions/" + sub +
           "/resourcegroups/AKS-RG/providers/microsoft.containerservice/"
           "MANAGEDCLUSTERS/Prod-AKS",
       key},
      {"/SUBSCRIPTIONS/0B1F6471-1BF0-4DDA-AEC3-CB9272F09590/resourceGroups/aks-rg/providers/"
       "Microsoft.ContainerService/managedClusters/prod-aks",
       key},
      {cluster_id("prod-aks") + "/", std::nullopt},  // trailing slash: not a cluster ID
      {"subscriptions/" + sub +
           "/resourceGroups/aks-rg/providers/Microsoft.ContainerService/"
           "managedClusters/prod-aks",
       std::nullopt},  // not rooted
      {"/subscriptions/" + sub +
           "/resourceGroups/aks-rg/providers/Microsoft.Compute/"
           "virtualMachines/prod-aks",
       std::nullopt},  // another resource type
      {"/subscriptions/" + sub +
           "/resourceGroups//providers/Microsoft.ContainerService/"
           "managedClusters/prod-aks",
       std::nullopt},  // empty group
      {"/subscriptions/" + sub +
           "/resourceGroups/aks-rg/providers/Microsoft.ContainerService/"
           "managedClusters/prod-aks/agentPools/pool1",
       std::nullopt},  // a child resource
      {"", std::nullopt},
  };
  for (const Case& c : cases) {
    INFO(c.id);
    CHECK(managed_cluster_key(c.id) == c.key);
  }
}

TEST_CASE("project keys: the attached cluster of each mode") {
  using aksc::rules::attached_cluster;
  ir::Spec by_id = attach_spec({"a.yaml", "aks-a"}, cluster_id("prod-aks"));
  ir::Spec by_parts =
      make_spec({"b.yaml", "aks-b", "ml-ws", "ml-rg", kSub, "eastus", ir::Mode::kAttach});
  by_parts.cluster->resource_group = text("AKS-RG", 12);
  by_parts.cluster->name = text("PROD-AKS", 13);
  by_parts.cluster->subscription_id = defaulted<std::string>(kSub, 11);
  ir::Spec provision = make_spec(
      {"c.yaml", "aks-c", "ml-ws", "ml-rg", kSub, "eastus", ir::Mode::kProvisionAndAttach});
  provision.cluster_name = text("prod-aks", 20);
  provision.cluster_resource_group = text("aks-rg", 21);
  ir::Spec create = make_spec({"d.yaml", "aks-d"});
  REQUIRE(attached_cluster(by_id));
  REQUIRE(attached_cluster(by_parts));
  REQUIRE(attached_cluster(provision));
  CHECK(attached_cluster(by_id)->key == attached_cluster(by_parts)->key);
  CHECK(attached_cluster(by_id)->key == attached_cluster(provision)->key);
  CHECK(attached_cluster(by_parts)->range.begin.line == 13);
  CHECK_FALSE(attached_cluster(create));
  by_parts.cluster->subscription_id.origin = ir::Origin::kInvalid;
  CHECK_FALSE(attached_cluster(by_parts));
}

TEST_CASE("project keys: in lower case, empty where a part is missing") {
  using aksc::make_project_keys;
  ir::Spec spec = make_spec(
      {"a.yaml", "Scoring-AKS", "ML-WS", "ML-RG", kSub, "EastUS", ir::Mode::kProvisionAndAttach});
  spec.cluster_name = text("Prod-AKS", 20);
  spec.cluster_resource_group = text("AKS-RG", 21);
  aksc::ProjectKeys keys = make_project_keys(spec, aksc::Catalog::embedded());
  CHECK(keys.workspace == std::string(kSub) + "\nml-rg\nml-ws\n");
  CHECK(keys.workspace_name == "ml-ws");
  CHECK(keys.name == "scoring-aks");
  CHECK(keys.region == "eastus");  // the catalog's name for the region
  CHECK(keys.cluster == *aksc::rules::attached_cluster_key(spec));
  CHECK(keys.cluster == std::string(kSub) + "\naks-rg\nprod-aks\n");

  ir::Spec unknown = make_spec({"b.yaml", "  ", "ml-ws", "ml-rg", kSub, "atlantis"});
  aksc::ProjectKeys unknown_keys = make_project_keys(unknown, aksc::Catalog::embedded());
  CHECK(unknown_keys.name.empty());     // blank: AKS101's case
  CHECK(unknown_keys.region.empty());   // not in the catalog: AKS004's case
  CHECK(unknown_keys.cluster.empty());  // mode create attaches nothing
  CHECK_FALSE(unknown_keys.workspace.empty());
}

TEST_CASE("project index: every spec with its keys, by file and document whatever the order") {
  std::deque<ir::Spec> specs;
  specs.push_back(make_spec({"b.yaml", "Second"}));
  specs.push_back(
      make_spec({"a.yaml", "Third", "ml-ws", "ml-rg", kSub, "eastus", ir::Mode::kCreate, 1}));
  specs.push_back(make_spec({"a.yaml", "First"}));
  aksc::ProjectIndex index({&specs[0], &specs[1], &specs[2]}, aksc::Catalog::embedded());
  std::vector<std::string> names;
  for (const aksc::IndexedSpec& indexed : index) {
    CHECK(indexed.keys.name ==
          aksc::make_project_keys(*indexed.spec, aksc::Catalog::embedded()).name);
    names.push_back(indexed.keys.name);
  }
  CHECK(names == std::vector<std::string>{"first", "third", "second"});
}

TEST_CASE("AKS105: each later spec of one name in one workspace, whatever the command order") {
  Fixture f;
  // Added in reverse path order: the rule orders by file, then document.
  f.add(make_spec(
      {"c.yaml", "Scoring-AKS", "ML-WS", "ML-RG", "0B1F6471-1BF0-4DDA-AEC3-CB9272F09590"}));
  f.add(make_spec({"b.yaml", "scoring-aks"}));
  f.add(
      make_spec({"a.yaml", "scoring-aks", "ml-ws", "ml-rg", kSub, "eastus", ir::Mode::kCreate, 1}));
  f.add(make_spec({"a.yaml", "other-aks"}));
  f.add(make_spec({"d.yaml", "scoring-aks", "ml-ws", "other-rg"}));          // another workspace
  f.add(make_spec({"e.yaml", "scoring-aks", "ml-ws", "ml-rg", kOtherSub}));  // another one
  auto findings = f.run(aksc::rules::check_name_unique_in_workspace, "AKS105");
  REQUIRE(findings.size() == 2);
  CHECK(at(findings[0]) == "b.yaml:3");
  CHECK(related_at(findings[0]) == "a.yaml:103");
  CHECK(at(findings[1]) == "c.yaml:3");
  CHECK(related_at(findings[1]) == "a.yaml:103");
  CHECK(findings[1].message.find("case-insensitively") != std::string::npos);
}

TEST_CASE("AKS105: a run naming some files reports their clashes with the others on them") {
  Fixture f;
  f.add(make_spec({"a.yaml", "scoring-aks"}));
  f.add(make_spec({"b.yaml", "scoring-aks"}));
  f.add(make_spec({"c.yaml", "scoring-aks"}));
  SECTION("the named file is the first: reported there, once, with both others related") {
    f.reported = {"a.yaml"};
    auto findings = f.run(aksc::rules::check_name_unique_in_workspace, "AKS105");
    REQUIRE(findings.size() == 1);
    CHECK(at(findings[0]) == "a.yaml:3");
    REQUIRE(findings[0].related.size() == 2);
    CHECK(related_at(findings[0], 0) == "b.yaml:3");
    CHECK(related_at(findings[0], 1) == "c.yaml:3");
  }
  SECTION("the named file is a later one") {
    f.reported = {"c.yaml"};
    auto findings = f.run(aksc::rules::check_name_unique_in_workspace, "AKS105");
    REQUIRE(findings.size() == 1);
    CHECK(at(findings[0]) == "c.yaml:3");
    CHECK(related_at(findings[0]) == "a.yaml:3");
  }
  SECTION("no named file takes part") {
    f.add(make_spec({"d.yaml", "quiet-aks"}));
    f.reported = {"d.yaml"};
    CHECK(f.run(aksc::rules::check_name_unique_in_workspace, "AKS105").empty());
  }
}

TEST_CASE("AKS105: a workspace that is not fully given takes no part") {
  Fixture f;
  f.add(make_spec({"a.yaml", "scoring-aks"}));
  ir::Spec& b = f.add(make_spec({"b.yaml", "scoring-aks"}));
  b.workspace.subscription_id.origin = ir::Origin::kInvalid;
  ir::Spec& c = f.add(make_spec({"c.yaml", "scoring-aks"}));
  c.workspace.resource_group.origin = ir::Origin::kAbsent;
  ir::Spec& d = f.add(make_spec({"d.yaml", " "}));  // blank name: AKS101's case
  (void)d;
  CHECK(f.run(aksc::rules::check_name_unique_in_workspace, "AKS105").empty());
}

TEST_CASE("AKS106: the name is used in the region by another workspace") {
  Fixture f;
  f.inventory.push_back(entry("vision-ws", "SCORING-AKS", "EastUS", 2));     // own workspace
  f.inventory.push_back(entry("forecast-ws", "scoring-aks", "westus2", 8));  // other region
  SECTION("only the own workspace's entry and another region: nothing") {
    f.add(make_spec({"a.yaml", "scoring-aks", "vision-ws"}));
    CHECK(f.run(aksc::rules::check_name_unique_in_region, "AKS106").empty());
  }
  SECTION("an existing compute of another workspace in the region") {
    f.inventory.push_back(entry("Forecast-WS", "Scoring-Aks", "EASTUS", 14));
    f.add(make_spec({"a.yaml", "scoring-aks", "vision-ws"}));
    auto findings = f.run(aksc::rules::check_name_unique_in_region, "AKS106");
    REQUIRE(findings.size() == 1);
    CHECK(at(findings[0]) == "a.yaml:3");
    CHECK(related_at(findings[0]) == "inventory.json:15");
  }
  SECTION("specs of three workspaces: each later one once, related to the first of another") {
    f.inventory.clear();
    f.add(make_spec({"a.yaml", "scoring-aks", "vision-ws"}));
    f.add(make_spec({"b.yaml", "scoring-aks", "vision-ws"}));  // same workspace: AKS105
    f.add(make_spec({"c.yaml", "scoring-aks", "nlp-ws"}));
    f.add(make_spec({"d.yaml", "scoring-aks", "ml-ws"}));
    f.add(make_spec({"e.yaml", "scoring-aks", "ml-ws", "ml-rg", kSub, "westus2"}));
    auto findings = f.run(aksc::rules::check_name_unique_in_region, "AKS106");
    REQUIRE(findings.size() == 2);
    CHECK(at(findings[0]) == "c.yaml:3");
    CHECK(related_at(findings[0]) == "a.yaml:3");
    CHECK(at(findings[1]) == "d.yaml:3");
    CHECK(related_at(findings[1]) == "a.yaml:3");
  }
  SECTION("the first spec's workspace is the asker's: the first spec of another one") {
    f.inventory.clear();
    f.add(make_spec({"a.yaml", "scoring-aks", "vision-ws"}));
    f.add(make_spec({"b.yaml", "scoring-aks", "nlp-ws"}));
    f.add(make_spec({"c.yaml", "scoring-aks", "vision-ws"}));
    auto findings = f.run(aksc::rules::check_name_unique_in_region, "AKS106");
    REQUIRE(findings.size() == 2);
    CHECK(at(findings[1]) == "c.yaml:3");
    CHECK(related_at(findings[1]) == "b.yaml:3");
  }
  SECTION("a region the catalog does not know is AKS004's case") {
    f.add(make_spec({"a.yaml", "scoring-aks", "vision-ws", "ml-rg", kSub, "eastus9"}));
    f.add(make_spec({"b.yaml", "scoring-aks", "nlp-ws", "ml-rg", kSub, "eastus9"}));
    CHECK(f.run(aksc::rules::check_name_unique_in_region, "AKS106").empty());
  }
  SECTION("an attached compute is in its workspace's region") {
    f.add(make_spec({"a.yaml", "scoring-aks", "nlp-ws", "ml-rg", kSub, "westus2"}));
    f.add(attach_spec({"b.yaml", "scoring-aks", "ml-ws", "ml-rg", kSub, "westus2"},
                      cluster_id("prod-aks")));
    auto findings = f.run(aksc::rules::check_name_unique_in_region, "AKS106");
    // forecast-ws's entry in westus2 clashes with both specs.
    REQUIRE(findings.size() == 2);
    CHECK(related_at(findings[0]) == "inventory.json:9");
    CHECK(at(findings[1]) == "b.yaml:3");
    CHECK(findings[1].related.size() == 2);  // the inventory entry and a.yaml
  }
}

TEST_CASE("AKS503: one cluster under two names in one workspace") {
  Fixture f;
  f.add(attach_spec({"a.yaml", "aks-a"}, cluster_id("prod-aks")));
  ir::Spec& b =
      f.add(make_spec({"b.yaml", "aks-b", "ml-ws", "ml-rg", kSub, "eastus", ir::Mode::kAttach}));
  b.cluster->resource_group = text("AKS-RG", 12);
  b.cluster->name = text("Prod-AKS", 13);
  b.cluster->subscription_id = defaulted<std::string>(kSub, 11);
  f.add(attach_spec({"c.yaml", "aks-a"}, cluster_id("prod-aks")));  // AKS105's case
  f.add(attach_spec({"d.yaml", "aks-d", "other-ws"}, cluster_id("prod-aks")));
  f.add(attach_spec({"e.yaml", "aks-e"}, cluster_id("prod-aks", "aks-rg", kOtherSub)));
  f.add(attach_spec({"f.yaml", "aks-f"}, "/not/a/cluster/id"));
  auto findings = f.run(aksc::rules::check_duplicate_attachment, "AKS503");
  REQUIRE(findings.size() == 2);
  CHECK(at(findings[0]) == "b.yaml:13");
  CHECK(related_at(findings[0]) == "a.yaml:12");
  // "or attaching one AKS cluster to different workspace" (current v1 article)
  CHECK(at(findings[1]) == "d.yaml:12");
  CHECK(findings[1].message.find("attached to two workspaces") != std::string::npos);
  CHECK(related_at(findings[1]) == "a.yaml:12");
}

TEST_CASE("AKS503: a cluster the inventory has attached to another workspace") {
  std::string cluster = cluster_id("prod-aks");
  Fixture f;
  f.add(attach_spec({"a.yaml", "aks-a"}, cluster));
  // Entries of the spec's own workspace are AKS504's; the first of another workspace counts.
  f.inventory = {entry("ml-ws", "old-a", "eastus", 2, cluster),
                 entry("ml-ws", "old-b", "eastus", 8, cluster),
                 entry("OTHER-WS", "held", "eastus", 14, cluster_id("PROD-AKS", "AKS-RG")),
                 entry("third-ws", "also-held", "eastus", 20, cluster)};
  auto findings = f.run(aksc::rules::check_duplicate_attachment, "AKS503");
  REQUIRE(findings.size() == 1);
  CHECK(at(findings[0]) == "a.yaml:12");
  CHECK(findings[0].message.find("already attached to workspace 'OTHER-WS' as 'held'") !=
        std::string::npos);
  CHECK(related_at(findings[0]) == "inventory.json:17");
  f.inventory.resize(2);
  CHECK(f.run(aksc::rules::check_duplicate_attachment, "AKS503").empty());
}

TEST_CASE("AKS504: the decision table against the inventory") {
  std::string cluster = cluster_id("prod-aks");
  std::string other_cluster = cluster_id("old-aks");
  struct Case {
    const char* what;
    std::vector<InventoryEntry> inventory;
    bool reattach;
    std::vector<std::string> related;  ///< Empty: no finding.
  };
  std::vector<Case> cases = {
      {"same name, same cluster: desired state",
       {entry("ML-WS", "AKS-A", "eastus", 2, cluster_id("PROD-AKS", "AKS-RG"))},
       false,
       {}},
      {"same cluster, other name",
       {entry("ml-ws", "old-a", "eastus", 2, cluster)},
       false,
       {"inventory.json:5"}},
      {"same cluster, other name, reattach",
       {entry("ml-ws", "old-a", "eastus", 2, cluster)},
       true,
       {}},
      {"same name, other cluster",
       {entry("ml-ws", "aks-a", "eastus", 2, other_cluster)},
       false,
       {"inventory.json:5"}},
      {"same name, other cluster, reattach",
       {entry("ml-ws", "aks-a", "eastus", 2, other_cluster)},
       true,
       {}},
      {"both",
       {entry("ml-ws", "aks-a", "eastus", 2, other_cluster),
        entry("ml-ws", "old-a", "eastus", 8, cluster)},
       false,
       {"inventory.json:11", "inventory.json:5"}},
      {"same cluster in another workspace",
       {entry("ml-ws-2", "old-a", "eastus", 2, cluster)},
       false,
       {}},
      {"same name without resource_id", {entry("ml-ws", "aks-a", "eastus", 2)}, false, {}},
      {"same name with a malformed resource_id",
       {entry("ml-ws", "aks-a", "eastus", 2, "not-an-id")},
       false,
       {}},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    Fixture f;
    f.inventory = c.inventory;
    ir::Spec& spec = f.add(attach_spec({"a.yaml", "aks-a"}, cluster));
    if (c.reattach) spec.reattach = written(true, 30);
    auto findings = f.run(aksc::rules::check_reattach_without_detach, "AKS504");
    if (c.related.empty()) {
      CHECK(findings.empty());
      continue;
    }
    REQUIRE(findings.size() == 1);
    CHECK(at(findings[0]) == "a.yaml:12");
    REQUIRE(findings[0].related.size() == c.related.size());
    for (std::size_t i = 0; i < c.related.size(); ++i)
      CHECK(related_at(findings[0], i) == c.related[i]);
  }
}

TEST_CASE("AKS601 and AKS602: the existing compute's VM size and node count") {
  Fixture f;
  InventoryEntry existing = entry("Vision-WS", "Vision-Prod", "eastus", 2);
  existing.vm_size = text("standard_d3_v2", 5);
  existing.agent_count = written<std::int64_t>(3, 6);
  f.inventory.push_back(existing);
  ir::Spec& spec = f.add(make_spec({"a.yaml", "vision-prod", "vision-ws"}));
  SECTION("the same (defaulted) size and count") {
    CHECK(f.run(aksc::rules::check_vm_size_change, "AKS601").empty());
    CHECK(f.run(aksc::rules::check_scale_outside_sdk, "AKS602").empty());
  }
  SECTION("another size and count, written") {
    spec.vm_size = text("Standard_D4s_v3", 14, 10);
    spec.agent_count = written<std::int64_t>(4, 13);
    auto resized = f.run(aksc::rules::check_vm_size_change, "AKS601");
    REQUIRE(resized.size() == 1);
    CHECK(at(resized[0]) == "a.yaml:14");
    CHECK(related_at(resized[0]) == "inventory.json:5");
    auto scaled = f.run(aksc::rules::check_scale_outside_sdk, "AKS602");
    REQUIRE(scaled.size() == 1);
    CHECK(at(scaled[0]) == "a.yaml:13");
    CHECK(related_at(scaled[0]) == "inventory.json:6");
    CHECK(scaled[0].message.find("agent_count 4 differs from the 3 nodes") == 0);
  }
  SECTION("defaulted values say so") {
    f.inventory[0].vm_size = text("Standard_D4s_v3", 5);
    f.inventory[0].agent_count = written<std::int64_t>(5, 6);
    auto resized = f.run(aksc::rules::check_vm_size_change, "AKS601");
    REQUIRE(resized.size() == 1);
    CHECK(resized[0].message.find("(defaulted)") != std::string::npos);
    auto scaled = f.run(aksc::rules::check_scale_outside_sdk, "AKS602");
    REQUIRE(scaled.size() == 1);
    CHECK(scaled[0].message.find("agent_count 3 (defaulted)") == 0);
  }
  SECTION("invalid values and attach specs are not compared") {
    spec.vm_size.origin = ir::Origin::kInvalid;
    spec.agent_count.origin = ir::Origin::kInvalid;
    f.inventory[0].vm_size = text("Standard_D4s_v3", 5);
    f.inventory[0].agent_count = written<std::int64_t>(5, 6);
    CHECK(f.run(aksc::rules::check_vm_size_change, "AKS601").empty());
    CHECK(f.run(aksc::rules::check_scale_outside_sdk, "AKS602").empty());
    ir::Spec attached = attach_spec({"b.yaml", "vision-prod", "vision-ws"}, cluster_id("x-aks"));
    attached.vm_size = text("Standard_D4s_v3", 20);  // not read in attach mode
    f.specs.clear();
    f.add(attached);
    CHECK(f.run(aksc::rules::check_vm_size_change, "AKS601").empty());
  }
}

namespace {

// Runs every project rule over `count` specs that all share one name and one cluster, with a
// pre-commit run naming the first file only; returns the seconds taken and the findings.
std::pair<double, std::size_t> run_clashing(int count) {
  Fixture f;
  for (int i = 0; i < count; ++i) {
    std::string file = "specs/" + std::to_string(100000 + i) + ".yaml";
    // One name everywhere; workspaces alternate so both AKS105 and AKS106 fire on most specs.
    f.add(attach_spec({file, "scoring-aks", i % 2 ? "ws-odd" : "ws-even"}, cluster_id("one-aks")));
    f.inventory.push_back(
        entry("ws-" + std::to_string(i), "scoring-aks", "eastus", 2, cluster_id("one-aks")));
  }
  f.reported = {"specs/100000.yaml"};
  auto start = std::chrono::steady_clock::now();
  std::size_t total = 0;
  for (auto [check, rule] : std::vector<std::pair<aksc::ProjectCheck, const char*>>{
           {aksc::rules::check_name_unique_in_workspace, "AKS105"},
           {aksc::rules::check_name_unique_in_region, "AKS106"},
           {aksc::rules::check_duplicate_attachment, "AKS503"},
           {aksc::rules::check_reattach_without_detach, "AKS504"},
           {aksc::rules::check_vm_size_change, "AKS601"},
           {aksc::rules::check_scale_outside_sdk, "AKS602"}}) {
    total += f.run(check, rule).size();
  }
  return {std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), total};
}

}  // namespace

TEST_CASE("project rules stay linear: four times the specs, about four times the work") {
  // Compared within one run, so a slow machine or a sanitizer build does not matter: linear
  // work grows 4x from 5,000 to 20,000 specs that all clash, quadratic work 16x.
  run_clashing(1000);  // warm up the allocator
  auto [small_seconds, small_findings] = run_clashing(5000);
  auto [large_seconds, large_findings] = run_clashing(20000);
  // AKS105, AKS106 and AKS503 (two workspaces) on the named file, clashes as related.
  CHECK(small_findings == 3);
  CHECK(large_findings == 3);
  CHECK(large_seconds < 9.0 * std::max(small_seconds, 1e-3));
}

TEST_CASE("join_key lower-cases each part and ends each with a line break") {
  CHECK(aksc::rules::join_key({"Sub-1", "ML-rg", "Ws"}) == "sub-1\nml-rg\nws\n");
  CHECK(aksc::rules::join_key({""}) == "\n");
  // The breaks keep parts apart: ("ab", "c") and ("a", "bc") differ.
  CHECK(aksc::rules::join_key({"ab", "c"}) != aksc::rules::join_key({"a", "bc"}));
}
