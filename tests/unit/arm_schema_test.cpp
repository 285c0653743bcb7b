// The golden ARM templates (tests/golden-build/*/expected/**/azuredeploy*.json) against the
// official ARM schemas in ../shared/data/arm/schemas, with remote $refs mapped onto local files.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "backends/arm/kubernetes_template.h"
#include "backends/intent.h"
#include "kubernetes_specs.h"

namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

const std::string kSchemaHost = "https://schema.management.azure.com/schemas/";

fs::path schemas_dir() {
  return fs::path(AKSC_SOURCE_DIR) / ".." / "shared" / "data" / "arm" / "schemas";
}

json read_json(const fs::path& path) {
  std::ifstream in(path);
  REQUIRE(in);
  return json::parse(in);
}

bool skip_without_schemas() {
  if (fs::is_directory(schemas_dir())) return false;
  std::string reason = "no ARM schemas at " + schemas_dir().lexically_normal().string();
  std::cout << "WARN: skipped: " << reason << std::endl;
  WARN("skipped: " << reason);
  return true;
}

// A regex matching exactly `value`, ignoring ASCII case.
std::string case_insensitive_literal(const std::string& value) {
  std::string out;
  for (unsigned char c : value) {
    if (std::isalpha(c)) {
      out += '[';
      out += static_cast<char>(std::toupper(c));
      out += static_cast<char>(std::tolower(c));
      out += ']';
    } else if (std::isdigit(c)) {
      out += static_cast<char>(c);
    } else {
      char escaped[5];
      std::snprintf(escaped, sizeof escaped, "\\x%02X", c);
      out += escaped;
    }
  }
  return out;
}

// ARM matches enum values case-insensitively: a string enum becomes an equivalent pattern.
void case_insensitive_enums(json& node) {
  if (node.is_array()) {
    for (json& item : node)
      case_insensitive_enums(item);
    return;
  }
  if (!node.is_object()) return;
  for (auto& [key, value] : node.items())
    case_insensitive_enums(value);
  auto found = node.find("enum");
  if (found == node.end() || !found->is_array() || found->empty()) return;
  std::string alternatives;
  for (const json& member : *found) {
    if (!member.is_string()) return;
    for (unsigned char c : member.get<std::string>()) {
      if (c >= 0x80) return;
    }
    if (!alternatives.empty()) alternatives += '|';
    alternatives += case_insensitive_literal(member.get<std::string>());
  }
  std::string pattern = "^(" + alternatives + ")$";
  node.erase("enum");
  if (!node.contains("type")) node["type"] = "string";
  if (node.contains("pattern")) {
    node["allOf"].push_back({{"pattern", pattern}});
  } else {
    node["pattern"] = pattern;
  }
}

const json* local_ref(const json& node, const json& doc) {
  auto ref = node.find("$ref");
  if (ref == node.end() || !ref->is_string()) return nullptr;
  std::string target = ref->get<std::string>();
  if (target.rfind("#", 0) != 0) return nullptr;
  json::json_pointer pointer(target.substr(1));
  return doc.contains(pointer) ? &doc[pointer] : nullptr;
}

void declared_names(const json& node, const json& doc, std::set<std::string>& names, int depth) {
  if (!node.is_object() || depth > 16) return;
  if (const json* target = local_ref(node, doc)) declared_names(*target, doc, names, depth + 1);
  if (auto props = node.find("properties"); props != node.end() && props->is_object()) {
    for (auto& [name, schema] : props->items())
      names.insert(name);
  }
  for (const char* keyword : {"allOf", "oneOf", "anyOf"}) {
    if (auto branches = node.find(keyword); branches != node.end() && branches->is_array()) {
      for (const json& branch : *branches)
        declared_names(branch, doc, names, depth + 1);
    }
  }
}

