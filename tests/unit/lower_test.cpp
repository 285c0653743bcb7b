// lower_spec: a spec document → ir::Spec, every field with its range, SDK spellings normalized,
// SPEC §1 defaults applied and marked.
#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "diag/finding_sink.h"
#include "diag/source_file.h"
#include "frontend/load.h"
#include "frontend/lower.h"
#include "frontend/schema.h"
#include "ir/spelling.h"
#include "lowered_spec.h"

using aksc::FindingSink;
using aksc::SourceFile;
using aksc::SourceRange;
using aksc::YamlDocument;
using aksc::ir::Origin;
namespace ir = aksc::ir;

namespace {

YamlDocument load_one(const std::string& text) {
  SourceFile source("specs/s.yaml", text);
  FindingSink sink;
  std::vector<YamlDocument> documents = aksc::load_yaml(source, sink);
  REQUIRE(sink.findings().empty());
  REQUIRE(documents.size() == 1);
  return std::move(documents[0]);
}

// As driver/lint.cpp does it: canonicalize, validate (which must pass), lower.
ir::Spec lower_valid(const std::string& text) {
  return aksc::test::lowered_valid_spec(text, "specs/s.yaml");
}

// Lowers without the schema, with the given pointers marked invalid.
ir::Spec lower_raw(const std::string& text, const aksc::InvalidPointers& invalid = {}) {
  return aksc::lower_spec(load_one(text), invalid, "specs/s.yaml", 2);
}

SourceRange range(int line, int column, int end_column) {
  return aksc::test::line_range(line, column, end_column);
}

using aksc::test::check_defaulted;
using aksc::test::check_written;

template <typename T>
void check_absent(const ir::Field<T>& field) {
  CHECK(field.origin == Origin::kAbsent);
  CHECK_FALSE(field.range.known());
  CHECK_FALSE(field.usable());
}

const std::string kHeader =
    "apiVersion: aksc/v1\n"
    "kind: AksCompute\n"
    "name: prod-aks\n";

const std::string kWorkspace =
    "workspace:\n"
    "  name: ml-ws\n"
    "  resource_group: ml-rg\n"
    "  subscription_id: 0b1f6471-1bf0-4dda-aec3-cb9272f09590\n"
    "  location: eastus\n";

// mode on line 4, workspace on lines 5-9.
std::string spec(const std::string& mode, const std::string& rest = "") {
  return kHeader + "mode: " + mode + "\n" + kWorkspace + rest;
}

}  // namespace

