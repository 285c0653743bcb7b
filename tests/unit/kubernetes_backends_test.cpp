// The back-ends of kind KubernetesCompute, on IR specs built here: the intent, the extension's
// settings, the ARM template, deploy.sh (run against a fake az) and the CLI v2 YAML files.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "../support/az_log.h"
#include "backends/arm/arm_template.h"
#include "backends/arm/kubernetes_template.h"
#include "backends/artifacts.h"
#include "backends/az/kubernetes_script.h"
#include "backends/extension_settings.h"
#include "backends/intent.h"
#include "backends/yaml/cli_files.h"
#include "backends/yaml/yaml_text.h"
#include "kubernetes_specs.h"
#include "scratch_folder.h"

using aksc::intent::Deployment;
using aksc::intent::Step;
using aksc::ir::Field;
using aksc::test::attach_spec;
using aksc::test::kClusterId;
using aksc::test::kSubscription;
using aksc::test::provision_spec;
using aksc::test::written;
using nlohmann::ordered_json;

namespace {

namespace fs = std::filesystem;

Deployment deployment_of(const aksc::ir::Spec& spec) {
  aksc::intent::Lowering lowering = aksc::intent::lower_deployment(spec);
  INFO((lowering.problems.empty() ? "" : lowering.problems.front()));
  REQUIRE(lowering.deployment);
  return *lowering.deployment;
}

std::vector<std::string> problems_of(const aksc::ir::Spec& spec) {
  return aksc::intent::lower_deployment(spec).problems;
}

aksc::ArtifactContext context() {
  return aksc::ArtifactContext{"../../../specs"};
}

const ordered_json& resource_of(const ordered_json& tmpl, const std::string& type) {
  for (const auto& resource : tmpl["resources"]) {
    if (resource["type"] == type) return resource;
  }
  FAIL("no resource of type " << type);
  throw std::logic_error("unreachable");
}

std::string settings_text(const Deployment& d) {
  std::string text;
  for (const auto& setting : aksc::extension_settings(d))
    text += setting.key + "=" + setting.value + "\n";
  return text;
}

}  // namespace

TEST_CASE("KubernetesCompute intent: attach by ID splits the ID and orders the steps",
          "[backends][kubernetes]") {
  Deployment d = deployment_of(attach_spec());
  REQUIRE(d.kubernetes);
  CHECK(d.attached->subscription_id == kSubscription);
  CHECK(d.attached->resource_group == "aks-rg");
  CHECK(d.attached->name == "vision-aks");
  CHECK(d.steps == std::vector<Step>{Step::kInstallExtension, Step::kCreateNamespace,
                                     Step::kApplyInstanceTypes, Step::kAttachKubernetes});
  CHECK(d.kubernetes->extension.name == "azureml");
  REQUIRE(d.kubernetes->extension.inference);
  CHECK(d.kubernetes->extension.inference->router_ha);
  // defaultinstancetype: a copy of the default, after the spec's own.
  auto types = d.kubernetes->cluster_instance_types();
  REQUIRE(types.size() == 2);
  CHECK(types[1].name == "defaultinstancetype");
  CHECK(types[1].limits == types[0].limits);
}

TEST_CASE("KubernetesCompute intent: provision-and-attach creates and looks up the cluster",
          "[backends][kubernetes]") {
  aksc::ir::Spec spec = provision_spec();
  spec.kubernetes->kubernetes_namespace = written<std::string>("default");
  spec.kubernetes->default_instance_type = {};
  Deployment d = deployment_of(spec);
  CHECK(d.steps == std::vector<Step>{Step::kCreateCluster, Step::kLookUpClusterId,
                                     Step::kInstallExtension, Step::kApplyInstanceTypes,
                                     Step::kAttachKubernetes});
  CHECK(d.kubernetes->cluster_location == "eastus");
  CHECK(d.kubernetes->cluster_instance_types().size() == 1);
}

