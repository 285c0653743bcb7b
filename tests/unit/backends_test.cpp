// The back-ends' pure parts: shell quoting, ARM literals, the lowering to deployment intent
// per mode, and the shapes of the ARM template and deploy.sh.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "backends/arm/arm_strings.h"
#include "backends/arm/arm_template.h"
#include "backends/az/compute_request.h"
#include "backends/az/deploy_script.h"
#include "backends/az/shell_quote.h"
#include "backends/intent.h"
#include "lowered_spec.h"

using aksc::intent::Deployment;
using aksc::intent::Step;
using nlohmann::ordered_json;

namespace {

const std::string kHead =
    "apiVersion: aksc/v1\n"
    "kind: AksCompute\n"
    "name: scoring\n"
    "workspace:\n"
    "  name: ml-ws\n"
    "  resource_group: ml-rg\n"
    "  subscription_id: 0b1f6471-1bf0-4dda-aec3-cb9272f09590\n"
    "  location: eastus\n";

const std::string kAttachById =
    kHead +
    "mode: attach\n"
    "cluster:\n"
    "  resource_id: /subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourcegroups/aks-rg/"
    "providers/Microsoft.ContainerService/managedClusters/existing\n";

aksc::ir::Spec lower_text(const std::string& text) {
  return aksc::test::lowered_spec(text);
}

Deployment deployment_of(const std::string& text) {
  aksc::intent::Lowering lowering = aksc::intent::lower_deployment(lower_text(text));
  INFO((lowering.problems.empty() ? "" : lowering.problems.front()));
  REQUIRE(lowering.deployment);
  return *lowering.deployment;
}

// What bash prints for `printf %s WORD`: the value a quoted word really carries.
std::string bash_reads(const std::string& word) {
  std::filesystem::path script =
      std::filesystem::temp_directory_path() / "aksc-backends-test-quote.sh";
  std::ofstream(script, std::ios::binary) << "printf %s " << word << "\n";
  std::string command = "bash " + script.string();
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe);
  std::string out;
  char buffer[256];
  for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;)
    out.append(buffer, n);
  pclose(pipe);
  std::filesystem::remove(script);
  return out;
}

aksc::ArtifactContext context() {
  return aksc::ArtifactContext{"../../../specs"};
}

}  // namespace

TEST_CASE("shell_quote: bash reads every nasty value back unchanged and runs none of it",
          "[backends]") {
  const std::vector<std::string> nasty = {
      "",
      "plain",
      "it's",
      "''",
      "'; rm -rf / #",
      "$(touch /tmp/aksc-pwned)",
      "`touch /tmp/aksc-pwned`",
      "${HOME}",
      "$HOME",
      "a;b&&c||d|e",
      "line one\nline two",
      "carriage\rreturn",
      "tab\there",
      "*",
      "?[a-z]*",
      "~",
      "-n",
      "\\",
      "\"double\"",
      "caf\xc3\xa9 \xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x9a\x80",
      "!history",
  };
  for (const std::string& value : nasty) {
    INFO("value: " << value);
    std::string word = aksc::az::shell_quote(value);
    CHECK(word.front() == '\'');
    CHECK(word.back() == '\'');
    CHECK(bash_reads(word) == value);
  }
  CHECK_FALSE(std::filesystem::exists("/tmp/aksc-pwned"));
  CHECK(aksc::az::shell_quote("it's") == "'it'\\''s'");
}

TEST_CASE("comment_text: a newline cannot end a comment and start a command", "[backends]") {
  CHECK(aksc::az::comment_text("name\nrm -rf /") == "name?rm -rf /");
  CHECK(aksc::az::comment_text("a\rb\x7f") == "a?b?");
  CHECK(aksc::az::comment_text("caf\xc3\xa9") == "caf\xc3\xa9");
}