TEST_CASE("lower_spec: every field of a provision-and-attach spec, with its range", "[lower]") {
  ir::Spec s =
      lower_valid(spec("provision-and-attach",
                       "purpose: DevTest\n"
                       "description: \"scoring for the vision team\"\n"
                       "tags: {team: vision, env: prod}\n"
                       "location: westus2\n"
                       "agent_count: 4\n"
                       "vm_size: Standard_D4s_v3\n"
                       "accelerator: GPU\n"
                       "load_balancer:\n"
                       "  sku: Standard\n"
                       "  type: InternalLoadBalancer\n"
                       "  subnet: lb-subnet\n"
                       "network:\n"
                       "  vnet_resource_group: net-rg\n"
                       "  vnet_name: vnet1\n"
                       "  subnet_name: aks-subnet\n"
                       "  subnet_prefix: 10.1.0.0/16\n"
                       "  service_cidr: 10.0.0.0/16\n"
                       "  dns_service_ip: 10.0.0.10\n"
                       "  docker_bridge_cidr: 172.17.0.1/16\n"
                       "ssl:\n"
                       "  status: Enabled\n"
                       "  leaf_domain_label: scoring\n"
                       "  overwrite_existing_domain: true\n"
                       "  cname: www.contoso.com\n"
                       "  cert_file: certs/cert.pem\n"
                       "  key_file: certs/key.pem\n"
                       "kubernetes_version: \"1.17.9\"\n"
                       "private_cluster: false\n"
                       "api_server_authorized_ip_ranges: [\"20.42.0.0/24\", 203.0.113.0/24]\n"
                       "outbound_type: userDefinedRouting\n"
                       "cluster_name: prod-aks-cluster\n"
                       "cluster_resource_group: aks-rg\n"));
  CHECK(s.file == "specs/s.yaml");
  CHECK(s.document == 0);
  CHECK(s.range == range(1, 1, 2));
  check_written<std::string>(s.name, "prod-aks", range(3, 7, 15));
  check_written(s.mode, ir::Mode::kProvisionAndAttach, range(4, 7, 27));
  check_written<std::string>(s.workspace.name, "ml-ws", range(6, 9, 14));
  check_written<std::string>(s.workspace.resource_group, "ml-rg", range(7, 19, 24));
  check_written<std::string>(s.workspace.subscription_id, "0b1f6471-1bf0-4dda-aec3-cb9272f09590",
                             range(8, 20, 56));
  check_written<std::string>(s.workspace.location, "eastus", range(9, 13, 19));
  check_written(s.purpose, ir::Purpose::kDevTest, range(10, 10, 17));
  check_written<std::string>(s.description, "scoring for the vision team", range(11, 14, 43));
  check_written(s.tags, std::map<std::string, std::string>{{"env", "prod"}, {"team", "vision"}},
                range(12, 7, 8));
  check_written<std::string>(s.location, "westus2", range(13, 11, 18));
  check_written<std::int64_t>(s.agent_count, 4, range(14, 14, 15));
  check_written<std::string>(s.vm_size, "Standard_D4s_v3", range(15, 10, 25));
  check_written(s.accelerator, ir::Accelerator::kGpu, range(16, 14, 17));
  check_written(s.load_balancer.sku, ir::LoadBalancerSku::kStandard, range(18, 8, 16));
  check_written(s.load_balancer.type, ir::LoadBalancerType::kInternal, range(19, 9, 29));
  check_written<std::string>(s.load_balancer.subnet, "lb-subnet", range(20, 11, 20));
  CHECK(s.network->range == range(21, 1, 8));
  check_written<std::string>(s.network->vnet_resource_group, "net-rg", range(22, 24, 30));
  check_written<std::string>(s.network->vnet_name, "vnet1", range(23, 14, 19));
  check_written<std::string>(s.network->subnet_name, "aks-subnet", range(24, 16, 26));
  check_written<std::string>(s.network->subnet_prefix, "10.1.0.0/16", range(25, 18, 29));
  check_written<std::string>(s.network->service_cidr, "10.0.0.0/16", range(26, 17, 28));
  check_written<std::string>(s.network->dns_service_ip, "10.0.0.10", range(27, 19, 28));
  check_written<std::string>(s.network->docker_bridge_cidr, "172.17.0.1/16", range(28, 23, 36));
  CHECK(s.ssl->range == range(29, 1, 4));
  check_written(s.ssl->status, ir::SslStatus::kEnabled, range(30, 11, 18));
  check_written<std::string>(s.ssl->leaf_domain_label, "scoring", range(31, 22, 29));
  check_written(s.ssl->overwrite_existing_domain, true, range(32, 30, 34));
  check_written<std::string>(s.ssl->cname, "www.contoso.com", range(33, 10, 25));
  check_written<std::string>(s.ssl->cert_file, "certs/cert.pem", range(34, 14, 28));
  check_written<std::string>(s.ssl->key_file, "certs/key.pem", range(35, 13, 26));
  check_written<std::string>(s.kubernetes_version, "1.17.9", range(36, 21, 29));
  check_written(s.private_cluster, false, range(37, 18, 23));
  const auto& ranges = s.api_server_authorized_ip_ranges;
  CHECK(ranges.origin == Origin::kWritten);
  CHECK(ranges.range == range(38, 34, 35));
  REQUIRE(ranges.value.size() == 2);
  check_written<std::string>(ranges.value[0], "20.42.0.0/24", range(38, 35, 49));
  check_written<std::string>(ranges.value[1], "203.0.113.0/24", range(38, 51, 65));
  check_written(s.outbound_type, ir::OutboundType::kUserDefinedRouting, range(39, 16, 34));
  check_written<std::string>(s.cluster_name, "prod-aks-cluster", range(40, 15, 31));
  check_written<std::string>(s.cluster_resource_group, "aks-rg", range(41, 25, 31));
  // Not attach: no cluster, no reattach default.
  CHECK_FALSE(s.cluster->range.known());
  check_absent(s.cluster->resource_id);
  check_absent(s.reattach);
}