TEST_CASE("KubernetesCompute intent: what cannot be deployed is refused with a reason",
          "[backends][kubernetes]") {
  SECTION("HTTPS without a secret or the two files") {
    aksc::ir::Spec spec = attach_spec();
    spec.kubernetes->extension.inference.ssl.secret = {};
    spec.kubernetes->extension.inference.ssl.cert_file = written<std::string>("cert.pem");
    auto problems = problems_of(spec);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].find("needs a secret or both cert_file and key_file") != std::string::npos);
  }
  SECTION("a pinned version that would still upgrade itself") {
    aksc::ir::Spec spec = attach_spec();
    spec.kubernetes->extension.version = written<std::string>("1.1.88");
    spec.kubernetes->extension.auto_upgrade_minor_version = written(true);
    REQUIRE(problems_of(spec).size() == 1);
    spec.kubernetes->extension.auto_upgrade_minor_version = {};
    Deployment d = deployment_of(spec);
    CHECK_FALSE(d.kubernetes->extension.auto_upgrade_minor_version);
  }
  SECTION("a node selector key holding '=' (az would split it there)") {
    aksc::ir::Spec spec = attach_spec();
    spec.kubernetes->extension.node_selector =
        written(std::map<std::string, std::string>{{"a=b", "c"}});
    auto problems = problems_of(spec);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0] == "extension.node_selector key 'a=b' contains '='");
  }
  SECTION("a cluster ID that is not a managed cluster's") {
    aksc::ir::Spec spec = attach_spec();
    spec.cluster->resource_id = written<std::string>("/subscriptions/x/resourceGroups/rg");
    CHECK(problems_of(spec).size() == 1);
  }
  SECTION("a default instance type that is not listed") {
    aksc::ir::Spec spec = attach_spec();
    spec.kubernetes->default_instance_type = written<std::string>("gpu-large");
    auto problems = problems_of(spec);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0] == "default_instance_type 'gpu-large' is not one of instance_types");
  }
  SECTION("neither training nor inference") {
    aksc::ir::Spec spec = attach_spec();
    spec.kubernetes->extension.inference.enabled = written(false);
    CHECK(problems_of(spec) ==
          std::vector<std::string>{"the extension enables neither training nor inference"});
  }
}

TEST_CASE("extension settings: the documented keys in a fixed order, True/False as documented",
          "[backends][kubernetes]") {
  CHECK(settings_text(deployment_of(attach_spec())) ==
        "enableTraining=False\n"
        "enableInference=True\n"
        "clusterPurpose=FastProd\n"
        "inferenceRouterServiceType=loadBalancer\n"
        "allowInsecureConnections=False\n"
        "inferenceRouterHA=True\n"
        "sslCname=scoring.contoso.com\n"
        "sslSecret=azureml-tls\n"
        "installNvidiaDevicePlugin=False\n"
        "installDcgmExporter=False\n"
        "installPromOp=True\n"
        "installVolcano=True\n"
        "nodeSelector.pool=ml\n");
  // Files: no sslSecret, and nothing of the certificate among the plain settings.
  std::string files = settings_text(deployment_of(provision_spec()));
  CHECK(files.find("sslSecret") == std::string::npos);
  CHECK(files.find("cert") == std::string::npos);
}

TEST_CASE("ARM: the extension is scoped to the cluster, the compute depends on it",
          "[backends][kubernetes]") {
  Deployment d = deployment_of(attach_spec());
  ordered_json tmpl = aksc::arm::kubernetes_template(d, context());
  // The cluster is in another resource group than the workspace: a nested deployment.
  const auto& nested = resource_of(tmpl, "Microsoft.Resources/deployments");
  CHECK(nested["resourceGroup"] == "aks-rg");
  CHECK_FALSE(nested.contains("subscriptionId"));
  const auto& extension = nested["properties"]["template"]["resources"][0];
  CHECK(extension["type"] == "Microsoft.KubernetesConfiguration/extensions");
  CHECK(extension["apiVersion"] == aksc::arm::kKubernetesConfigurationApiVersion);
  CHECK(extension["identity"]["type"] == "SystemAssigned");
  const auto& properties = extension["properties"];
  CHECK(properties["extensionType"] == "Microsoft.AzureML.Kubernetes");
  CHECK(properties["releaseTrain"] == "stable");
  CHECK(properties["autoUpgradeMinorVersion"] == true);
  CHECK_FALSE(properties.contains("version"));
  CHECK(properties["scope"]["cluster"]["releaseNamespace"] == "azureml");
  const auto& settings = properties["configurationSettings"];
  CHECK(settings["scoringFe.sslSecret"] == "azureml-tls");
  CHECK(settings["nginxIngress.enabled"] == "true");
  CHECK(settings["relayserver.enabled"] == "false");
  CHECK(settings["clusterId"] ==
        "[resourceId('Microsoft.ContainerService/managedClusters', parameters('clusterName'))]");
  CHECK(settings["location"].get<std::string>().find("reference(") != std::string::npos);
  CHECK_FALSE(properties.contains("configurationProtectedSettings"));

  const auto& compute = resource_of(tmpl, "Microsoft.MachineLearningServices/workspaces/computes");
  CHECK(compute["dependsOn"][0] ==
        "[resourceId('aks-rg', 'Microsoft.Resources/deployments', concat('aksc-ext-', "
        "parameters('clusterName')))]");
  CHECK(compute["identity"]["type"] == "SystemAssigned");
  CHECK(compute["properties"]["computeType"] == "Kubernetes");
  const auto& kubernetes = compute["properties"]["properties"];
  CHECK(kubernetes["namespace"] == "azureml-vision");
  CHECK(kubernetes["defaultInstanceType"] == "gpu-small");
  CHECK(kubernetes["instanceTypes"]["gpu-small"]["resources"]["limits"]["nvidia.com/gpu"] == "1");
  CHECK(tmpl["metadata"].contains("afterDeploying"));

  ordered_json parameters = aksc::arm::kubernetes_parameters(d);
  CHECK(parameters["parameters"]["clusterName"]["value"] == "vision-aks");
  CHECK(parameters["parameters"]["extensionName"]["value"] == "azureml");
}