TEST_CASE("arm::literal escapes exactly the values ARM would evaluate", "[backends]") {
  CHECK(aksc::arm::literal("[parameters('x')]") == "[[parameters('x')]");
  CHECK(aksc::arm::literal("[]") == "[[]");
  CHECK(aksc::arm::literal("[[a]]") == "[[[a]]");
  // ARM unescapes `[[` only when the value ends with `]`; others stay as written.
  CHECK(aksc::arm::literal("[test] value") == "[test] value");
  CHECK(aksc::arm::literal("[") == "[");
  CHECK(aksc::arm::literal("plain]") == "plain]");
  CHECK(aksc::arm::literal("") == "");
}

TEST_CASE("arm::quote_in_expression doubles single quotes inside expressions", "[backends]") {
  CHECK(aksc::arm::quote_in_expression("rg") == "'rg'");
  CHECK(aksc::arm::quote_in_expression("it's") == "'it''s'");
  CHECK(aksc::arm::quote_in_expression("") == "''");
}

TEST_CASE("dns_prefix_for keeps letters, digits and inner hyphens, at most 54", "[backends]") {
  CHECK(aksc::intent::dns_prefix_for("nlp-private-aks") == "nlp-private-aks");
  CHECK(aksc::intent::dns_prefix_for("my_cluster") == "my-cluster");
  CHECK(aksc::intent::dns_prefix_for("_x_") == "x");
  CHECK(aksc::intent::dns_prefix_for("___") == "");
  CHECK(aksc::intent::dns_prefix_for(std::string(60, 'a')).size() == 54);
}

TEST_CASE("intent of create: defaults resolved, one Azure ML step", "[backends]") {
  Deployment d = deployment_of(kHead +
                               "mode: create\n"
                               "network:\n"
                               "  vnet_resource_group: net-rg\n"
                               "  vnet_name: vnet1\n"
                               "  subnet_name: aks-subnet\n"
                               "  service_cidr: 10.0.0.0/16\n"
                               "  dns_service_ip: 10.0.0.10\n"
                               "  docker_bridge_cidr: 172.17.0.1/16\n");
  CHECK(d.steps == std::vector<Step>{Step::kCreateCompute});
  REQUIRE(d.created);
  CHECK(d.created->location == "eastus");  // workspace.location
  CHECK(d.created->agent_count == 3);
  CHECK(d.created->vm_size == "Standard_D3_v2");
  CHECK(d.compute.purpose == aksc::ir::Purpose::kProduction);
  REQUIRE(d.compute.load_balancer);
  CHECK(d.compute.load_balancer->type == aksc::ir::LoadBalancerType::kPublicIp);
  REQUIRE(d.created->subnet);
  CHECK(d.created->subnet->resource_id() ==
        "/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/net-rg/providers/"
        "Microsoft.Network/virtualNetworks/vnet1/subnets/aks-subnet");
  REQUIRE(d.created->service_network);
  CHECK(d.created->service_network->dns_service_ip == "10.0.0.10");
  CHECK_FALSE(d.provisioned);
  CHECK_FALSE(d.attached);
}

TEST_CASE("intent of attach: by resource ID no lookup, by name a built ID and a lookup",
          "[backends]") {
  Deployment by_id = deployment_of(kAttachById);
  CHECK(by_id.steps == std::vector<Step>{Step::kAttachCompute});
  REQUIRE(by_id.attached);
  CHECK(by_id.attached->id_written);

  Deployment by_name = deployment_of(kHead +
                                     "mode: attach\n"
                                     "cluster:\n"
                                     "  resource_group: aks-rg\n"
                                     "  name: existing\n");
  CHECK(by_name.steps == std::vector<Step>{Step::kLookUpClusterId, Step::kAttachCompute});
  CHECK(by_name.attached->resource_id ==
        "/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/aks-rg/providers/"
        "Microsoft.ContainerService/managedClusters/existing");
  CHECK_FALSE(by_name.compute.load_balancer);  // attach keeps Azure ML's default

  Deployment reattach = deployment_of(kAttachById + "reattach: true\n");
  CHECK(reattach.steps == std::vector<Step>{Step::kDetachCompute, Step::kAttachCompute});
}

