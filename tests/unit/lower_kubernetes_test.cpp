// lower_spec on kind KubernetesCompute (SPEC-2 §B): the kind, every field of the extension and
// the instance types with its range, the extension's spellings, and its defaults marked
// kDefaulted at their parent's key.
#include <catch2/catch.hpp>

#include <map>
#include <string>

#include "lowered_spec.h"

using aksc::SourceRange;
using aksc::ir::Origin;
namespace ir = aksc::ir;

namespace {

SourceRange range(int line, int column, int end_column) {
  return aksc::test::line_range(line, column, end_column);
}

using aksc::test::check_defaulted;
using aksc::test::check_written;

// kind on line 2 (its value at columns 7-24), mode on line 4, workspace on lines 5-9.
std::string v2_spec(const std::string& mode, const std::string& rest = "") {
  return "apiVersion: aksc/v1\n"
         "kind: KubernetesCompute\n"
         "name: k8s-vision\n"
         "mode: " +
         mode +
         "\n"
         "workspace:\n"
         "  name: ml-ws\n"
         "  resource_group: ml-rg\n"
         "  subscription_id: 0b1f6471-1bf0-4dda-aec3-cb9272f09590\n"
         "  location: eastus\n" +
         rest;
}

ir::Spec lowered_clean(const std::string& text) {
  return aksc::test::lowered_valid_spec(text);
}

}  // namespace