TEST_CASE("ARM provision-and-attach: cluster, extension, compute, certificates by parameter",
          "[backends][kubernetes]") {
  Deployment d = deployment_of(provision_spec());
  ordered_json tmpl = aksc::arm::kubernetes_template(d, context());
  REQUIRE(tmpl["resources"].size() == 3);
  CHECK(tmpl["resources"][0]["type"] == "Microsoft.ContainerService/managedClusters");
  const auto& extension = tmpl["resources"][1];
  CHECK(extension["scope"] ==
        "[concat('Microsoft.ContainerService/managedClusters/', parameters('clusterName'))]");
  CHECK(extension["dependsOn"][0] ==
        "[resourceId('Microsoft.ContainerService/managedClusters', parameters('clusterName'))]");
  const auto& protected_settings = extension["properties"]["configurationProtectedSettings"];
  CHECK(protected_settings["scoringFe.sslCert"] == "[base64(parameters('sslCert'))]");
  CHECK(protected_settings["scoringFe.sslKey"] == "[base64(parameters('sslKey'))]");
  CHECK(tmpl["parameters"]["sslCert"]["type"] == "securestring");
  CHECK(extension["properties"]["configurationSettings"]["location"] == "eastus");
  CHECK(extension["properties"]["configurationSettings"]["domain"] == "eastus.cloudapp.azure.com");
  const auto& compute = tmpl["resources"][2];
  CHECK(compute["dependsOn"][0] ==
        "[extensionResourceId(resourceId('Microsoft.ContainerService/managedClusters', "
        "parameters('clusterName')), 'Microsoft.KubernetesConfiguration/extensions', "
        "parameters('extensionName'))]");
  std::string parameters = aksc::arm::to_text(aksc::arm::kubernetes_parameters(d));
  CHECK(parameters.find("ssl") == std::string::npos);
}

TEST_CASE("ARM: a user-assigned identity and spec values that look like expressions",
          "[backends][kubernetes]") {
  aksc::ir::Spec spec = attach_spec();
  std::string identity = "/subscriptions/" + kSubscription +
                         "/resourceGroups/ml-rg/providers/Microsoft.ManagedIdentity/"
                         "userAssignedIdentities/vision-id";
  spec.kubernetes->identity.type = written(aksc::ir::IdentityType::kUserAssigned);
  spec.kubernetes->identity.user_assigned_identities =
      written(std::vector<Field<std::string>>{written(identity)});
  spec.kubernetes->kubernetes_namespace = written<std::string>("[concat('x')]");
  ordered_json tmpl = aksc::arm::kubernetes_template(deployment_of(spec), context());
  const auto& compute = resource_of(tmpl, "Microsoft.MachineLearningServices/workspaces/computes");
  CHECK(compute["identity"]["type"] == "UserAssigned");
  CHECK(compute["identity"]["userAssignedIdentities"][identity] == ordered_json::object());
  CHECK(compute["properties"]["properties"]["namespace"] == "[[concat('x')]");
}