TEST_CASE("intent of attach with an internal load balancer and TLS: one attach step carries them",
          "[backends]") {
  Deployment d = deployment_of(kAttachById +
                               "load_balancer:\n"
                               "  type: internal\n"
                               "  subnet: lb-subnet\n"
                               "ssl:\n"
                               "  leaf_domain_label: scoring\n");
  CHECK(d.steps == std::vector<Step>{Step::kAttachCompute});
  REQUIRE(d.compute.tls);
  CHECK(d.compute.tls->status == aksc::ir::SslStatus::kEnabled);  // implied by the label
}

TEST_CASE("intent of provision-and-attach: cluster, lookup, attach", "[backends]") {
  Deployment d = deployment_of(kHead +
                               "mode: provision-and-attach\n"
                               "kubernetes_version: \"1.17.9\"\n"
                               "private_cluster: true\n"
                               "outbound_type: userDefinedRouting\n"
                               "load_balancer: {type: internal, subnet: aks-subnet}\n"
                               "tags: {team: nlp}\n");
  CHECK(d.steps ==
        std::vector<Step>{Step::kCreateCluster, Step::kLookUpClusterId, Step::kAttachCompute});
  REQUIRE(d.provisioned);
  CHECK(d.provisioned->name == "scoring");          // cluster_name defaults to name
  CHECK(d.provisioned->resource_group == "ml-rg");  // and the workspace's group
  CHECK(d.provisioned->dns_prefix == "scoring");
  CHECK(d.provisioned->load_balancer_sku == aksc::ir::LoadBalancerSku::kStandard);
  CHECK(d.provisioned->outbound_type == aksc::ir::OutboundType::kUserDefinedRouting);
  CHECK(d.provisioned->private_cluster);
  CHECK(d.provisioned->tags.at("team") == "nlp");
  REQUIRE(d.attached);
  CHECK_FALSE(d.attached->id_written);
}

TEST_CASE("intent: a spec without what a deployment needs is refused, with reasons", "[backends]") {
  aksc::ir::Spec spec = lower_text(kHead + "mode: create\n");
  spec.workspace.resource_group = {};
  spec.network->vnet_name = {"vnet1", {}, aksc::ir::Origin::kWritten};
  auto lowering = aksc::intent::lower_deployment(spec);
  CHECK_FALSE(lowering.deployment);
  CHECK(lowering.problems == std::vector<std::string>{"workspace.resource_group is missing",
                                                      "network.vnet_resource_group is missing",
                                                      "network.subnet_name is missing"});

  aksc::ir::Spec nul = lower_text(kHead + "mode: create\ndescription: \"a\\0b\"\n");
  auto with_nul = aksc::intent::lower_deployment(nul);
  CHECK(with_nul.problems == std::vector<std::string>{"description contains a NUL character"});
}

TEST_CASE("ARM create: the compute with networking through resourceId() and literals escaped",
          "[backends]") {
  Deployment d = deployment_of(kHead +
                               "mode: create\n"
                               "description: \"[not an expression]\"\n"
                               "network:\n"
                               "  vnet_resource_group: net-rg\n"
                               "  vnet_name: vnet1\n"
                               "  subnet_name: aks-subnet\n");
  ordered_json t = aksc::arm::deployment_template(d, context());
  REQUIRE(t["resources"].size() == 1);
  const ordered_json& compute = t["resources"][0];
  CHECK(compute["type"] == "Microsoft.MachineLearningServices/workspaces/computes");
  CHECK(compute["apiVersion"] == "2024-10-01");
  CHECK(compute["properties"]["description"] == "[[not an expression]");
  const ordered_json& aks = compute["properties"]["properties"];
  CHECK(aks["agentCount"] == 3);
  CHECK(aks["clusterPurpose"] == "FastProd");
  CHECK(aks["loadBalancerType"] == "PublicIp");
  CHECK(aks["aksNetworkingConfiguration"]["subnetId"] ==
        "[resourceId('net-rg', 'Microsoft.Network/virtualNetworks/subnets', 'vnet1', "
        "'aks-subnet')]");
}