TEST_CASE("lower_spec: kind KubernetesCompute, every field with its range", "[lower][v2]") {
  ir::Spec s = lowered_clean(v2_spec("attach",
                                     "namespace: azureml-vision\n"                             // 10
                                     "identity:\n"                                             // 11
                                     "  type: UserAssigned\n"                                  // 12
                                     "  user_assigned_identities: [/subscriptions/x]\n"        // 13
                                     "extension:\n"                                            // 14
                                     "  name: aml\n"                                           // 15
                                     "  release_train: Preview\n"                              // 16
                                     "  version: 1.1.63\n"                                     // 17
                                     "  auto_upgrade_minor_version: false\n"                   // 18
                                     "  training: \"True\"\n"                                  // 19
                                     "  inference:\n"                                          // 20
                                     "    enabled: true\n"                                     // 21
                                     "    router_service_type: clusterIP\n"                    // 22
                                     "    internal_load_balancer: \"false\"\n"                 // 23
                                     "    router_ha: False\n"                                  // 24
                                     "    allow_insecure_connections: true\n"                  // 25
                                     "    ssl:\n"                                              // 26
                                     "      cname: scoring.contoso.com\n"                      // 27
                                     "      secret: azureml-tls\n"                             // 28
                                     "      cert_file: certs/cert.pem\n"                       // 29
                                     "      key_file: certs/key.pem\n"                         // 30
                                     "  node_selector: {pool: ml}\n"                           // 31
                                     "  install_nvidia_device_plugin: true\n"                  // 32
                                     "  install_dcgm_exporter: \"True\"\n"                     // 33
                                     "  install_prom_op: false\n"                              // 34
                                     "  install_volcano: \"False\"\n"                          // 35
                                     "instance_types:\n"                                       // 36
                                     "  - name: gpu-small\n"                                   // 37
                                     "    node_selector: {pool: gpu}\n"                        // 38
                                     "    requests: {cpu: 500m, memory: 4Gi}\n"                // 39
                                     "    limits: {cpu: 2, memory: 8Gi, nvidia.com/gpu: 1}\n"  // 40
                                     "default_instance_type: gpu-small\n"                      // 41
                                     "cluster:\n"                                              // 42
                                     "  name: aks\n"
                                     "  resource_group: aks-rg\n"
                                     "  facts:\n"
                                     "    identity_type: ServicePrincipal\n"  // 46
                                     "    local_accounts_disabled: true\n"));
  CHECK(s.kind == ir::Kind::kKubernetesCompute);
  CHECK(s.kind_range == range(2, 7, 24));
  const ir::KubernetesComputeParts& k = *s.kubernetes;
  check_written<std::string>(k.kubernetes_namespace, "azureml-vision");
  CHECK(k.kubernetes_namespace.range == range(10, 12, 26));
  CHECK(k.identity.range == range(11, 1, 9));
  check_written(k.identity.type, ir::IdentityType::kUserAssigned);
  REQUIRE(k.identity.user_assigned_identities.value.size() == 1);
  CHECK(k.identity.user_assigned_identities.value[0].value == "/subscriptions/x");

  const ir::Extension& e = k.extension;
  CHECK(e.range == range(14, 1, 10));
  check_written<std::string>(e.name, "aml");
  check_written(e.release_train, ir::ReleaseTrain::kPreview);
  check_written<std::string>(e.version, "1.1.63");
  check_written(e.auto_upgrade_minor_version, false);
  check_written(e.training, true);
  CHECK(e.training.range == range(19, 13, 19));
  check_written(e.inference.enabled, true);
  check_written(e.inference.router_service_type, ir::RouterServiceType::kClusterIp);
  check_written(e.inference.internal_load_balancer, false);
  check_written(e.inference.router_ha, false);
  check_written(e.inference.allow_insecure_connections, true);
  CHECK(e.inference.ssl.range == range(26, 5, 8));
  check_written<std::string>(e.inference.ssl.cname, "scoring.contoso.com");
  check_written<std::string>(e.inference.ssl.secret, "azureml-tls");
  check_written<std::string>(e.inference.ssl.cert_file, "certs/cert.pem");
  check_written<std::string>(e.inference.ssl.key_file, "certs/key.pem");
  CHECK(e.inference.ssl.key_protection == ir::PemKeyProtection::kUnchecked);  // not read yet
  check_written(e.node_selector, std::map<std::string, std::string>{{"pool", "ml"}});
  check_written(e.install_nvidia_device_plugin, true);
  check_written(e.install_dcgm_exporter, true);
  check_written(e.install_prom_op, false);
  check_written(e.install_volcano, false);

  REQUIRE(k.instance_types.written());
  CHECK(k.instance_types.range == range(36, 1, 15));
  REQUIRE(k.instance_types.value.size() == 1);
  const ir::InstanceType& gpu = k.instance_types.value[0];
  CHECK(gpu.range.begin.line == 37);
  check_written<std::string>(gpu.name, "gpu-small");
  check_written(gpu.node_selector, std::map<std::string, std::string>{{"pool", "gpu"}});
  check_written<std::string>(gpu.requests.cpu, "500m");
  CHECK(gpu.requests.cpu.range == range(39, 21, 25));
  check_written<std::string>(gpu.requests.memory, "4Gi");
  CHECK(gpu.requests.gpu.origin == Origin::kAbsent);
  check_written<std::string>(gpu.limits.cpu, "2");  // a YAML integer, as its decimal text
  check_written<std::string>(gpu.limits.gpu, "1");
  CHECK(gpu.limits.gpu.range.begin.line == 40);
  check_written<std::string>(k.default_instance_type, "gpu-small");

  check_written(s.cluster->facts.identity_type, ir::IdentityType::kServicePrincipal);
  check_written(s.cluster->facts.local_accounts_disabled, true);
  // AksCompute's own fields are neither read nor defaulted.
  CHECK(s.accelerator.origin == Origin::kAbsent);
  CHECK(s.reattach.origin == Origin::kAbsent);
}