TEST_CASE("lower_spec: every field of an attach spec and its cluster facts", "[lower]") {
  ir::Spec s = lower_valid(spec("attach",
                                "accelerator: none\n"
                                "reattach: true\n"
                                "cluster:\n"
                                "  resource_group: aks-rg\n"
                                "  name: existing-aks\n"
                                "  subscription_id: 11111111-2222-3333-4444-555555555555\n"
                                "  facts_from: clusters/existing.json\n"
                                "  facts:\n"
                                "    location: westus2\n"
                                "    kubernetes_version: \"1.16.13\"\n"
                                "    load_balancer_sku: Standard\n"
                                "    private_cluster: false\n"
                                "    authorized_ip_ranges: [\"20.42.0.0/24\"]\n"
                                "    outbound_type: loadBalancer\n"
                                "    node_pools:\n"
                                "      - name: agentpool\n"
                                "        mode: System\n"
                                "        vm_size: Standard_NC6s_v3\n"
                                "        count: 3\n"
                                "      - {name: userpool, mode: user, count: 0}\n"));
  check_written(s.mode, ir::Mode::kAttach, range(4, 7, 13));
  check_written(s.accelerator, ir::Accelerator::kNone, range(10, 14, 18));
  check_written(s.reattach, true, range(11, 11, 15));
  const ir::Cluster& c = s.cluster;
  CHECK(c.range == range(12, 1, 8));
  check_absent(c.resource_id);
  check_written<std::string>(c.resource_group, "aks-rg", range(13, 19, 25));
  check_written<std::string>(c.name, "existing-aks", range(14, 9, 21));
  check_written<std::string>(c.subscription_id, "11111111-2222-3333-4444-555555555555",
                             range(15, 20, 56));
  check_written<std::string>(c.facts_from, "clusters/existing.json", range(16, 15, 37));
  const ir::ClusterFacts& f = c.facts;
  CHECK(f.range == range(17, 3, 8));
  check_written<std::string>(f.location, "westus2", range(18, 15, 22));
  check_written<std::string>(f.kubernetes_version, "1.16.13", range(19, 25, 34));
  check_written(f.load_balancer_sku, ir::LoadBalancerSku::kStandard, range(20, 24, 32));
  check_written(f.private_cluster, false, range(21, 22, 27));
  CHECK(f.authorized_ip_ranges.origin == Origin::kWritten);
  CHECK(f.authorized_ip_ranges.range == range(22, 27, 28));
  REQUIRE(f.authorized_ip_ranges.value.size() == 1);
  check_written<std::string>(f.authorized_ip_ranges.value[0], "20.42.0.0/24", range(22, 28, 42));
  check_written(f.outbound_type, ir::OutboundType::kLoadBalancer, range(23, 20, 32));
  CHECK(f.node_pools.origin == Origin::kWritten);
  CHECK(f.node_pools.range == range(24, 5, 15));
  REQUIRE(f.node_pools.value.size() == 2);
  const ir::NodePool& system = f.node_pools.value[0];
  CHECK(system.range == range(25, 9, 10));
  check_written<std::string>(system.name, "agentpool", range(25, 15, 24));
  check_written(system.mode, ir::NodePoolMode::kSystem, range(26, 15, 21));
  check_written<std::string>(system.vm_size, "Standard_NC6s_v3", range(27, 18, 34));
  check_written<std::int64_t>(system.count, 3, range(28, 16, 17));
  const ir::NodePool& user = f.node_pools.value[1];
  CHECK(user.range == range(29, 9, 10));
  check_written<std::string>(user.name, "userpool", range(29, 16, 24));
  check_written(user.mode, ir::NodePoolMode::kUser, range(29, 32, 36));
  check_absent(user.vm_size);
  check_written<std::int64_t>(user.count, 0, range(29, 45, 46));
  // create-only fields get no defaults in attach.
  check_absent(s.agent_count);
  check_absent(s.vm_size);
  check_absent(s.location);
  check_absent(s.load_balancer.sku);
  check_absent(s.private_cluster);
  check_absent(s.outbound_type);
  CHECK_FALSE(s.network->range.known());
  CHECK_FALSE(s.ssl->range.known());
}

