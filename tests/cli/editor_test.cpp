// Editors: the spec schema `aksc schema` prints documents every field well enough for the YAML
// language server (description, enum, default, valid examples), the samples carry the
// modeline, and docs/editor.md says how to use both in VS Code.
#include <filesystem>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include "integration_support.h"

namespace fs = std::filesystem;
using aksc::test::contains;
using aksc::test::read_text;
using aksc::test::source_dir;

namespace {

bool valid(const nlohmann::json& schema, const nlohmann::json& value) {
  valijson::Schema compiled;
  valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
  valijson::adapters::NlohmannJsonAdapter schema_adapter(schema);
  parser.populateSchema(schema_adapter, compiled);
  valijson::Validator validator;
  valijson::adapters::NlohmannJsonAdapter value_adapter(value);
  return validator.validate(compiled, value_adapter, nullptr);
}

// Calls `visit(pointer, property)` for every property of `schema`, nested ones included.
template <typename Visit>
void each_property(const nlohmann::json& schema, const std::string& pointer, Visit visit) {
  if (schema.contains("properties")) {
    for (auto it = schema["properties"].begin(); it != schema["properties"].end(); ++it) {
      visit(pointer + "/" + it.key(), *it);
      each_property(*it, pointer + "/" + it.key(), visit);
    }
  }
  if (schema.contains("items") && schema["items"].is_object())
    each_property(schema["items"], pointer + "[]", visit);
}

}  // namespace

TEST_CASE("editor: aksc schema prints the spec schema of the repository") {
  auto printed = aksc::test::run_aksc({"schema"});
  CHECK(printed.exit_code == 0);
  CHECK(printed.out == read_text(source_dir() / "schemas" / "aksc-spec.schema.json"));
}

TEST_CASE("editor: every spec field has a description, valid examples, enums and defaults") {
  auto schema =
      nlohmann::json::parse(read_text(source_dir() / "schemas" / "aksc-spec.schema.json"));
  int fields = 0;
  each_property(schema, "", [&](const std::string& pointer, const nlohmann::json& property) {
    ++fields;
    INFO(pointer);
    REQUIRE(property.contains("description"));
    CHECK(property["description"].get<std::string>().size() >= 20);
    REQUIRE(property.contains("examples"));
    CHECK(property["examples"].size() >= 1);
    for (const auto& example : property["examples"]) {
      INFO("example " << example.dump());
      CHECK(valid(property, example));
    }
    if (property.contains("default")) CHECK(valid(property, property["default"]));
    if (property.contains("enum")) {
      CHECK(property["enum"].size() >= 2);
      // The description names every canonical (lower-case) value; true and false are the
      // booleans of the extension's settings, beside its strings True and False.
      for (const auto& value : property["enum"]) {
        if (value.is_boolean()) continue;
        std::string text = value.get<std::string>();
        bool canonical = std::none_of(text.begin(), text.end(), [](char c) { return isupper(c); });
        if (canonical) CHECK(contains(property["description"].get<std::string>(), text));
      }
    }
  });
  CHECK(fields >= 50);
  // The literal defaults of SPEC.md §1 are in the schema, for hover and completion.
  const auto& properties = schema["properties"];
  CHECK(properties["purpose"]["default"] == "production");
  CHECK(properties["agent_count"]["default"] == 3);
  CHECK(properties["vm_size"]["default"] == "Standard_D3_v2");
  CHECK(properties["accelerator"]["default"] == "none");
  CHECK(properties["load_balancer"]["properties"]["type"]["default"] == "public-ip");
  CHECK(properties["outbound_type"]["default"] == "load-balancer");
  CHECK(properties["private_cluster"]["default"] == false);
  CHECK(properties["reattach"]["default"] == false);
  CHECK(properties["ssl"]["properties"]["overwrite_existing_domain"]["default"] == false);
  // ... and those of SPEC-2 §B for kind KubernetesCompute.
  CHECK(properties["namespace"]["default"] == "default");
  const auto& extension = properties["extension"]["properties"];
  CHECK(extension["name"]["default"] == "azureml");
  CHECK(extension["release_train"]["default"] == "stable");
  CHECK(extension["auto_upgrade_minor_version"]["default"] == true);
  CHECK(extension["training"]["default"] == false);
  CHECK(extension["install_nvidia_device_plugin"]["default"] == false);
  CHECK(extension["install_dcgm_exporter"]["default"] == false);
  CHECK(extension["install_prom_op"]["default"] == true);
  CHECK(extension["install_volcano"]["default"] == true);
  const auto& inference = extension["inference"]["properties"];
  CHECK(inference["enabled"]["default"] == false);
  CHECK(inference["router_ha"]["default"] == true);
  CHECK(inference["internal_load_balancer"]["default"] == false);
  CHECK(inference["allow_insecure_connections"]["default"] == false);
}

