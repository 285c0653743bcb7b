// validate_document with the embedded spec schema: every failure in plain words at the YAML
// node's line:col, as driver/lint.cpp runs it (load_yaml → canonicalize_enums → validate).
#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "catalog/embedded_files.h"
#include "diag/finding_sink.h"
#include "diag/source_file.h"
#include "frontend/load.h"
#include "frontend/schema.h"
#include "frontend/schema_messages.h"

using aksc::Finding;
using aksc::FindingSink;
using aksc::Schema;
using aksc::SourceFile;
using aksc::SourceRange;
using aksc::YamlDocument;

namespace {

const Schema& spec_schema() {
  return Schema::embedded("aksc-spec.schema.json");
}

struct Validated {
  YamlDocument document;
  aksc::InvalidPointers invalid;
  std::vector<Finding> findings;
};

Validated validate(const std::string& text) {
  SourceFile source("spec.yaml", text);
  FindingSink load_sink;
  std::vector<YamlDocument> documents = aksc::load_yaml(source, load_sink);
  REQUIRE(load_sink.findings().empty());
  REQUIRE(documents.size() == 1);
  Validated result;
  result.document = std::move(documents[0]);
  aksc::canonicalize_enums(result.document, spec_schema());
  FindingSink sink;
  result.invalid =
      aksc::validate_document(result.document, spec_schema(), "spec.yaml", "AKS002", sink);
  result.findings = sink.take();
  return result;
}

// A valid create spec: 9 lines, so added lines start at line 10.
const std::string kCreate =
    "apiVersion: aksc/v1\n"
    "kind: AksCompute\n"
    "name: prod-aks\n"
    "mode: create\n"
    "workspace:\n"
    "  name: ml-ws\n"
    "  resource_group: ml-rg\n"
    "  subscription_id: 0b1f6471-1bf0-4dda-aec3-cb9272f09590\n"
    "  location: eastus\n";

std::string with_mode(const std::string& mode) {
  std::string text = kCreate;
  text.replace(text.find("mode: create"), 12, "mode: " + mode);
  return text;
}

SourceRange range(int line, int column, int end_column) {
  return {{line, column}, {line, end_column}};
}

std::string read_sample(const std::string& relative) {
  std::ifstream in(std::string(AKSC_SOURCE_DIR) + "/" + relative, std::ios::binary);
  REQUIRE(in);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

const std::string kTopLevelKeys =
    "accelerator, agent_count, apiVersion, api_server_authorized_ip_ranges, cluster, "
    "cluster_name, cluster_resource_group, description, kind, kubernetes_version, load_balancer, "
    "location, mode, name, network, outbound_type, private_cluster, purpose, reattach, ssl, tags, "
    "vm_size, workspace";

}  // namespace

TEST_CASE("schema: a valid minimal create spec has no problems", "[schema]") {
  Validated v = validate(kCreate);
  CHECK(v.findings.empty());
  CHECK(v.invalid.empty());
}

TEST_CASE("schema: the samples are valid specs", "[schema]") {
  for (const char* sample :
       {"samples/vision/prod-create.yaml", "samples/vision/dev-create.yaml",
        "samples/nlp/attach-existing.yaml", "samples/nlp/private-provision.yaml"}) {
    INFO(sample);
    Validated v = validate(read_sample(sample));
    for (const Finding& f : v.findings)
      UNSCOPED_INFO(f.location.range.begin.line << ": " << f.message);
    CHECK(v.findings.empty());
    CHECK(v.invalid.empty());
  }
}

TEST_CASE("schema: an unknown top-level key, with did-you-mean, at the key", "[schema]") {
  Validated v = validate(kCreate + "agnet_count: 3\n");
  REQUIRE(v.findings.size() == 1);
  const Finding& f = v.findings[0];
  CHECK(f.rule == "AKS002");
  CHECK(f.location.file == "spec.yaml");
  CHECK(f.message == "unknown key 'agnet_count' (did you mean 'agent_count'?)");
  CHECK(f.help == "remove it or fix its spelling; the keys allowed here are " + kTopLevelKeys);
  CHECK(f.location.range == range(10, 1, 12));
  CHECK(v.invalid == aksc::InvalidPointers{"/agnet_count"});
}

TEST_CASE("schema: every unknown key of a mapping is reported", "[schema]") {
  Validated v = validate(kCreate + "vm_sise: Standard_D3_v2\nagnet_count: 3\nzzz: 1\n");
  REQUIRE(v.findings.size() == 3);
  CHECK(v.findings[0].message == "unknown key 'agnet_count' (did you mean 'agent_count'?)");
  CHECK(v.findings[0].location.range == range(11, 1, 12));
  CHECK(v.findings[1].message == "unknown key 'vm_sise' (did you mean 'vm_size'?)");
  CHECK(v.findings[1].location.range == range(10, 1, 8));
  CHECK(v.findings[2].message == "unknown key 'zzz'");
  CHECK(v.findings[2].location.range == range(12, 1, 4));
  CHECK(v.invalid == aksc::InvalidPointers{"/agnet_count", "/vm_sise", "/zzz"});
}

TEST_CASE("schema: an unknown nested key also leaves a required field missing", "[schema]") {
  std::string text = kCreate;
  text.replace(text.find("  name: ml-ws"), 13, "  nmae: ml-ws");
  Validated v = validate(text);
  REQUIRE(v.findings.size() == 2);
  CHECK(v.findings[0].message == "unknown key 'nmae' in 'workspace' (did you mean 'name'?)");
  CHECK(v.findings[0].help ==
        "remove it or fix its spelling; the keys allowed here are location, name, "
        "resource_group, subscription_id");
  CHECK(v.findings[0].location.range == range(6, 3, 7));
  CHECK(v.findings[1].message == "missing required field 'name' in 'workspace'");
  CHECK(v.findings[1].help == "add it: Name of the Azure Machine Learning workspace.");
  CHECK(v.findings[1].location.range == range(5, 1, 10));  // the 'workspace' key
  CHECK(v.invalid == aksc::InvalidPointers{"/workspace", "/workspace/nmae"});
}

TEST_CASE("schema: a missing workspace.location is reported at the workspace key", "[schema]") {
  std::string text = kCreate;
  text.erase(text.find("  location: eastus\n"));
  Validated v = validate(text);
  REQUIRE(v.findings.size() == 1);
  CHECK(v.findings[0].message == "missing required field 'location' in 'workspace'");
  CHECK(v.findings[0].help ==
        "add it: Azure region of the workspace (its control plane) and the default cluster "
        "location.");
  CHECK(v.findings[0].location.range == range(5, 1, 10));
}

TEST_CASE("schema: a bad enum value, with did-you-mean and the allowed values", "[schema]") {
  Validated v = validate(kCreate + "accelerator: gpuu\npurpose: prod\n");
  REQUIRE(v.findings.size() == 2);
  CHECK(v.findings[0].message ==
        "'gpuu' is not a valid value for 'accelerator' (did you mean "
        "'gpu'?)");
  CHECK(v.findings[0].help == "use one of: none, gpu, fpga");
  CHECK(v.findings[0].location.range == range(10, 14, 18));
  CHECK(v.findings[1].message == "'prod' is not a valid value for 'purpose'");
  CHECK(v.findings[1].help == "use one of: production, dev-test, FastProd, DevTest");
  CHECK(v.findings[1].location.range == range(11, 10, 14));
  CHECK(v.invalid == aksc::InvalidPointers{"/accelerator", "/purpose"});
}

TEST_CASE("schema: enum values match case-insensitively and SDK spellings are accepted",
          "[schema]") {
  Validated v = validate(kCreate +
                         "purpose: fastprod\n"
                         "accelerator: GPU\n"
                         "load_balancer: {type: internalloadbalancer, sku: BASIC, subnet: s}\n"
                         "outbound_type: USERDEFINEDROUTING\n"
                         "ssl: {status: Enabled}\n");
  CHECK(v.findings.empty());
  // canonicalize_enums rewrote every value to the schema's own spelling.
  CHECK(v.document.root["purpose"] == "FastProd");
  CHECK(v.document.root["accelerator"] == "gpu");
  CHECK(v.document.root["load_balancer"]["type"] == "InternalLoadBalancer");
  CHECK(v.document.root["load_balancer"]["sku"] == "basic");
  CHECK(v.document.root["outbound_type"] == "userDefinedRouting");
  CHECK(v.document.root["ssl"]["status"] == "enabled");
  Validated mixed_mode = validate(with_mode("Provision-And-Attach"));
  CHECK(mixed_mode.findings.empty());
  CHECK(mixed_mode.document.root["mode"] == "provision-and-attach");
}

TEST_CASE("schema: a quoted integer must be written without quotes", "[schema]") {
  Validated v = validate(kCreate + "agent_count: \"3\"\n");
  REQUIRE(v.findings.size() == 1);
  CHECK(v.findings[0].message == "'agent_count' must be an integer, not the string \"3\"");
  CHECK(v.findings[0].help == "write the value without quotes");
  CHECK(v.findings[0].location.range == range(10, 14, 17));
  CHECK(v.invalid == aksc::InvalidPointers{"/agent_count"});
}

TEST_CASE("schema: a string that is no number is not told to drop its quotes", "[schema]") {
  Validated v = validate(kCreate +
                         "agent_count: three\n"
                         "private_cluster: yes\n"
                         "ssl: {overwrite_existing_domain: \"true\"}\n");
  REQUIRE(v.findings.size() == 3);
  CHECK(v.findings[0].message == "'agent_count' must be an integer, not the string \"three\"");
  CHECK(v.findings[0].help == "write a whole number, without quotes");
  CHECK(v.findings[1].message == "'private_cluster' must be true or false, not the string \"yes\"");
  CHECK(v.findings[1].help ==
        "write true or false, without quotes (YAML 1.2 reads yes, no, on and off as strings)");
  CHECK(v.findings[1].location.range == range(11, 18, 21));
  CHECK(v.findings[2].message ==
        "'ssl.overwrite_existing_domain' must be true or false, not the string \"true\"");
  CHECK(v.findings[2].help == "write the value without quotes");
}

TEST_CASE("schema: an unquoted version is a number, the help quotes what was written", "[schema]") {
  Validated v = validate(with_mode("provision-and-attach") + "kubernetes_version: 1.20\n");
  REQUIRE(v.findings.size() == 1);
  CHECK(v.findings[0].message ==
        "'kubernetes_version' must be a string; YAML reads 1.20 as the number 1.2");
  CHECK(v.findings[0].help ==
        "quote the value, e.g. \"1.20\": YAML reads it unquoted as the number 1.2");
  CHECK(v.findings[0].location.range == range(10, 21, 25));
}

TEST_CASE("schema: a number written as YAML prints it is shown once", "[schema]") {
  Validated v = validate(kCreate + "description: 5\ntags: {team: true}\n");
  REQUIRE(v.findings.size() == 2);
  CHECK(v.findings[0].message == "'description' must be a string, not the integer 5");
  CHECK(v.findings[0].help ==
        "quote the value, e.g. \"5\": YAML reads it unquoted as the integer 5");
  CHECK(v.findings[1].message == "'tags.team' must be a string, not the boolean true");
  CHECK(v.findings[1].location.range == range(11, 14, 18));
}

TEST_CASE("schema: a scalar where a mapping belongs", "[schema]") {
  std::string text =
      "apiVersion: aksc/v1\n"
      "kind: AksCompute\n"
      "mode: create\n"
      "workspace: 5\n";
  Validated v = validate(text);
  REQUIRE(v.findings.size() == 1);
  CHECK(v.findings[0].message == "'workspace' must be a mapping, not the integer 5");
  CHECK(v.findings[0].help == "The Azure Machine Learning workspace that owns the compute.");
  CHECK(v.findings[0].location.range == range(4, 12, 13));

  Validated empty = validate("apiVersion: aksc/v1\nkind: AksCompute\nmode: create\nworkspace:\n");
  REQUIRE(empty.findings.size() == 1);
  CHECK(empty.findings[0].message == "'workspace' must be a mapping, not an empty value");
  CHECK(empty.findings[0].location.range == range(4, 1, 10));  // no value: the key
}

TEST_CASE("schema: missing top-level fields are reported at the document start", "[schema]") {
  Validated v = validate("apiVersion: aksc/v1\nkind: AksCompute\nname: x\n");
  REQUIRE(v.findings.size() == 2);
  CHECK(v.findings[0].message == "missing required field 'mode'");
  CHECK(v.findings[0].location.range == range(1, 1, 2));
  CHECK(v.findings[1].message == "missing required field 'workspace'");
  CHECK(v.findings[1].help ==
        "add it: The Azure Machine Learning workspace that owns the compute.");
  CHECK(v.invalid == aksc::InvalidPointers{""});
}

TEST_CASE("schema: attach without cluster", "[schema]") {
  Validated v = validate(with_mode("attach"));
  REQUIRE(v.findings.size() == 1);
  CHECK(v.findings[0].message == "missing required field 'cluster'");
  CHECK(v.findings[0].help.rfind("add it: The existing AKS cluster to attach: its resource_id, "
                                 "or its name and resource_group",
                                 0) == 0);
  CHECK(v.findings[0].location.range == range(1, 1, 2));
}

TEST_CASE("schema: a cluster without resource_id or name gets the schema's own message once",
          "[schema]") {
  const std::string message =
      "cluster needs resource_id, or name together with resource_group, to say which AKS "
      "cluster to attach.";
  for (const char* cluster : {"cluster:\n  facts_from: x.json\n", "cluster:\n  name: aks\n",
                              "cluster:\n  resource_group: rg\n"}) {
    INFO(cluster);
    Validated v = validate(with_mode("attach") + cluster);
    REQUIRE(v.findings.size() == 1);
    CHECK(v.findings[0].message == message);
    CHECK(v.findings[0].help.rfind("The existing AKS cluster to attach", 0) == 0);
    CHECK(v.findings[0].location.range == range(10, 1, 8));  // the 'cluster' key
    CHECK(v.invalid == aksc::InvalidPointers{"/cluster"});
  }
  CHECK(validate(with_mode("attach") + "cluster: {resource_id: /subscriptions/x}\n")
            .findings.empty());
  CHECK(validate(with_mode("attach") + "cluster: {name: aks, resource_group: rg}\n")
            .findings.empty());
}

TEST_CASE("schema: x-aksc-modes: fields of another mode are reported at the key", "[schema]") {
  Validated v = validate(with_mode("attach") +
                         "cluster: {resource_id: /x}\n"
                         "agent_count: 3\n"
                         "network: {vnet_name: v}\n");
  REQUIRE(v.findings.size() == 2);
  CHECK(v.findings[0].message == "'agent_count' does not apply to mode 'attach'");
  CHECK(v.findings[0].help == "remove it; it applies only to mode create and provision-and-attach");
  CHECK(v.findings[0].location.range == range(11, 1, 12));
  CHECK(v.findings[1].message == "'network' does not apply to mode 'attach'");
  CHECK(v.findings[1].location.range == range(12, 1, 8));
  CHECK(v.invalid == aksc::InvalidPointers{"/agent_count", "/network"});

  Validated create = validate(kCreate + "reattach: true\ncluster_name: c\n");
  REQUIRE(create.findings.size() == 2);
  CHECK(create.findings[0].message == "'cluster_name' does not apply to mode 'create'");
  CHECK(create.findings[0].help == "remove it; it applies only to mode provision-and-attach");
  CHECK(create.findings[1].message == "'reattach' does not apply to mode 'create'");
  CHECK(create.findings[1].help == "remove it; it applies only to mode attach");
}

TEST_CASE("schema: an unknown mode is one finding, not one per field", "[schema]") {
  Validated v = validate(with_mode("creat") + "agent_count: 3\nvm_size: Standard_D3_v2\n");
  REQUIRE(v.findings.size() == 1);
  CHECK(v.findings[0].message ==
        "'creat' is not a valid value for 'mode' (did you mean 'create'?)");
  CHECK(v.findings[0].help == "use one of: create, attach, provision-and-attach");
  CHECK(v.findings[0].location.range == range(4, 7, 12));
}

TEST_CASE("schema: numbers below the minimum", "[schema]") {
  Validated v = validate(kCreate + "agent_count: 0\n");
  REQUIRE(v.findings.size() == 1);
  CHECK(v.findings[0].message == "'agent_count' must be at least 1, not 0");
  CHECK(v.findings[0].help == "Number of nodes (agent VMs); default 3, the SDK's default.");
  CHECK(v.findings[0].location.range == range(10, 14, 15));
}

TEST_CASE("schema: string lengths and patterns", "[schema]") {
  std::string text = kCreate;
  text.replace(text.find("  name: ml-ws"), 13, "  name: \"\"");
  text.replace(text.find("resource_group: ml-rg"), 21, "resource_group: ml-rg.");
  Validated v = validate(text);
  REQUIRE(v.findings.size() == 2);
  CHECK(v.findings[0].message == "'workspace.name' must have at least 1 character");
  CHECK(v.findings[0].help == "Name of the Azure Machine Learning workspace.");
  CHECK(v.findings[0].location.range == range(6, 9, 11));
  CHECK(v.findings[1].message ==
        "A resource group name has 1 to 90 letters, digits, underscores, hyphens, periods or "
        "parentheses and does not end with a period.");
  CHECK(v.findings[1].location.range == range(7, 19, 25));
}

TEST_CASE("schema: apiVersion must be the constant", "[schema]") {
  std::string text = kCreate;
  text.replace(0, 19, "apiVersion: aksc/v2");
  Validated v = validate(text);
  REQUIRE(v.findings.size() == 1);
  CHECK(v.findings[0].message == "'apiVersion' must be \"aksc/v1\", not the string \"aksc/v2\"");
  CHECK(v.findings[0].location.range == range(1, 13, 20));
}

TEST_CASE("schema: problems deep in cluster facts name the full path", "[schema]") {
  Validated v = validate(with_mode("attach") +
                         "cluster:\n"
                         "  resource_id: /x\n"
                         "  facts:\n"
                         "    node_pools:\n"
                         "      - {mode: System, count: -1, colour: red}\n");
  REQUIRE(v.findings.size() == 3);
  CHECK(v.findings[0].message == "'cluster.facts.node_pools[0].count' must be at least 0, not -1");
  CHECK(v.findings[0].location.range == range(14, 31, 33));
  CHECK(v.findings[1].message == "unknown key 'colour' in 'cluster.facts.node_pools[0]'");
  CHECK(v.findings[1].location.range == range(14, 35, 41));
  CHECK(v.findings[2].message == "missing required field 'name' in 'cluster.facts.node_pools[0]'");
  CHECK(v.findings[2].location.range == range(14, 9, 10));
  CHECK(v.document.root["cluster"]["facts"]["node_pools"][0]["mode"] == "system");
}

TEST_CASE("schema: a document that is not a mapping", "[schema]") {
  Validated v = validate("- a\n");
  REQUIRE(v.findings.size() == 1);
  CHECK(v.findings[0].message == "the document must be a mapping, not a list");
  CHECK(v.findings[0].location.range == range(1, 1, 2));
}

TEST_CASE("schema: the rule ID is the caller's", "[schema]") {
  SourceFile source("c.yaml", "bogus: 1\n");
  FindingSink sink;
  YamlDocument document = aksc::load_yaml(source, sink).at(0);
  aksc::validate_document(document, Schema::embedded("aksc-config.schema.json"), "c.yaml", "AKS777",
                          sink);
  REQUIRE(sink.findings().size() == 1);
  CHECK(sink.findings()[0].rule == "AKS777");
  CHECK(sink.findings()[0].location.file == "c.yaml");
}

TEST_CASE("Schema::embedded loads every shipped schema and refuses unknown names", "[schema]") {
  CHECK(Schema::embedded("aksc-spec.schema.json").json()["required"].size() > 2);
  CHECK(Schema::embedded("aksc-config.schema.json").json().contains("properties"));
  CHECK(Schema::embedded("aksc-inventory.schema.json").json().is_object());
  CHECK(&Schema::embedded("aksc-spec.schema.json") == &Schema::embedded("aksc-spec.schema.json"));
  CHECK_THROWS_AS(Schema::embedded("no-such.schema.json"), std::logic_error);
}

TEST_CASE("Schema::subschema_at follows properties, items and additionalProperties", "[schema]") {
  const Schema& schema = spec_schema();
  const nlohmann::json* mode = schema.subschema_at("/mode");
  REQUIRE(mode != nullptr);
  CHECK((*mode)["enum"].size() == 3);
  const nlohmann::json* pool = schema.subschema_at("/cluster/facts/node_pools/7/count");
  REQUIRE(pool != nullptr);
  CHECK((*pool)["minimum"] == 0);
  const nlohmann::json* tag = schema.subschema_at("/tags/anything");
  REQUIRE(tag != nullptr);
  CHECK((*tag)["type"] == "string");
  CHECK(schema.subschema_at("/nothing") == nullptr);
  CHECK(schema.subschema_at("") == &schema.json());
  const nlohmann::json* severity =
      Schema::embedded("aksc-config.schema.json").subschema_at("/rules/AKS101");
  REQUIRE(severity != nullptr);
  CHECK((*severity)["enum"].size() == 4);
}

TEST_CASE("display_path turns JSON pointers into dotted paths", "[schema]") {
  CHECK(aksc::display_path("") == "");
  CHECK(aksc::display_path("/name") == "name");
  CHECK(aksc::display_path("/workspace/location") == "workspace.location");
  CHECK(aksc::display_path("/cluster/facts/node_pools/0/vm_size") ==
        "cluster.facts.node_pools[0].vm_size");
  CHECK(aksc::display_path("/api_server_authorized_ip_ranges/12") ==
        "api_server_authorized_ip_ranges[12]");
  CHECK(aksc::display_path("/tags/a~1b") == "tags.a/b");
  CHECK(aksc::display_path("/tags/a~0b") == "tags.a~b");
  CHECK(aksc::display_path("/tags/~01") == "tags.~1");
  CHECK(aksc::display_path("/tags/~00") == "tags.~0");
}

TEST_CASE("an embedded schema is compiled lean and still gives every node its description",
          "[schema]") {
  const Schema& schema = spec_schema();
  nlohmann::json annotated =
      nlohmann::json::parse(*aksc::embedded_file("schemas/aksc-spec.schema.json"));
  // Annotations are gone from keyword positions only: the spec's own `description` field stays.
  CHECK_FALSE(schema.json().contains("title"));
  CHECK_FALSE(schema.json().contains("description"));
  const nlohmann::json* field = schema.subschema_at("/description");
  REQUIRE(field != nullptr);
  CHECK((*field)["type"] == "string");
  CHECK_FALSE(field->contains("examples"));
  CHECK(schema.description(field) == annotated["properties"]["description"]["description"]);
  CHECK(schema.description(schema.subschema_at("")) == annotated["description"]);
  const nlohmann::json* mode = schema.subschema_at("/mode");
  REQUIRE(mode != nullptr);
  CHECK(schema.description(mode) == annotated["properties"]["mode"]["description"]);
  CHECK(schema.description(nullptr).empty());
  // Nothing but annotations differs: put back, the lean schema is the shipped one.
  CHECK(schema.json().size() + 2 == annotated.size());  // title, description
}

TEST_CASE("a schema built from JSON reads its descriptions from that JSON", "[schema]") {
  Schema schema(nlohmann::json::parse(R"({"properties": {"a": {"description": "An a. More."}}})"));
  CHECK(schema.description(schema.subschema_at("/a")) == "An a. More.");
  CHECK(schema.description(schema.subschema_at("")).empty());
}

TEST_CASE("schema: canonicalisation skips only what no enum is below", "[schema]") {
  // An enum three levels down, one in a list's items, one behind a $ref, a $ref loop with no
  // enum (assumed to hold one), and a branch with none.
  Schema schema(nlohmann::json::parse(R"({
    "definitions": {
      "size": {"enum": ["Small", "Large"]},
      "tree": {"properties": {"child": {"$ref": "#/definitions/tree"}}}
    },
    "properties": {
      "deep": {"properties": {"a": {"properties": {"b": {"enum": ["Alpha"]}}}}},
      "list": {"items": {"enum": ["Beta"]}},
      "ref": {"properties": {"size": {"$ref": "#/definitions/size"}}},
      "loop": {"$ref": "#/definitions/tree"},
      "plain": {"properties": {"name": {"type": "string"}}}
    }
  })"));
  const nlohmann::json* root = &schema.json();
  CHECK(schema.may_hold_enum(root));
  CHECK(schema.may_hold_enum(schema.child_schema(root, "deep")));
  CHECK(schema.may_hold_enum(schema.child_schema(root, "list")));
  CHECK(schema.may_hold_enum(schema.child_schema(root, "ref")));
  CHECK(schema.may_hold_enum(schema.child_schema(root, "loop")));
  CHECK_FALSE(schema.may_hold_enum(schema.child_schema(root, "plain")));
  CHECK_FALSE(schema.may_hold_enum(nullptr));

  FindingSink sink;
  SourceFile source("t.yaml",
                    "deep: {a: {b: alpha}}\nlist: [beta, BETA]\nref: {size: large}\n"
                    "plain: {name: small}\n");
  std::vector<YamlDocument> documents = aksc::load_yaml(source, sink);
  REQUIRE(documents.size() == 1);
  aksc::canonicalize_enums(documents[0], schema);
  CHECK(documents[0].root.dump() ==
        R"({"deep":{"a":{"b":"Alpha"}},"list":["Beta","Beta"],"plain":{"name":"small"},)"
        R"("ref":{"size":"Large"}})");
}