TEST_CASE("lower_spec normalizes SDK and ARM spellings", "[lower]") {
  ir::Spec s = lower_valid(spec("Provision-And-Attach",
                                "purpose: FastProd\n"
                                "accelerator: FPGA\n"
                                "load_balancer: {sku: Standard, type: InternalLoadBalancer, "
                                "subnet: s}\n"
                                "outbound_type: userDefinedRouting\n"
                                "ssl: {status: Auto}\n"));
  CHECK(s.mode.value == ir::Mode::kProvisionAndAttach);
  CHECK(s.purpose.value == ir::Purpose::kProduction);
  CHECK(s.accelerator.value == ir::Accelerator::kFpga);
  CHECK(s.load_balancer.sku.value == ir::LoadBalancerSku::kStandard);
  CHECK(s.load_balancer.type.value == ir::LoadBalancerType::kInternal);
  CHECK(s.outbound_type.value == ir::OutboundType::kUserDefinedRouting);
  CHECK(s.ssl->status.value == ir::SslStatus::kAuto);
  CHECK(aksc::ir::to_string(s.purpose.value) == "production");
  CHECK(aksc::ir::to_string(s.load_balancer.type.value) == "internal");
  CHECK(aksc::ir::to_string(s.outbound_type.value) == "user-defined-routing");
  CHECK(aksc::ir::to_string(s.load_balancer.sku.value) == "standard");

  // Lowering alone (without canonicalize_enums) accepts any case too.
  ir::Spec raw = lower_raw(spec("CREATE",
                                "purpose: devtest\n"
                                "load_balancer: {type: publicip, sku: BASIC}\n"
                                "outbound_type: LOADBALANCER\n"));
  check_written(raw.mode, ir::Mode::kCreate, range(4, 7, 13));
  CHECK(raw.purpose.value == ir::Purpose::kDevTest);
  CHECK(raw.load_balancer.type.value == ir::LoadBalancerType::kPublicIp);
  CHECK(raw.load_balancer.sku.value == ir::LoadBalancerSku::kBasic);
  CHECK(raw.outbound_type.value == ir::OutboundType::kLoadBalancer);
}

TEST_CASE("lower_spec applies the create defaults of SPEC §1", "[lower]") {
  ir::Spec s = lower_valid(spec("create"));
  SourceRange mode = range(4, 7, 13);
  check_written(s.mode, ir::Mode::kCreate, mode);
  check_defaulted(s.purpose, ir::Purpose::kProduction, mode);
  check_defaulted(s.accelerator, ir::Accelerator::kNone, mode);
  check_defaulted<std::string>(s.location, "eastus", mode);  // workspace.location
  check_defaulted<std::int64_t>(s.agent_count, 3, mode);
  check_defaulted<std::string>(s.vm_size, "Standard_D3_v2", mode);
  check_defaulted(s.load_balancer.sku, ir::LoadBalancerSku::kBasic, mode);
  check_defaulted(s.load_balancer.type, ir::LoadBalancerType::kPublicIp, mode);
  check_defaulted(s.private_cluster, false, mode);
  check_defaulted(s.outbound_type, ir::OutboundType::kLoadBalancer, mode);
  CHECK(s.purpose.defaulted());
  CHECK(s.purpose.usable());
  CHECK_FALSE(s.purpose.written());
  // provision-and-attach and attach defaults do not apply.
  check_absent(s.cluster_name);
  check_absent(s.cluster_resource_group);
  check_absent(s.reattach);
  check_absent(s.load_balancer.subnet);
  check_absent(s.kubernetes_version);
  check_absent(s.description);
  check_absent(s.tags);
  CHECK(s.api_server_authorized_ip_ranges.origin == Origin::kAbsent);
}