// The generated schemas close one allOf branch with additionalProperties: false while a
// sibling branch declares more properties; let that branch accept the siblings' names
// (the sibling still validates their values). `pristine` resolves local $refs.
void open_allof_siblings(json& node, const json& pristine) {
  if (node.is_array()) {
    for (json& item : node)
      open_allof_siblings(item, pristine);
    return;
  }
  if (!node.is_object()) return;
  for (auto& [key, value] : node.items())
    open_allof_siblings(value, pristine);
  auto all_of = node.find("allOf");
  if (all_of == node.end() || !all_of->is_array()) return;
  for (std::size_t i = 0; i < all_of->size(); ++i) {
    json& branch = (*all_of)[i];
    if (const json* target = local_ref(branch, pristine);
        target && target->value("additionalProperties", json()) == false) {
      branch = *target;  // inline a copy so the shared definition stays closed elsewhere
    }
    if (!branch.is_object() || branch.value("additionalProperties", json()) != false) continue;
    std::set<std::string> names;
    for (std::size_t j = 0; j < all_of->size(); ++j) {
      if (j != i) declared_names((*all_of)[j], pristine, names, 0);
    }
    for (const std::string& name : names) {
      if (!branch["properties"].contains(name)) branch["properties"][name] = json::object();
    }
  }
}

struct Node {
  const json* schema;
  const json* doc;
};

// The local schema files, preprocessed once, and the schemas compiled from them.
class SchemaStore {
 public:
  // `uri` is https://schema.management.azure.com/schemas/<path>[#...]; null if not local.
  const json* document(const std::string& uri) {
    if (uri.rfind(kSchemaHost, 0) != 0) return nullptr;
    std::string relative = uri.substr(kSchemaHost.size(), uri.find('#') - kSchemaHost.size());
    auto cached = documents_.find(relative);
    if (cached != documents_.end()) return &cached->second;
    fs::path path = schemas_dir() / relative;
    if (!fs::is_regular_file(path)) return nullptr;
    json pristine = read_json(path);
    if (relative == "2019-04-01/deploymentTemplate.json") {
      // The resource oneOf refs Microsoft.Logic, Sendgrid and autogeneratedResources schemas
      // that are not stored locally; keep the generic resource checks here and validate each
      // resource against its own local definition (check_template).
      pristine["definitions"]["resource"] = {{"$ref", "#/definitions/resourceBase"}};
    }
    json processed = pristine;
    open_allof_siblings(processed, pristine);
    case_insensitive_enums(processed);
    return &documents_.emplace(relative, std::move(processed)).first->second;
  }

  // The node a $ref in `doc` points at (local or remote); null if unresolvable.
  Node resolve(const std::string& ref, const json* doc) {
    std::size_t hash = ref.find('#');
    if (hash != 0) doc = document(ref);
    if (!doc) return {nullptr, nullptr};
    json::json_pointer pointer(hash == std::string::npos ? "" : ref.substr(hash + 1));
    return doc->contains(pointer) ? Node{&(*doc)[pointer], doc} : Node{nullptr, nullptr};
  }

  std::vector<std::string> validate(const std::string& uri, const json& instance) {
    if (!resolve(uri, nullptr).schema) return {"schema not found locally: " + uri};
    auto& compiled = compiled_[uri];
    if (!compiled) {
      compiled = std::make_unique<valijson::Schema>();
      json root = {{"$ref", uri}};
      valijson::SchemaParser parser(valijson::SchemaParser::kDraft4);
      valijson::adapters::NlohmannJsonAdapter adapter(root);
      parser.populateSchema(
          adapter, *compiled,
          [this](const std::string& doc_uri) -> const json* {
            const json* doc = document(doc_uri);
            return doc ? new json(*doc) : nullptr;
          },
          [](const json* doc) { delete doc; });
    }
    valijson::Validator validator(valijson::Validator::kStrongTypes);
    valijson::ValidationResults results;
    valijson::adapters::NlohmannJsonAdapter target(instance);
    std::vector<std::string> errors;
    if (validator.validate(*compiled, target, &results)) return errors;
    valijson::ValidationResults::Error error;
    while (results.popError(error)) {
      std::string where;
      for (const std::string& part : error.context)
        where += part;
      errors.push_back(where + ": " + error.description);
    }
    return errors;
  }

 private:
  std::map<std::string, json> documents_;
  std::map<std::string, std::unique_ptr<valijson::Schema>> compiled_;
};

// Whether `schema` can describe `instance` at all: its type and any const discriminator.
bool viable(const json& schema, const json& instance) {
  if (auto type = schema.find("type"); type != schema.end() && type->is_string()) {
    const std::string& name = type->get_ref<const std::string&>();
    bool matches =
        (name == "object" && instance.is_object()) || (name == "array" && instance.is_array()) ||
        (name == "string" && instance.is_string()) ||
        (name == "integer" && instance.is_number_integer()) ||
        (name == "number" && instance.is_number()) || (name == "boolean" && instance.is_boolean());
    if (!matches) return false;
  }
  if (auto props = schema.find("properties"); props != schema.end() && instance.is_object()) {
    for (auto& [name, sub] : props->items()) {
      if (sub.is_object() && sub.contains("const") && instance.contains(name) &&
          instance[name] != sub["const"]) {
        return false;
      }
    }
  }
  return true;
}