TEST_CASE("ARM: a custom certificate travels as securestring parameters, never inline",
          "[backends]") {
  Deployment d = deployment_of(kHead +
                               "mode: create\n"
                               "ssl:\n"
                               "  cname: www.contoso.com\n"
                               "  cert_file: certs/cert.pem\n"
                               "  key_file: certs/key.pem\n");
  ordered_json t = aksc::arm::deployment_template(d, context());
  CHECK(t["parameters"]["sslCert"]["type"] == "securestring");
  CHECK(t["parameters"]["sslKey"]["type"] == "securestring");
  CHECK(t["parameters"]["sslCert"].dump().find("../../../specs/certs/cert.pem") !=
        std::string::npos);
  const ordered_json& ssl = t["resources"][0]["properties"]["properties"]["sslConfiguration"];
  CHECK(ssl["cert"] == "[parameters('sslCert')]");
  CHECK(ssl["key"] == "[parameters('sslKey')]");
  ordered_json p = aksc::arm::deployment_parameters(d);
  CHECK(p["parameters"].size() == 2);
  CHECK_FALSE(p["parameters"].contains("sslCert"));
  CHECK_FALSE(p["parameters"].contains("sslKey"));
}

TEST_CASE("ARM provision-and-attach: the compute depends on the cluster it attaches",
          "[backends]") {
  Deployment d = deployment_of(kHead + "mode: provision-and-attach\n");
  ordered_json t = aksc::arm::deployment_template(d, context());
  REQUIRE(t["resources"].size() == 2);
  CHECK(t["resources"][0]["type"] == "Microsoft.ContainerService/managedClusters");
  CHECK(t["resources"][0]["apiVersion"] == "2020-09-01");
  std::string id =
      "[resourceId('Microsoft.ContainerService/managedClusters', "
      "parameters('clusterName'))]";
  CHECK(t["resources"][1]["dependsOn"] == ordered_json::array({id}));
  CHECK(t["resources"][1]["properties"]["resourceId"] == id);

  Deployment elsewhere = deployment_of(kHead +
                                       "mode: provision-and-attach\n"
                                       "cluster_resource_group: aks-rg\n");
  ordered_json nested = aksc::arm::deployment_template(elsewhere, context());
  CHECK(nested["resources"][0]["type"] == "Microsoft.Resources/deployments");
  CHECK(nested["resources"][0]["resourceGroup"] == "aks-rg");
  CHECK(nested["resources"][0]["properties"]["template"]["resources"][0]["type"] ==
        "Microsoft.ContainerService/managedClusters");
  CHECK(nested["resources"][1]["properties"]["resourceId"] ==
        "[resourceId('aks-rg', 'Microsoft.ContainerService/managedClusters', "
        "parameters('clusterName'))]");
}

TEST_CASE("deploy.sh: strict bash, one commented step per command", "[backends]") {
  Deployment d = deployment_of(kAttachById + "reattach: true\n");
  std::string script = aksc::az::deploy_script(d, context());
  CHECK(script.rfind("#!/usr/bin/env bash\n", 0) == 0);
  CHECK(script.find("\nset -euo pipefail\n") != std::string::npos);
  std::size_t detach = script.find("# Step 1: detach compute 'scoring'");
  std::size_t attach = script.find("# Step 2: attach");
  REQUIRE(detach != std::string::npos);
  REQUIRE(attach != std::string::npos);
  CHECK(detach < attach);
  CHECK(script.find("az rest \\\n  --method delete \\\n  --url "
                    "'https://management.azure.com/subscriptions/"
                    "0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/ml-rg/providers/"
                    "Microsoft.MachineLearningServices/workspaces/ml-ws/computes/scoring"
                    "?api-version=2024-10-01&underlyingResourceAction=Detach'") !=
        std::string::npos);
  CHECK(script.find("azureml-fe") != std::string::npos);
  CHECK(script.find("az ml") == std::string::npos);
}