TEST_CASE("lower_spec: the defaults match the constants of lower.h", "[lower]") {
  ir::Spec s = lower_valid(spec("create"));
  CHECK(s.purpose.value == aksc::defaults::kPurpose);
  CHECK(s.agent_count.value == aksc::defaults::kAgentCount);
  CHECK(s.vm_size.value == aksc::defaults::kVmSize);
  CHECK(s.accelerator.value == aksc::defaults::kAccelerator);
  CHECK(s.load_balancer.type.value == aksc::defaults::kLoadBalancerType);
  CHECK(s.outbound_type.value == aksc::defaults::kOutboundType);
}

TEST_CASE("lower_spec applies the provision-and-attach defaults", "[lower]") {
  ir::Spec s = lower_valid(spec("provision-and-attach"));
  SourceRange mode = range(4, 7, 27);
  check_defaulted(s.load_balancer.sku, ir::LoadBalancerSku::kStandard, mode);
  check_defaulted<std::string>(s.cluster_name, "prod-aks", range(3, 7, 15));  // = name
  check_defaulted<std::string>(s.cluster_resource_group, "ml-rg", mode);
  check_defaulted<std::string>(s.location, "eastus", mode);
  check_defaulted<std::int64_t>(s.agent_count, 3, mode);
  check_defaulted(s.purpose, ir::Purpose::kProduction, mode);
  check_absent(s.reattach);
}

TEST_CASE("lower_spec: written values win over defaults", "[lower]") {
  ir::Spec s = lower_valid(spec("provision-and-attach",
                                "location: westeurope\n"
                                "load_balancer: {sku: basic}\n"
                                "cluster_name: other\n"));
  check_written<std::string>(s.location, "westeurope", range(10, 11, 21));
  check_written(s.load_balancer.sku, ir::LoadBalancerSku::kBasic, range(11, 22, 27));
  check_written<std::string>(s.cluster_name, "other", range(12, 15, 20));
}

TEST_CASE("lower_spec applies the attach defaults", "[lower]") {
  ir::Spec s = lower_valid(spec("attach", "cluster:\n  name: aks\n  resource_group: rg\n"));
  SourceRange mode = range(4, 7, 13);
  check_defaulted(s.purpose, ir::Purpose::kProduction, mode);
  check_defaulted(s.accelerator, ir::Accelerator::kNone, mode);
  check_defaulted(s.reattach, false, mode);
  // A cluster named by name and resource group is in the workspace's subscription.
  check_defaulted<std::string>(s.cluster->subscription_id, "0b1f6471-1bf0-4dda-aec3-cb9272f09590",
                               range(10, 1, 8));
  CHECK(s.cluster->facts.node_pools.origin == Origin::kAbsent);
  CHECK_FALSE(s.cluster->facts.range.known());

  ir::Spec by_id = lower_valid(spec("attach", "cluster: {resource_id: /subscriptions/x}\n"));
  check_written<std::string>(by_id.cluster->resource_id, "/subscriptions/x", range(10, 24, 40));
  check_absent(by_id.cluster->subscription_id);
}

TEST_CASE("lower_spec: without a usable mode only mode-free defaults apply", "[lower]") {
  ir::Spec absent = lower_raw(kHeader + kWorkspace);
  check_absent(absent.mode);
  CHECK(absent.document == 2);
  check_defaulted(absent.purpose, ir::Purpose::kProduction, range(1, 1, 2));  // document start
  check_defaulted(absent.accelerator, ir::Accelerator::kNone, range(1, 1, 2));
  check_defaulted(absent.reattach, false, range(1, 1, 2));
  check_absent(absent.agent_count);
  check_absent(absent.location);

  ir::Spec unknown = lower_raw(spec("creat"));
  CHECK(unknown.mode.origin == Origin::kInvalid);
  CHECK(unknown.mode.range == range(4, 7, 12));
  check_defaulted(unknown.purpose, ir::Purpose::kProduction, range(1, 1, 2));
  check_absent(unknown.agent_count);
}

