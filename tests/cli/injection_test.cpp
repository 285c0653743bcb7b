// deploy.sh passes spec values to az as literal arguments: run with a fake `az` first on PATH,
// every argument it receives is exactly the spec's value, whatever shell syntax the value holds.
#include <filesystem>
#include <vector>

#include <catch2/catch.hpp>

#include "../support/process.h"
#include "integration_support.h"

using aksc::test::read_text;
using aksc::test::run_aksc;
using aksc::test::run_process;
using aksc::test::source_dir;
using aksc::test::TempDir;

namespace {
namespace fs = std::filesystem;

// The argv of each az call, from the fake az's log: one NUL-terminated record per argument,
// one empty record after each call.
std::vector<std::vector<std::string>> az_calls(const std::string& log) {
  std::vector<std::vector<std::string>> calls(1);
  std::size_t start = 0;
  for (std::size_t end; (end = log.find('\0', start)) != std::string::npos; start = end + 1) {
    std::string argument = log.substr(start, end - start);
    if (argument == "<end>") {
      calls.emplace_back();
    } else {
      calls.back().push_back(argument);
    }
  }
  calls.pop_back();
  return calls;
}

std::string value_after(const std::vector<std::string>& argv, const std::string& option) {
  for (std::size_t i = 0; i + 1 < argv.size(); ++i)
    if (argv[i] == option) return argv[i + 1];
  return "<" + option + " missing>";
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
  fs::path fake = dir.write("bin/az", "#!/bin/sh\nprintf '%s\\0' \"$@\" '<end>' >> \"$AZ_LOG\"\n");
  fs::permissions(fake, fs::perms::owner_all);
  fs::path script;
  for (const auto& entry : fs::recursive_directory_iterator(dir.path() / "out"))
    if (entry.path().filename() == "deploy.sh") script = entry.path();
  REQUIRE_FALSE(script.empty());
  auto run = run_process({"bash", script.string()}, dir.path(),
                         {"PATH=" + (dir.path() / "bin").string() + ":/usr/bin:/bin",
                          "AZ_LOG=" + (dir.path() / "az.log").string()});
  INFO(run.out << run.err);
  CHECK(run.exit_code == 0);

  auto calls = az_calls(read_text(dir.path() / "az.log"));
  REQUIRE_FALSE(calls.empty());
  const std::vector<std::string>& create = calls.back();
  REQUIRE(create.size() > 4);
  CHECK(std::vector<std::string>(create.begin(), create.begin() + 4) ==
        std::vector<std::string>{"ml", "computetarget", "create", "aks"});
  CHECK(value_after(create, "--name") == "fraud-scoring");
  CHECK(value_after(create, "--resource-group") == group);
  CHECK(value_after(create, "--workspace-name") == workspace);
  CHECK(value_after(create, "--ssl-cname") == cname);
  fs::path cert_given = value_after(create, "--ssl-cert-file");
  fs::path key_given = value_after(create, "--ssl-key-file");
  CHECK(cert_given.filename() == fs::path(cert).filename());
  CHECK(key_given.filename() == fs::path(key).filename());
  CHECK(fs::equivalent(cert_given, dir.path() / "specs" / cert));
  CHECK(fs::equivalent(key_given, dir.path() / "specs" / key));
  for (const char* pwned : {"pwned1", "pwned2", "pwned3", "pwned4"}) {
    CHECK_FALSE(fs::exists(dir.path() / pwned));
    CHECK_FALSE(fs::exists(script.parent_path() / pwned));
  }
}