// The schema nodes (through $ref, allOf and the viable oneOf/anyOf branches) `instance` meets.
bool gather(SchemaStore& store, Node node, const json& instance, std::vector<Node>& out,
            int depth = 0) {
  if (depth > 32) return false;
  for (int hops = 0; node.schema && node.schema->contains("$ref") && hops < 16; ++hops) {
    node = store.resolve((*node.schema)["$ref"].get<std::string>(), node.doc);
  }
  if (!node.schema || !node.schema->is_object() || !viable(*node.schema, instance)) return false;
  std::vector<Node> found{node};
  if (auto all_of = node.schema->find("allOf"); all_of != node.schema->end()) {
    for (const json& branch : *all_of) {
      if (!gather(store, {&branch, node.doc}, instance, found, depth + 1)) return false;
    }
  }
  for (const char* keyword : {"oneOf", "anyOf"}) {
    auto branches = node.schema->find(keyword);
    if (branches == node.schema->end()) continue;
    bool any = false;
    for (const json& branch : *branches) {
      any = gather(store, {&branch, node.doc}, instance, found, depth + 1) || any;
    }
    if (!any) return false;
  }
  out.insert(out.end(), found.begin(), found.end());
  return true;
}

// The schema nodes for `instance[key]`, given the nodes for `instance`.
std::vector<Node> descend(const std::vector<Node>& gathered, const std::string& key) {
  std::vector<Node> children;
  for (const Node& node : gathered) {
    auto props = node.schema->find("properties");
    auto additional = node.schema->find("additionalProperties");
    if (props != node.schema->end() && props->contains(key)) {
      children.push_back({&(*props)[key], node.doc});
    } else if (additional != node.schema->end() && additional->is_object()) {
      children.push_back({&*additional, node.doc});
    }
  }
  return children;
}

// Every object key under `instance` must be a property some applicable schema node declares
// (or the node must explicitly allow additional properties): catches misspelled AKS names,
// which the official schemas would otherwise let through.
void check_names(SchemaStore& store, const std::vector<Node>& schemas, const json& instance,
                 const std::string& path, std::vector<std::string>& errors) {
  std::vector<Node> gathered;
  for (const Node& node : schemas)
    gather(store, node, instance, gathered);
  if (instance.is_object()) {
    std::set<std::string> declared;
    bool open = false;
    for (const Node& node : gathered) {
      const json& schema = *node.schema;
      if (schema.contains("properties")) {
        for (auto& [name, sub] : schema["properties"].items())
          declared.insert(name);
      }
      auto additional = schema.find("additionalProperties");
      if (additional != schema.end()) {
        open = open || additional->is_object() || *additional == true;
      } else if (schema.value("type", "") == "object" && !schema.contains("properties")) {
        open = true;  // a free-form object
      }
    }
    for (auto& [key, value] : instance.items()) {
      if (!open && !declared.count(key)) {
        errors.push_back(path + "/" + key + ": not a property defined by the schema");
      }
      check_names(store, descend(gathered, key), value, path + "/" + key, errors);
    }
  } else if (instance.is_array()) {
    std::vector<Node> items;
    for (const Node& node : gathered) {
      if (auto found = node.schema->find("items"); found != node.schema->end()) {
        items.push_back({&*found, node.doc});
      }
    }
    for (std::size_t i = 0; i < instance.size(); ++i) {
      check_names(store, items, instance[i], path + "/" + std::to_string(i), errors);
    }
  }
}

// Where the strict property-name check starts, per resource type.
const std::map<std::string, std::vector<std::string>> kStrictRoots = {
    {"Microsoft.MachineLearningServices/workspaces/computes", {"properties", "properties"}},
    {"Microsoft.ContainerService/managedClusters", {"properties"}},
    {"Microsoft.KubernetesConfiguration/extensions", {"properties"}},
};