TEST_CASE("editor: the spec schema completes both kinds and tells them apart") {
  auto schema =
      nlohmann::json::parse(read_text(source_dir() / "schemas" / "aksc-spec.schema.json"));
  CHECK(schema["properties"]["kind"]["enum"] ==
        nlohmann::json::array({"KubernetesCompute", "AksCompute"}));
  auto spec = [](const char* kind, const char* mode) {
    return nlohmann::json{{"apiVersion", "aksc/v1"},
                          {"kind", kind},
                          {"mode", mode},
                          {"workspace",
                           {{"name", "ml-ws"},
                            {"resource_group", "ml-rg"},
                            {"subscription_id", "0b1f6471-1bf0-4dda-aec3-cb9272f09590"},
                            {"location", "eastus"}}}};
  };
  // An editor's validator (not aksc's messages) sees the mode and the fields of each kind.
  CHECK(valid(schema, spec("KubernetesCompute", "provision-and-attach")));
  CHECK_FALSE(valid(schema, spec("KubernetesCompute", "create")));
  CHECK(valid(schema, spec("AksCompute", "create")));
  auto v2 = spec("KubernetesCompute", "provision-and-attach");
  v2["extension"] = {{"inference", {{"enabled", "True"}, {"router_service_type", "nodePort"}}}};
  CHECK(valid(schema, v2));
  v2["ssl"] = {{"status", "enabled"}};
  CHECK_FALSE(valid(schema, v2));
  auto v1 = spec("AksCompute", "create");
  v1["namespace"] = "azureml";
  CHECK_FALSE(valid(schema, v1));
}

TEST_CASE("editor: every YAML file of samples/ starts with the modeline of its schema") {
  int checked = 0;
  for (const auto& entry : fs::recursive_directory_iterator(source_dir() / "samples")) {
    fs::path file = entry.path();
    if (file.extension() != ".yaml" && file.extension() != ".yml") continue;
    ++checked;
    INFO(file);
    std::string text = read_text(file);
    std::string first = text.substr(0, text.find('\n'));
    std::string prefix = "# yaml-language-server: $schema=";
    REQUIRE(first.rfind(prefix, 0) == 0);
    fs::path schema = fs::weakly_canonical(file.parent_path() / first.substr(prefix.size()));
    std::string expected = file.filename() == "aksc.yaml"                ? "aksc-config.schema.json"
                           : file.parent_path().filename() == "policies" ? "aksc-policy.schema.json"
                                                                         : "aksc-spec.schema.json";
    CHECK(schema == fs::weakly_canonical(source_dir() / "schemas" / expected));
  }
  CHECK(checked >= 5);
}

TEST_CASE("editor: docs/editor.md explains VS Code with the setting and the modeline") {
  std::string doc = read_text(source_dir() / "docs" / "editor.md");
  CHECK(contains(doc, "redhat.vscode-yaml"));
  CHECK(contains(doc, "\"yaml.schemas\""));
  CHECK(contains(doc, "# yaml-language-server: $schema="));
  CHECK(contains(doc, "aksc schema spec >"));
}
