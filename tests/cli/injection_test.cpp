// deploy.sh passes spec values to az as literal arguments and in its request body: run with a
// fake `az` first on PATH, every argument and body value it receives is exactly the spec's
// value (or the certificate file's contents), whatever shell syntax the value holds.
#include <algorithm>
#include <filesystem>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "../support/az_log.h"
#include "../support/process.h"
#include "integration_support.h"

using aksc::test::az_calls;
using aksc::test::read_text;
using aksc::test::run_aksc;
using aksc::test::run_process;
using aksc::test::source_dir;
using aksc::test::TempDir;

namespace {
namespace fs = std::filesystem;

std::string value_after(const std::vector<std::string>& argv, const std::string& option) {
  for (std::size_t i = 0; i + 1 < argv.size(); ++i)
    if (argv[i] == option) return argv[i + 1];
  return "<" + option + " missing>";
}

// The decoded path segment that follows `key/` in a percent-encoded URL.
std::string url_segment_after(const std::string& url, const std::string& key) {
  std::size_t start = url.find("/" + key + "/");
  if (start == std::string::npos) return "<" + key + " missing>";
  start += key.size() + 2;
  std::size_t end = url.find_first_of("/?", start);
  std::string decoded;
  for (std::size_t i = start; i < end; ++i) {
    if (url[i] == '%' && i + 2 < end) {
      decoded += static_cast<char>(std::stoi(url.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      decoded += url[i];
    }
  }
  return decoded;
}

// Runs `script` with the fake az first on PATH (log and body in `dir`); the calls it made.
std::vector<std::vector<std::string>> run_with_fake_az(TempDir& dir, const fs::path& script) {
  fs::path fake = dir.write("bin/az", aksc::test::kFakeAz);
  fs::permissions(fake, fs::perms::owner_all);
  auto run = run_process({"bash", script.string()}, dir.path(),
                         {"PATH=" + (dir.path() / "bin").string() + ":/usr/bin:/bin",
                          "AZ_LOG=" + (dir.path() / "az.log").string(),
                          "AZ_BODY=" + (dir.path() / "body.json").string()});
  INFO(run.out << run.err);
  CHECK(run.exit_code == 0);
  return az_calls(read_text(dir.path() / "az.log"));
}

}  // namespace

TEST_CASE("deploy.sh hands az each spec value as one literal argument, and runs nothing else") {
  TempDir dir;
  const std::string group = "ml-rg(prod).v2";
  const std::string workspace = "wš-ü; $(touch pwned1) `touch pwned2` *";
  const std::string cname = "www.contoso.com";
  const std::string cert = "certs/my cert $HOME `touch pwned3`.pem";
  const std::string key = "certs/key '$(touch pwned4)'.pem";
  fs::path certs = source_dir() / "tests/golden-build/create-internal-lb-custom-cert/certs";
  fs::create_directories(dir.path() / "specs/certs");
  fs::copy_file(certs / "cert.pem", dir.path() / "specs" / cert);
  fs::copy_file(certs / "key.pem", dir.path() / "specs" / key);
  // YAML single quotes keep every character but the quote itself, which doubles.
  auto quoted = [](std::string text) {
    for (std::size_t at = 0; (at = text.find('\'', at)) != std::string::npos; at += 2)
      text.insert(at, "'");
    return "'" + text + "'";
  };
  dir.write("specs/nasty.yaml",
            "apiVersion: aksc/v1\nkind: AksCompute\nname: fraud-scoring\nmode: create\n"
            "workspace:\n  name: " +
                quoted(workspace) + "\n  resource_group: " + quoted(group) +
                "\n  subscription_id: 0b1f6471-1bf0-4dda-aec3-cb9272f09590\n"
                "  location: westeurope\npurpose: production\nagent_count: 3\n"
                "vm_size: Standard_D3_v2\nssl:\n  status: enabled\n  cname: " +
                cname + "\n  cert_file: " + quoted(cert) + "\n  key_file: " + quoted(key) + "\n");
  // AKS107 refuses such a workspace name; with it off, deploy.sh must still quote it.
  dir.write("specs/aksc.yaml", "rules:\n  AKS107: 'off'\n");
  auto built = run_aksc({"build", "specs", "-o", "out", "--target", "az"}, dir.path());
  INFO(built.out << built.err);
  REQUIRE(built.exit_code == 0);
  fs::path script;
  for (const auto& entry : fs::recursive_directory_iterator(dir.path() / "out"))
    if (entry.path().filename() == "deploy.sh") script = entry.path();
  REQUIRE_FALSE(script.empty());
  auto calls = run_with_fake_az(dir, script);
  REQUIRE_FALSE(calls.empty());
  const std::vector<std::string>& put = calls.front();
  REQUIRE(put.size() > 4);
  CHECK(std::vector<std::string>(put.begin(), put.begin() + 3) ==
        std::vector<std::string>{"rest", "--method", "put"});
  std::string url = value_after(put, "--url");
  CHECK(url_segment_after(url, "resourceGroups") == group);
  CHECK(url_segment_after(url, "workspaces") == workspace);
  CHECK(url_segment_after(url, "computes") == "fraud-scoring");
  auto body = nlohmann::json::parse(read_text(dir.path() / "body.json"));
  const auto& ssl = body["properties"]["properties"]["sslConfiguration"];
  CHECK(ssl["cname"] == cname);
  CHECK(ssl["cert"] == read_text(dir.path() / "specs" / cert));
  CHECK(ssl["key"] == read_text(dir.path() / "specs" / key));
  for (const auto& call : calls) {  // the certificate never reaches a command line
    for (const std::string& argument : call)
      CHECK(argument.find("BEGIN") == std::string::npos);
  }
  for (const char* pwned : {"pwned1", "pwned2", "pwned3", "pwned4"}) {
    CHECK_FALSE(fs::exists(dir.path() / pwned));
    CHECK_FALSE(fs::exists(script.parent_path() / pwned));
  }
}

TEST_CASE("KubernetesCompute deploy.sh hands az each spec value as one literal argument") {
  TempDir dir;
  const std::string description = "[$(touch pwned1)] `touch pwned2`; echo 'done'";
  const std::string secret = "tls'; touch pwned3; '";
  const std::string selector = "ml $(touch pwned4) \"x\"";
  const std::string identity =
      "/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/ml-rg/providers/"
      "Microsoft.ManagedIdentity/userAssignedIdentities/id-$(touch pwned5)";
  auto quoted = [](std::string text) {
    for (std::size_t at = 0; (at = text.find('\'', at)) != std::string::npos; at += 2)
      text.insert(at, "'");
    return "'" + text + "'";
  };
  dir.write(
      "specs/nasty.yaml",
      "apiVersion: aksc/v1\nkind: KubernetesCompute\nname: k8s-nasty\nmode: attach\n"
      "workspace:\n  name: ml-ws\n  resource_group: ml-rg\n"
      "  subscription_id: 0b1f6471-1bf0-4dda-aec3-cb9272f09590\n  location: eastus\n"
      "purpose: dev-test\ndescription: " +
          quoted(description) + "\ntags: {owner: " + quoted(description) +
          "}\nidentity:\n  type: user-assigned\n  user_assigned_identities: [" + quoted(identity) +
          "]\nextension:\n  inference:\n    enabled: true\n"
          "    router_service_type: cluster-ip\n    router_ha: false\n"
          "    ssl:\n      cname: scoring.contoso.com\n      secret: " +
          quoted(secret) + "\n  node_selector: {pool: " + quoted(selector) +
          "}\ninstance_types:\n  - name: cpu-small\n    node_selector: {pool: " + quoted(selector) +
          "}  # aksc-ignore AKS811: not a label value, kept to test quoting\n    requests: {cpu: "
          "500m, memory: 1Gi}\n    limits: {cpu: \"1\", memory: 2Gi}\n"
          "cluster:\n  resource_id: /subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/"
          "resourceGroups/ml-rg/providers/Microsoft.ContainerService/managedClusters/aks\n"
          "  facts:\n    location: eastus\n    identity_type: system-assigned\n"
          "    local_accounts_disabled: false\n    kubernetes_version: \"1.35.1\"\n"
          "    load_balancer_sku: standard\n    private_cluster: false\n"
          "    authorized_ip_ranges: []\n    outbound_type: load-balancer\n"
          "    node_pools:\n      - {name: system, mode: system, vm_size: Standard_D4s_v3, "
          "count: 1}\n");
  auto built = run_aksc({"build", "specs", "-o", "out", "--target", "az"}, dir.path());
  INFO(built.out << built.err);
  REQUIRE(built.exit_code == 0);
  fs::path script = dir.path() / "out/ml-ws/k8s-nasty/deploy.sh";
  REQUIRE(fs::exists(script));
  auto calls = run_with_fake_az(dir, script);
  std::vector<std::string> create, attach;
  for (const auto& call : calls) {
    if (call.size() > 1 && call[0] == "k8s-extension" && call[1] == "create") create = call;
    if (call.size() > 2 && call[0] == "ml" && call[2] == "attach") attach = call;
  }
  REQUIRE_FALSE(create.empty());
  REQUIRE_FALSE(attach.empty());
  auto has = [](const std::vector<std::string>& argv, const std::string& value) {
    return std::find(argv.begin(), argv.end(), value) != argv.end();
  };
  CHECK(has(create, "sslSecret=" + secret));
  CHECK(has(create, "nodeSelector.pool=" + selector));
  CHECK(value_after(attach, "--user-assigned-identities") == identity);
  for (const char* pwned : {"pwned1", "pwned2", "pwned3", "pwned4", "pwned5"}) {
    CHECK_FALSE(fs::exists(dir.path() / pwned));
    CHECK_FALSE(fs::exists(script.parent_path() / pwned));
  }
}