// The local schema URI of a resource type's definition, e.g.
// .../2024-10-01/Microsoft.MachineLearningServices.json#/resourceDefinitions/workspaces_computes.
std::string resource_definition_uri(SchemaStore& store, const std::string& type,
                                    const std::string& api_version) {
  std::size_t slash = type.find('/');
  if (slash == std::string::npos) return "";
  std::string provider = type.substr(0, slash);
  std::string definition = type.substr(slash + 1);
  for (char& c : definition)
    c = c == '/' ? '_' : c;
  fs::path folder = schemas_dir() / api_version;
  if (!fs::is_directory(folder)) return "";
  for (const auto& entry : fs::directory_iterator(folder)) {
    std::string file = entry.path().filename().string();
    if (file.rfind(provider + ".", 0) != 0) continue;
    std::string uri = kSchemaHost + api_version + "/" + file;
    const json* doc = store.document(uri);
    // Extension resources (Microsoft.KubernetesConfiguration/extensions) have their own list.
    for (const char* list : {"resourceDefinitions", "extension_resourceDefinitions"}) {
      if (doc && doc->contains(list) && (*doc)[list].contains(definition)) {
        return uri + "#/" + list + "/" + definition;
      }
    }
  }
  return "";
}

std::vector<std::string> check_template(SchemaStore& store, const json& tmpl,
                                        const std::string& path = "") {
  std::vector<std::string> errors;
  for (std::string& error : store.validate(tmpl.value("$schema", ""), tmpl)) {
    errors.push_back(path + error);
  }
  if (!tmpl.contains("resources") || !tmpl["resources"].is_array()) return errors;
  for (std::size_t i = 0; i < tmpl["resources"].size(); ++i) {
    const json& resource = tmpl["resources"][i];
    std::string where = path + "/resources/" + std::to_string(i);
    std::string type = resource.value("type", "");
    std::string api_version = resource.value("apiVersion", "");
    if (type == "Microsoft.Resources/deployments") {
      // No local Microsoft.Resources schema: check the nested template it deploys.
      const json* nested = resource.contains("properties") ? &resource["properties"] : nullptr;
      if (!nested || !nested->contains("template")) {
        errors.push_back(where + ": nested deployment without an inline template");
      } else {
        auto inner = check_template(store, (*nested)["template"], where + "/properties/template");
        errors.insert(errors.end(), inner.begin(), inner.end());
      }
      continue;
    }
    std::string uri = resource_definition_uri(store, type, api_version);
    if (uri.empty()) {
      errors.push_back(where + ": no local schema for " + type + "@" + api_version);
      continue;
    }
    for (std::string& error : store.validate(uri, resource))
      errors.push_back(where + error);
    auto strict = kStrictRoots.find(type);
    if (strict == kStrictRoots.end()) continue;
    std::vector<Node> nodes{store.resolve(uri, nullptr)};
    const json* instance = &resource;
    std::string strict_path = where;
    for (const std::string& key : strict->second) {
      if (!instance->is_object() || !instance->contains(key)) break;
      std::vector<Node> gathered;
      for (const Node& node : nodes)
        gather(store, node, *instance, gathered);
      nodes = descend(gathered, key);
      instance = &(*instance)[key];
      strict_path += "/" + key;
    }
    check_names(store, nodes, *instance, strict_path, errors);
  }
  return errors;
}

std::string joined(const std::vector<std::string>& errors) {
  std::string text;
  for (const std::string& error : errors)
    text += error + "\n";
  return text;
}