TEST_CASE("intent: a compute the inventory lists is not created again", "[backends]") {
  const std::string create = kHead +
                             "mode: create\n"
                             "location: eastus\n"
                             "agent_count: 3\n"
                             "vm_size: Standard_D3_v2\n";
  aksc::intent::Existing listed;
  listed.compute_listed = true;
  auto lowering = aksc::intent::lower_deployment(lower_text(create), listed);
  REQUIRE(lowering.deployment);
  CHECK(lowering.deployment->exists_already);
  CHECK(lowering.deployment->steps == std::vector<Step>{Step::kCheckCompute});
  ordered_json t = aksc::arm::deployment_template(*lowering.deployment, context());
  CHECK(t["resources"].empty());
  CHECK(t["metadata"].contains("skipped"));
  std::string script = aksc::az::deploy_script(*lowering.deployment, context());
  CHECK(script.find("--method put") == std::string::npos);
  CHECK(script.find("--method get") != std::string::npos);
  CHECK(script.find("not idempotent") != std::string::npos);

  CHECK(deployment_of(create).steps == std::vector<Step>{Step::kCreateCompute});
}

TEST_CASE("intent: reattach detaches the computes the inventory records on the cluster",
          "[backends]") {
  aksc::intent::Existing held;
  held.cluster_holders = {"old-scoring"};
  auto lowering =
      aksc::intent::lower_deployment(lower_text(kAttachById + "reattach: true\n"), held);
  REQUIRE(lowering.deployment);
  CHECK(lowering.deployment->detach == std::vector<std::string>{"old-scoring"});
  CHECK(lowering.deployment->detach_from_inventory);
  std::string script = aksc::az::deploy_script(*lowering.deployment, context());
  CHECK(script.find("/computes/old-scoring?api-version=2024-10-01&underlyingResourceAction="
                    "Detach'") != std::string::npos);
  CHECK(script.find("/computes/scoring?api-version=2024-10-01&underlyingResourceAction") ==
        std::string::npos);

  // Without reattach, a holder changes nothing (AKS504 reports the clash).
  auto plain = aksc::intent::lower_deployment(lower_text(kAttachById), held);
  REQUIRE(plain.deployment);
  CHECK(plain.deployment->detach.empty());
  CHECK(plain.deployment->steps == std::vector<Step>{Step::kAttachCompute});
}

TEST_CASE("deploy.sh: the compute URL percent-encodes its path segments", "[backends]") {
  aksc::intent::Workspace workspace{"ml ws", "rg(1)", "0b1f6471-1bf0-4dda-aec3-cb9272f09590",
                                    "eastus"};
  CHECK(aksc::az::compute_url(workspace, "a'b") ==
        "https://management.azure.com/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/"
        "resourceGroups/rg%281%29/providers/Microsoft.MachineLearningServices/workspaces/"
        "ml%20ws/computes/a%27b?api-version=" +
            std::string(aksc::arm::kMachineLearningApiVersion));
}

TEST_CASE("deploy.sh: the PUT body is the template's, with run-time values spliced in",
          "[backends]") {
  Deployment d =
      deployment_of(kHead +
                    "mode: attach\n"
                    "cluster: {subscription_id: 0b1f6471-1bf0-4dda-aec3-cb9272f09590, "
                    "resource_group: aks-rg, name: existing}\n"
                    "description: \"it's [ours]\"\n"
                    "ssl: {cname: www.contoso.com, cert_file: c.pem, key_file: k.pem}\n");
  std::string word = aksc::az::compute_body_word(d);
  CHECK(word.find("\"resourceId\": '\"$cluster_id_json\"'") != std::string::npos);
  CHECK(word.find("\"cert\": '\"$ssl_cert_json\"'") != std::string::npos);
  CHECK(word.find("\"key\": '\"$ssl_key_json\"'") != std::string::npos);
  // bash reads the word back as JSON whose spec strings are plain (no ARM '[[' escape).
  std::string json = bash_reads(
      "\"$(cluster_id_json='\"id\"' ssl_cert_json='\"c\"' "
      "ssl_key_json='\"k\"'; printf %s " +
      word + ")\"");
  ordered_json body = ordered_json::parse(json);
  CHECK(body["properties"]["description"] == "it's [ours]");
  CHECK(body["properties"]["resourceId"] == "id");
  CHECK(body["properties"]["properties"]["sslConfiguration"]["cert"] == "c");
}