TEST_CASE("lower_spec: a pointer listed as invalid becomes kInvalid", "[lower]") {
  ir::Spec s = lower_raw(spec("create", "agent_count: 5\nvm_size: Standard_D3_v2\n"),
                         {"/agent_count", "/workspace/location"});
  CHECK(s.agent_count.origin == Origin::kInvalid);
  CHECK(s.agent_count.range == range(10, 14, 15));
  CHECK_FALSE(s.agent_count.usable());
  check_written<std::string>(s.vm_size, "Standard_D3_v2", range(11, 10, 24));
  CHECK(s.workspace.location.origin == Origin::kInvalid);
  CHECK(s.workspace.location.range == range(9, 13, 19));
  // No default replaces an invalid value, and none is derived from one.
  check_absent(s.location);
}

TEST_CASE("lower_spec: values of the wrong type become kInvalid", "[lower]") {
  ir::Spec s = lower_raw(spec("create",
                              "agent_count: \"3\"\n"
                              "private_cluster: yes\n"
                              "purpose: prod\n"
                              "tags: {team: 1}\n"
                              "api_server_authorized_ip_ranges: [1.2.3.4/32, 5]\n"
                              "description: [a]\n"));
  CHECK(s.agent_count.origin == Origin::kInvalid);
  CHECK(s.agent_count.range == range(10, 14, 17));
  CHECK(s.private_cluster.origin == Origin::kInvalid);
  CHECK(s.purpose.origin == Origin::kInvalid);
  CHECK(s.purpose.range == range(12, 10, 14));
  CHECK(s.tags.origin == Origin::kInvalid);
  CHECK(s.description.origin == Origin::kInvalid);
  const auto& ranges = s.api_server_authorized_ip_ranges;
  CHECK(ranges.origin == Origin::kWritten);
  REQUIRE(ranges.value.size() == 2);
  check_written<std::string>(ranges.value[0], "1.2.3.4/32", range(14, 35, 45));
  CHECK(ranges.value[1].origin == Origin::kInvalid);
  CHECK(ranges.value[1].range == range(14, 47, 48));

  ir::Spec scalar = lower_raw(spec("create", "api_server_authorized_ip_ranges: 1.2.3.4/32\n"));
  CHECK(scalar.api_server_authorized_ip_ranges.origin == Origin::kInvalid);
  CHECK(scalar.api_server_authorized_ip_ranges.value.empty());
}

TEST_CASE("lower_spec: 'name:' with no value is absent, located at the key", "[lower]") {
  ir::Spec s = lower_raw(
      "apiVersion: aksc/v1\n"
      "kind: AksCompute\n"
      "name:\n"
      "mode: provision-and-attach\n" +
      kWorkspace);
  CHECK(s.name.origin == Origin::kAbsent);
  CHECK(s.name.range == range(3, 1, 5));
  CHECK_FALSE(s.name.usable());
  // No cluster_name can be derived from it.
  check_absent(s.cluster_name);

  ir::Spec missing = lower_raw(
      "apiVersion: aksc/v1\n"
      "kind: AksCompute\n"
      "mode: create\n" +
      kWorkspace);
  check_absent(missing.name);
}

TEST_CASE("lower_spec: an empty string is written, not absent", "[lower]") {
  ir::Spec s = lower_raw(
      "apiVersion: aksc/v1\n"
      "kind: AksCompute\n"
      "name: \"\"\n"
      "mode: create\n" +
      kWorkspace);
  check_written<std::string>(s.name, "", range(3, 7, 9));
}

TEST_CASE("lower_spec: node pools that are not mappings are skipped", "[lower]") {
  ir::Spec s = lower_raw(spec("attach",
                              "cluster:\n"
                              "  resource_id: /x\n"
                              "  facts:\n"
                              "    node_pools: [agentpool, {name: p2, count: many}]\n"));
  const auto& pools = s.cluster->facts.node_pools;
  CHECK(pools.origin == Origin::kWritten);
  REQUIRE(pools.value.size() == 1);
  check_written<std::string>(pools.value[0].name, "p2", range(13, 36, 38));
  CHECK(pools.value[0].count.origin == Origin::kInvalid);
}