std::vector<fs::path> golden_files(const std::string& name) {
  std::vector<fs::path> files;
  for (const auto& entry :
       fs::recursive_directory_iterator(fs::path(AKSC_SOURCE_DIR) / "tests" / "golden-build")) {
    std::string path = entry.path().generic_string();
    if (entry.path().filename() == name && path.find("/expected/") != std::string::npos) {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

json& compute_resource(json& tmpl) {
  for (json& resource : tmpl["resources"]) {
    if (resource["type"] == "Microsoft.MachineLearningServices/workspaces/computes") {
      return resource;
    }
  }
  FAIL("no compute resource");
  throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("ARM schemas: every golden azuredeploy.json validates against the official schemas") {
  if (skip_without_schemas()) return;
  SchemaStore store;
  std::vector<fs::path> templates = golden_files("azuredeploy.json");
  REQUIRE(!templates.empty());
  for (const fs::path& path : templates) {
    std::vector<std::string> errors = check_template(store, read_json(path));
    INFO(path.string() << "\n" << joined(errors));
    CHECK(errors.empty());
  }
}

TEST_CASE("ARM schemas: every golden azuredeploy.parameters.json validates") {
  if (skip_without_schemas()) return;
  SchemaStore store;
  std::vector<fs::path> files = golden_files("azuredeploy.parameters.json");
  REQUIRE(!files.empty());
  for (const fs::path& path : files) {
    json parameters = read_json(path);
    REQUIRE(parameters.value("$schema", "") ==
            kSchemaHost + "2019-04-01/deploymentParameters.json#");
    std::vector<std::string> errors = store.validate(parameters["$schema"], parameters);
    INFO(path.string() << "\n" << joined(errors));
    CHECK(errors.empty());
  }
}

TEST_CASE("ARM schemas: unknown properties and bad enum values fail, enum case does not") {
  if (skip_without_schemas()) return;
  SchemaStore store;
  const fs::path golden = fs::path(AKSC_SOURCE_DIR) / "tests" / "golden-build" /
                          "sample-vision-prod-create" / "expected" / "vision-ws" / "vision-prod" /
                          "azuredeploy.json";
  const json original = read_json(golden);
  REQUIRE(check_template(store, original).empty());

  SECTION("a misspelled AKS property") {
    json tmpl = original;
    compute_resource(tmpl)["properties"]["properties"]["agentCountt"] = 3;
    std::vector<std::string> errors = check_template(store, tmpl);
    INFO(joined(errors));
    CHECK(errors.size() == 1);
    CHECK(joined(errors).find("agentCountt") != std::string::npos);
  }
  SECTION("a misspelled nested AKS property") {
    json tmpl = original;
    compute_resource(tmpl)["properties"]["properties"]["sslConfiguration"]["statuss"] = "Enabled";
    CHECK(!check_template(store, tmpl).empty());
  }
  SECTION("a misspelled compute property") {
    json tmpl = original;
    compute_resource(tmpl)["properties"]["computeLocaton"] = "eastus";
    CHECK(!check_template(store, tmpl).empty());
  }
  SECTION("a bad clusterPurpose") {
    json tmpl = original;
    compute_resource(tmpl)["properties"]["properties"]["clusterPurpose"] = "Fastprodd";
    CHECK(!check_template(store, tmpl).empty());
  }
  SECTION("clusterPurpose in another case") {
    json tmpl = original;
    compute_resource(tmpl)["properties"]["properties"]["clusterPurpose"] = "fastprod";
    std::vector<std::string> errors = check_template(store, tmpl);
    INFO(joined(errors));
    CHECK(errors.empty());
  }
  SECTION("an ARM expression where the schema allows one") {
    json tmpl = original;
    compute_resource(tmpl)["properties"]["properties"]["agentCount"] = "[parameters('count')]";
    std::vector<std::string> errors = check_template(store, tmpl);
    INFO(joined(errors));
    CHECK(errors.empty());
  }
  SECTION("a string where the schema wants an integer") {
    json tmpl = original;
    compute_resource(tmpl)["properties"]["properties"]["agentCount"] = "3";
    CHECK(!check_template(store, tmpl).empty());
  }
}

TEST_CASE("ARM schemas: a misspelled managed cluster property fails") {
  if (skip_without_schemas()) return;
  SchemaStore store;
  const fs::path golden = fs::path(AKSC_SOURCE_DIR) / "tests" / "golden-build" /
                          "sample-nlp-private-provision" / "expected" / "nlp-ws" / "nlp-private" /
                          "azuredeploy.json";
  json tmpl = read_json(golden);
  json& cluster = tmpl["resources"][0];
  REQUIRE(cluster["type"] == "Microsoft.ContainerService/managedClusters");
  REQUIRE(check_template(store, tmpl).empty());
  cluster["properties"]["networkProfile"]["networkPlugn"] = "kubenet";
  std::vector<std::string> errors = check_template(store, tmpl);
  INFO(joined(errors));
  CHECK(errors.size() == 1);
  CHECK(joined(errors).find("networkPlugn") != std::string::npos);
}

namespace {

// The KubernetesCompute templates of the back-end, for specs built field by field: until the
// golden builds hold them, these are the templates the schema checks see.
std::vector<std::pair<std::string, json>> kubernetes_templates() {
  std::vector<std::pair<std::string, aksc::ir::Spec>> specs;
  specs.emplace_back("attach in another resource group", aksc::test::attach_spec());
  specs.emplace_back("provision-and-attach", aksc::test::provision_spec());
  aksc::ir::Spec other_group = aksc::test::provision_spec();
  other_group.cluster_resource_group = aksc::test::written<std::string>("aks-rg");
  specs.emplace_back("provision-and-attach in another resource group", other_group);
  aksc::ir::Spec user = aksc::test::attach_spec();
  user.cluster->resource_id = aksc::test::written(
      "/subscriptions/" + aksc::test::kSubscription +
      "/resourceGroups/ml-rg/providers/Microsoft.ContainerService/managedClusters/c");
  user.kubernetes->identity.type = aksc::test::written(aksc::ir::IdentityType::kUserAssigned);
  user.kubernetes->identity.user_assigned_identities =
      aksc::test::written(std::vector<aksc::ir::Field<std::string>>{aksc::test::written(
          "/subscriptions/" + aksc::test::kSubscription +
          "/resourceGroups/ml-rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id")});
  user.kubernetes->extension.version = aksc::test::written<std::string>("1.1.88");
  user.kubernetes->extension.training = aksc::test::written(true);
  user.kubernetes->extension.inference.allow_insecure_connections = aksc::test::written(true);
  specs.emplace_back("attach in the workspace's group, user-assigned, pinned, insecure", user);
  std::vector<std::pair<std::string, json>> templates;
  for (const auto& [name, spec] : specs) {
    aksc::intent::Lowering lowering = aksc::intent::lower_deployment(spec);
    INFO(name << ": " << (lowering.problems.empty() ? "" : lowering.problems.front()));
    REQUIRE(lowering.deployment);
    auto tmpl = aksc::arm::kubernetes_template(*lowering.deployment, {"../../../specs"});
    templates.emplace_back(name, json::parse(tmpl.dump()));
  }
  return templates;
}

json& extension_in(json& tmpl) {
  for (json& resource : tmpl["resources"]) {
    if (resource["type"] == "Microsoft.KubernetesConfiguration/extensions") return resource;
    if (resource["type"] == "Microsoft.Resources/deployments" &&
        resource["properties"]["template"]["resources"][0]["type"] ==
            "Microsoft.KubernetesConfiguration/extensions") {
      return resource["properties"]["template"]["resources"][0];
    }
  }
  FAIL("no extension resource");
  throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("ARM schemas: KubernetesCompute templates validate, with the strict name checks") {
  if (skip_without_schemas()) return;
  SchemaStore store;
  for (auto& [name, tmpl] : kubernetes_templates()) {
    std::vector<std::string> errors = check_template(store, tmpl);
    INFO(name << "\n" << joined(errors));
    CHECK(errors.empty());
  }
}

TEST_CASE("ARM schemas: a misspelled extension or Kubernetes compute property fails") {
  if (skip_without_schemas()) return;
  SchemaStore store;
  auto templates = kubernetes_templates();
  const json original = templates[1].second;  // provision-and-attach: everything top-level
  REQUIRE(check_template(store, original).empty());
  SECTION("an extension property") {
    json tmpl = original;
    extension_in(tmpl)["properties"]["releaseTrian"] = "stable";
    std::vector<std::string> errors = check_template(store, tmpl);
    INFO(joined(errors));
    CHECK(errors.size() == 1);
    CHECK(joined(errors).find("releaseTrian") != std::string::npos);
  }
  SECTION("the extension's scope block") {
    json tmpl = original;
    extension_in(tmpl)["properties"]["scope"]["cluster"]["releaseNamspace"] = "azureml";
    CHECK(!check_template(store, tmpl).empty());
  }
  SECTION("a setting that is not a string") {
    json tmpl = original;
    extension_in(tmpl)["properties"]["configurationSettings"]["enableTraining"] = true;
    CHECK(!check_template(store, tmpl).empty());
  }
  SECTION("a Kubernetes compute property") {
    json tmpl = original;
    compute_resource(tmpl)["properties"]["properties"]["namepsace"] = "default";
    std::vector<std::string> errors = check_template(store, tmpl);
    INFO(joined(errors));
    CHECK(errors.size() == 1);
  }
  SECTION("a bad compute identity type") {
    json tmpl = original;
    compute_resource(tmpl)["identity"]["type"] = "Automatic";
    CHECK(!check_template(store, tmpl).empty());
  }
}