TEST_CASE("lower_spec: KubernetesCompute defaults at their parent's key", "[lower][v2]") {
  SECTION("no extension: the defaults point at the kind") {
    ir::Spec s = lowered_clean(v2_spec("provision-and-attach"));
    SourceRange kind = range(2, 7, 24);
    const ir::Extension& e = s.kubernetes->extension;
    check_defaulted<std::string>(s.kubernetes->kubernetes_namespace, "default", kind);
    check_defaulted<std::string>(e.name, "azureml", kind);
    check_defaulted(e.release_train, ir::ReleaseTrain::kStable, kind);
    check_defaulted(e.auto_upgrade_minor_version, true, kind);
    check_defaulted(e.training, false, kind);
    check_defaulted(e.inference.enabled, false, kind);
    check_defaulted(e.inference.router_ha, true, kind);
    check_defaulted(e.inference.allow_insecure_connections, false, kind);
    check_defaulted(e.inference.internal_load_balancer, false, kind);
    check_defaulted(e.install_nvidia_device_plugin, false, kind);
    check_defaulted(e.install_dcgm_exporter, false, kind);
    check_defaulted(e.install_prom_op, true, kind);
    check_defaulted(e.install_volcano, true, kind);
    CHECK_FALSE(e.range.known());
    CHECK(e.inference.router_service_type.origin == Origin::kAbsent);
    CHECK(e.version.origin == Origin::kAbsent);
    CHECK(s.kubernetes->identity.type.origin == Origin::kAbsent);
    CHECK(s.kubernetes->instance_types.origin == Origin::kAbsent);
    CHECK(s.kubernetes->default_instance_type.origin == Origin::kAbsent);
    // The shared provision-and-attach defaults hold for this kind too.
    CHECK(s.agent_count.defaulted());
    CHECK(s.load_balancer.sku.value == ir::LoadBalancerSku::kStandard);
  }
  SECTION("an extension without inference: its defaults point at the extension key") {
    ir::Spec s = lowered_clean(v2_spec("provision-and-attach",
                                       "extension:\n"  // 10
                                       "  training: true\n"
                                       "  version: \"\"\n"));
    const ir::Extension& e = s.kubernetes->extension;
    SourceRange extension = range(10, 1, 10);
    check_defaulted(e.inference.enabled, false, extension);
    check_defaulted(e.inference.router_ha, true, extension);
    check_defaulted<std::string>(e.name, "azureml", extension);
    CHECK(e.version.origin == Origin::kAbsent);  // an empty pin pins nothing
  }
  SECTION("an inference block: its defaults point at the inference key") {
    ir::Spec s = lowered_clean(v2_spec("provision-and-attach",
                                       "extension:\n"    // 10
                                       "  inference:\n"  // 11
                                       "    enabled: true\n"
                                       "    router_service_type: node-port\n"));
    const ir::Inference& i = s.kubernetes->extension.inference;
    check_defaulted(i.router_ha, true, range(11, 3, 12));
    check_defaulted(i.allow_insecure_connections, false, range(11, 3, 12));
    check_defaulted<std::string>(s.kubernetes->extension.name, "azureml", range(10, 1, 10));
  }
}

TEST_CASE("lower_spec: instance-type quantities keep their text", "[lower][v2]") {
  ir::Spec s =
      lowered_clean(v2_spec("provision-and-attach",
                            "instance_types:\n"
                            "  - name: a\n"
                            "    requests: {cpu: 0.5, memory: 1e9}\n"
                            "    limits: {cpu: 0x10, memory: \"2Gi\", nvidia.com/gpu: null}\n"));
  const ir::InstanceType& a = s.kubernetes->instance_types.value.at(0);
  check_written<std::string>(a.requests.cpu, "0.5");
  check_written<std::string>(a.requests.memory, "1e9");  // a YAML float, as written
  check_written<std::string>(a.limits.cpu, "16");        // a YAML integer, in decimal
  check_written<std::string>(a.limits.memory, "2Gi");
  CHECK(a.limits.gpu.origin == Origin::kAbsent);  // null, as the default instance type writes it
}

TEST_CASE("lower_spec: an AksCompute spec has no KubernetesCompute parts", "[lower][v2]") {
  ir::Spec s = aksc::test::lowered_spec(
      "apiVersion: aksc/v1\nkind: AksCompute\nname: prod-aks\nmode: create\n"
      "workspace: {name: ml-ws, resource_group: ml-rg, subscription_id: "
      "0b1f6471-1bf0-4dda-aec3-cb9272f09590, location: eastus}\n");
  CHECK(s.kind == ir::Kind::kAksCompute);
  CHECK_FALSE(s.kubernetes);
  CHECK(s.accelerator.defaulted());
}

TEST_CASE("lower_spec: settings in another spelling or of the wrong type", "[lower][v2]") {
  // The schema reports these (AKS002); lowering marks them invalid and never throws.
  ir::Spec s = aksc::test::lowered_spec(v2_spec("attach",
                                                "extension:\n"
                                                "  training: yes\n"
                                                "  inference: {enabled: 1, router_ha: TRUE}\n"
                                                "instance_types: {name: a}\n"));
  CHECK(s.kubernetes->extension.training.origin == Origin::kInvalid);
  CHECK(s.kubernetes->extension.inference.enabled.origin == Origin::kInvalid);
  check_written(s.kubernetes->extension.inference.router_ha, true);  // case-insensitive
  CHECK(s.kubernetes->instance_types.origin == Origin::kInvalid);
}