TEST_CASE(
    "render_artifacts: cli writes compute.yml and instance-types.yaml, az the script "
    "and the file it applies",
    "[backends][kubernetes]") {
  Deployment d = deployment_of(attach_spec());
  auto names = [&](aksc::Target target) {
    std::vector<std::string> files;
    for (const auto& artifact : aksc::render_artifacts(d, target, context()))
      files.push_back(artifact.file_name);
    return files;
  };
  CHECK(names(aksc::Target::kCli) ==
        std::vector<std::string>{"compute.yml", "instance-types.yaml"});
  CHECK(names(aksc::Target::kAz) == std::vector<std::string>{"deploy.sh", "instance-types.yaml"});
  CHECK(names(aksc::Target::kArm) ==
        std::vector<std::string>{"azuredeploy.json", "azuredeploy.parameters.json"});
  CHECK(names(aksc::Target::kAll) ==
        std::vector<std::string>{"azuredeploy.json", "azuredeploy.parameters.json", "compute.yml",
                                 "deploy.sh", "instance-types.yaml"});
  CHECK(aksc::parse_target("cli") == aksc::Target::kCli);
}

TEST_CASE("CLI files: compute.yml and the InstanceTypeList", "[backends][kubernetes]") {
  Deployment d = deployment_of(attach_spec());
  CHECK(aksc::yaml::compute_yaml(d) ==
        "$schema: https://azuremlschemas.azureedge.net/latest/kubernetesCompute.schema.json\n"
        "type: kubernetes\n"
        "name: \"k8s-vision\"\n"
        "resource_id: \"" +
            kClusterId +
            "\"\n"
            "namespace: \"azureml-vision\"\n"
            "identity:\n"
            "  type: system_assigned\n");
  // defaultinstancetype is a copy of the default, gpu-small.
  const std::string spec =
      "    spec:\n"
      "      nodeSelector:\n"
      "        \"pool\": \"gpu\"\n"
      "      resources:\n"
      "        requests:\n"
      "          \"cpu\": \"500m\"\n"
      "          \"memory\": \"4Gi\"\n"
      "        limits:\n"
      "          \"cpu\": \"2\"\n"
      "          \"memory\": \"8Gi\"\n"
      "          \"nvidia.com/gpu\": \"1\"\n";
  CHECK(aksc::yaml::instance_types_yaml(d) ==
        "apiVersion: amlarc.azureml.com/v1alpha1\n"
        "kind: InstanceTypeList\n"
        "items:\n"
        "  - metadata:\n"
        "      name: \"gpu-small\"\n" +
            spec +
            "  - metadata:\n"
            "      name: \"defaultinstancetype\"\n" +
            spec);
}

TEST_CASE("yaml::double_quoted escapes what could end the scalar or is not printable",
          "[backends][kubernetes]") {
  CHECK(aksc::yaml::double_quoted("plain") == "\"plain\"");
  CHECK(aksc::yaml::double_quoted("a\"b\\c") == "\"a\\\"b\\\\c\"");
  CHECK(aksc::yaml::double_quoted("line\nkey: value") == "\"line\\u000Akey: value\"");
  CHECK(aksc::yaml::double_quoted("del\x7f") == "\"del\\u007F\"");
  CHECK(aksc::yaml::double_quoted("w\xc5\xa1") == "\"w\xc5\xa1\"");      // š kept
  CHECK(aksc::yaml::double_quoted("c1\xc2\x85") == "\"c1\\u0085\"");     // NEL escaped
  CHECK(aksc::yaml::double_quoted("bad\xff") == "\"bad\xef\xbf\xbd\"");  // not UTF-8: U+FFFD
  CHECK(aksc::yaml::double_quoted("\xed\xa0\x80") ==  // a surrogate: U+FFFD for each byte
        "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"");
}

namespace {

std::vector<std::string> values_after(const std::vector<std::string>& argv,
                                      const std::string& option) {
  std::vector<std::string> values;
  for (std::size_t i = 0; i < argv.size(); ++i) {
    if (argv[i] != option) continue;
    for (std::size_t j = i + 1; j < argv.size() && !argv[j].starts_with("--"); ++j)
      values.push_back(argv[j]);
  }
  return values;
}

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

int run_bash(const fs::path& script, const fs::path& folder) {
  std::string command = "cd '" + folder.string() + "' && PATH='" + (folder / "bin").string() +
                        "':/usr/bin:/bin AZ_LOG='" + (folder / "az.log").string() + "' bash '" +
                        script.string() + "' > /dev/null 2>&1";
  return std::system(command.c_str());
}

}  // namespace

TEST_CASE("deploy.sh: az gets every nasty spec value as one literal argument, runs nothing else",
          "[backends][kubernetes]") {
  aksc::test::ScratchFolder folder("aksc-k8s-script");
  const std::string nasty_namespace = "ns'; touch pwned1; '";
  const std::string cname = "scoring.contoso.com $(touch pwned2)";
  const std::string secret = "tls`touch pwned3`";
  const std::string selector_key = "pool $(touch pwned4)";
  const std::string selector_value = "ml\nsecond line; touch pwned5";
  const std::string type_name = "gpu'\"$(touch pwned6)";
  aksc::ir::Spec spec = attach_spec();
  spec.kubernetes->kubernetes_namespace = written(nasty_namespace);
  spec.kubernetes->extension.inference.ssl.cname = written(cname);
  spec.kubernetes->extension.inference.ssl.secret = written(secret);
  spec.kubernetes->extension.node_selector =
      written(std::map<std::string, std::string>{{selector_key, selector_value}});
  auto types = spec.kubernetes->instance_types.value;
  types[0].name = written(type_name);
  spec.kubernetes->instance_types = written(types);
  spec.kubernetes->default_instance_type = written(type_name);
  spec.name = written<std::string>("k8s $(touch pwned7)");
  Deployment d = deployment_of(spec);

  fs::path out = folder.path / "out";
  fs::create_directories(out);
  fs::create_directories(folder.path / "bin");
  for (const auto& artifact : aksc::render_artifacts(d, aksc::Target::kAz, context()))
    std::ofstream(out / artifact.file_name, std::ios::binary) << artifact.content;
  fs::path fake = folder.write("bin/az", aksc::test::kFakeAz);
  fs::permissions(fake, fs::perms::owner_all);
  CHECK(run_bash(out / "deploy.sh", folder.path) == 0);

  auto calls = aksc::test::az_calls(read_all(folder.path / "az.log"));
  REQUIRE(calls.size() == 5);  // show, create, namespace, instance types, attach
  CHECK(calls[0][0] == "k8s-extension");
  CHECK(calls[0][1] == "show");
  const auto& create = calls[1];
  CHECK(create[1] == "create");
  std::vector<std::string> config = values_after(create, "--config");
  CHECK(std::count(config.begin(), config.end(), "sslCname=" + cname) == 1);
  CHECK(std::count(config.begin(), config.end(), "sslSecret=" + secret) == 1);
  CHECK(std::count(config.begin(), config.end(),
                   "nodeSelector." + selector_key + "=" + selector_value) == 1);
  const auto& ns = calls[2];
  CHECK(values_after(ns, "--command") ==
        std::vector<std::string>{"kubectl create namespace 'ns'\\''; touch pwned1; '\\''' "
                                 "--dry-run=client --output yaml | kubectl apply --filename -"});
  const auto& apply = calls[3];
  CHECK(values_after(apply, "--file") ==
        std::vector<std::string>{(out / "instance-types.yaml").string()});
  const auto& attach = calls[4];
  CHECK(values_after(attach, "--name") == std::vector<std::string>{d.compute.name});
  CHECK(values_after(attach, "--namespace") == std::vector<std::string>{nasty_namespace});
  CHECK(values_after(attach, "--resource-id") == std::vector<std::string>{kClusterId});
  for (int i = 1; i <= 7; ++i) {
    CHECK_FALSE(fs::exists(folder.path / ("pwned" + std::to_string(i))));
    CHECK_FALSE(fs::exists(out / ("pwned" + std::to_string(i))));
  }
}

TEST_CASE("deploy.sh: certificate files go as paths through --config-protected",
          "[backends][kubernetes]") {
  Deployment d = deployment_of(provision_spec());
  std::string script = aksc::az::kubernetes_script(d, context());
  CHECK(script.find("  --config-protected 'sslCertPemFile='\"$here\"/'../../../specs/certs/"
                    "cert.pem' \\\n    'sslKeyPemFile='\"$here\"/'../../../specs/certs/key.pem'") !=
        std::string::npos);
  CHECK(script.find("az aks create") < script.find("az k8s-extension create"));
  CHECK(script.find("az k8s-extension create") < script.find("kubectl apply"));
  CHECK(script.find("kubectl apply") < script.find("az ml compute attach"));
  CHECK(script.find("set -euo pipefail") != std::string::npos);
  CHECK(script.find("az account set") == std::string::npos);
}
