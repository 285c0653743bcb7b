// The catalog's own loading: CSV tables read row by row, VM sizes kept sorted and viewing the
// text they were read from, overrides merged by name, and the snapshots of the embedded tables.
#include <catch2/catch.hpp>

#include <algorithm>
#include <deque>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "catalog/csv_table.h"

using aksc::Catalog;
using aksc::CsvTable;
using Catch::Matchers::Contains;

namespace {

const char* kSizes =
    "# a comment before the header\n"
    "name,vcpus,vcpus_available,gpus,gpu_type,fpga\n"
    "Standard_B,4,,0,,false\n"
    "\n"
    "# a comment between rows\n"
    "Standard_A,2,1,1,Tesla T4,true\n";

}  // namespace

TEST_CASE("CsvTable reads rows in order with their line numbers, skipping comments") {
  CsvTable table(kSizes, {"name", "vcpus"});
  CHECK(table.index("vcpus") == 1);
  CHECK(table.optional_index("fpga") == 5);
  CHECK(table.optional_index("colour") == SIZE_MAX);
  std::vector<std::pair<int, std::string>> rows;
  table.for_each_row([&](int line, std::span<const std::string_view> fields) {
    REQUIRE(fields.size() == 6);
    rows.emplace_back(line, std::string(fields[0]) + "|" + std::string(fields[4]));
  });
  CHECK(rows ==
        std::vector<std::pair<int, std::string>>{{3, "Standard_B|"}, {6, "Standard_A|Tesla T4"}});
}

TEST_CASE("CsvTable names the line of a short row and a missing column") {
  CsvTable short_row("name,vcpus\nStandard_A,2\n\nStandard_B\n", {"name"});
  CHECK_THROWS_WITH(short_row.for_each_row([](int, auto) {}), "line 4: 1 fields, the header has 2");
  CHECK_THROWS_WITH(CsvTable("name,vcpus\n", {"name", "gpus"}), "no column 'gpus'");
  CHECK_THROWS_WITH(CsvTable("# only comments\n\n", {}), "no header row");
}

TEST_CASE("VM sizes are found case-insensitively and outlive the text they were read from") {
  Catalog catalog;
  {
    std::string text = kSizes;  // destroyed before the lookups: the catalog keeps its own copy
    catalog.load_vm_sizes(text, true);
    text.assign(text.size(), 'x');
  }
  const aksc::VmSize* a = catalog.find_vm_size("STANDARD_a");
  REQUIRE(a != nullptr);
  CHECK(a->name == "Standard_A");
  CHECK(a->vcpus == 2);
  CHECK(a->vcpus_available == 1);
  CHECK(a->gpu_type == "Tesla T4");
  CHECK(a->fpga);
  const aksc::VmSize* b = catalog.find_vm_size("standard_b");
  REQUIRE(b != nullptr);
  CHECK(b->vcpus_available == 4);  // an empty column: all vCPUs are usable
  CHECK(catalog.find_vm_size("Standard_") == nullptr);
  CHECK(catalog.find_vm_size("Standard_C") == nullptr);
  CHECK(catalog.vm_size_names() == std::vector<std::string>{"Standard_A", "Standard_B"});

  Catalog copy = catalog;
  catalog = Catalog();  // the copy shares the text, not the original's lifetime
  REQUIRE(copy.find_vm_size("standard_a") != nullptr);
  CHECK(copy.find_vm_size("standard_a")->gpu_type == "Tesla T4");
}

TEST_CASE("a VM-size override adds sizes and replaces a size of the same name in any case") {
  Catalog catalog;
  catalog.load_vm_sizes(kSizes, true);
  catalog.load_vm_sizes("name,vcpus\nSTANDARD_B,16\nStandard_C,8\nstandard_c,12\n", false);
  CHECK(catalog.find_vm_size("Standard_A")->vcpus == 2);   // kept
  CHECK(catalog.find_vm_size("Standard_B")->vcpus == 16);  // replaced, case-insensitively
  CHECK(catalog.find_vm_size("Standard_B")->name == "STANDARD_B");
  CHECK(catalog.find_vm_size("Standard_C")->vcpus == 12);  // the last row of a name wins
  CHECK(catalog.vm_size_names().size() == 3);

  catalog.load_vm_sizes("name,vcpus\nStandard_Z,1\n", true);  // replace_all drops the rest
  CHECK(catalog.vm_size_names() == std::vector<std::string>{"Standard_Z"});
}

TEST_CASE("a bad VM-size row leaves the catalog as it was and names the line") {
  Catalog catalog;
  catalog.load_vm_sizes(kSizes, true);
  CHECK_THROWS_WITH(catalog.load_vm_sizes("name,vcpus\nStandard_C,8\nStandard_D,-1\n", false),
                    Contains("line 3: vcpus '-1' is not a count"));
  CHECK_THROWS_WITH(catalog.load_vm_sizes("name,vcpus\nStandard_C,+8\n", false),
                    Contains("line 2: vcpus '+8' is not a count"));
  CHECK_THROWS_WITH(catalog.load_vm_sizes("name,vcpus\n,8\n", false),
                    Contains("line 2: empty name"));
  CHECK(catalog.find_vm_size("Standard_C") == nullptr);
  CHECK(catalog.vm_size_names().size() == 2);
}

TEST_CASE("memory_gib is read exactly as whole MiB, and refused otherwise") {
  Catalog catalog;
  catalog.load_vm_sizes(
      "name,vcpus,memory_gib\nStandard_A,1,0.75\nStandard_B,2,3.5\n"
      "Standard_C,4,16\nStandard_D,8,\n",
      true);
  CHECK(catalog.find_vm_size("Standard_A")->memory_mib == 768);
  CHECK(catalog.find_vm_size("Standard_B")->memory_mib == 3584);
  CHECK(catalog.find_vm_size("Standard_C")->memory_mib == 16384);
  CHECK(catalog.find_vm_size("Standard_D")->memory_mib == 0);  // unknown
  for (const char* bad : {"0.1", "0", "-1", "1e3", "1.", ".5", "x", "1.5.5"}) {
    INFO(bad);
    CHECK_THROWS_WITH(catalog.load_vm_sizes(
                          std::string("name,vcpus,memory_gib\nStandard_E,1,") + bad + "\n", false),
                      Contains(std::string("line 2: memory_gib '") + bad + "'"));
  }
  CHECK(catalog.find_vm_size("Standard_E") == nullptr);
}

TEST_CASE("the embedded tables keep their snapshots in table order") {
  const Catalog& catalog = Catalog::embedded();
  std::vector<std::string> tables;
  for (const aksc::DataSnapshot& snapshot : catalog.snapshots())
    tables.push_back(snapshot.table);
  CHECK(tables == std::vector<std::string>{"vm-sizes", "regions", "region-pairs", "service-tags",
                                           "attach-policy", "aks-kubernetes-versions",
                                           "azureml-v1-support"});
  // AKS816 names these dates (ISO dates, read from the notices by update-data.py): CLI v1's
  // support ended before SDK v1's.
  const aksc::V1Support& v1 = catalog.v1_support();
  CHECK(v1.cli_end_of_support.size() == 10);
  CHECK(v1.sdk_end_of_support.size() == 10);
  CHECK(v1.cli_end_of_support < v1.sdk_end_of_support);
  const aksc::DataSnapshot* tags = catalog.snapshot("service-tags");
  REQUIRE(tags != nullptr);
  CHECK_THAT(tags->source, Contains("ServiceTags_Public changeNumber"));
  CHECK_FALSE(tags->retrieved.empty());
  CHECK(tags->origin == "embedded");
  REQUIRE(catalog.control_plane_prefixes("eastus"));
}

TEST_CASE("the compiled-in tables hold what the loaders read from the shipped files") {
  // The files of rules/data/ as the source tree holds them; the catalog views their text.
  std::deque<std::string> texts;
  auto text = [&texts](const std::string& file) -> std::string_view {
    std::ifstream in(std::string(AKSC_SOURCE_DIR) + "/rules/data/" + file, std::ios::binary);
    REQUIRE(in);
    std::ostringstream contents;
    contents << in.rdbuf();
    return texts.emplace_back(contents.str());
  };
  Catalog read;
  read.load_vm_sizes(text("vm-sizes.csv"), true);
  read.load_regions(text("regions.csv"), true);
  read.load_region_pairs(text("region-pairs.csv"), true);
  aksc::DataSnapshot tags = read.load_service_tags(text("service-tags-azureml.json"));
  read.load_attach_policy(text("attach-policy.yaml"));
  read.load_kubernetes_releases(text("aks-kubernetes-versions.csv"));
  const Catalog& compiled = Catalog::embedded();

  REQUIRE(compiled.vm_sizes().size() == read.vm_sizes().size());
  CHECK(compiled.vm_sizes().size() > 1000);
  for (std::size_t i = 0; i < read.vm_sizes().size(); ++i) {
    const aksc::VmSize& a = compiled.vm_sizes()[i];
    const aksc::VmSize& b = read.vm_sizes()[i];
    INFO(b.name);
    CHECK((a.name == b.name && a.vcpus == b.vcpus && a.vcpus_available == b.vcpus_available &&
           a.gpus == b.gpus && a.gpu_type == b.gpu_type && a.fpga == b.fpga));
  }
  REQUIRE(compiled.regions().size() == read.regions().size());
  CHECK(compiled.regions().size() >= 100);
  for (std::size_t i = 0; i < read.regions().size(); ++i) {
    const aksc::Region& a = compiled.regions()[i];
    const aksc::Region& b = read.regions()[i];
    INFO(b.name);
    CHECK((a.name == b.name && a.display_name == b.display_name && a.region_type == b.region_type));
  }
  REQUIRE(compiled.region_pairs().size() == read.region_pairs().size());
  for (std::size_t i = 0; i < read.region_pairs().size(); ++i) {
    INFO(read.region_pairs()[i].region);
    CHECK(compiled.region_pairs()[i].region == read.region_pairs()[i].region);
    CHECK(compiled.region_pairs()[i].paired_region == read.region_pairs()[i].paired_region);
  }
  REQUIRE(compiled.service_tags().size() == read.service_tags().size());
  for (std::size_t i = 0; i < read.service_tags().size(); ++i) {
    const aksc::ServiceTag& a = compiled.service_tags()[i];
    const aksc::ServiceTag& b = read.service_tags()[i];
    INFO(b.region);
    CHECK(a.region == b.region);
    CHECK(std::equal(a.prefixes.begin(), a.prefixes.end(), b.prefixes.begin(), b.prefixes.end()));
  }
  const aksc::AttachPolicy& policy = compiled.attach_policy();
  CHECK(policy.max_kubernetes_version == read.attach_policy().max_kubernetes_version);
  CHECK(policy.production_min_vcpus == read.attach_policy().production_min_vcpus);
  CHECK(policy.dev_test_min_vcpus == read.attach_policy().dev_test_min_vcpus);
  CHECK(policy.aks_node_min_vcpus == read.attach_policy().aks_node_min_vcpus);
  REQUIRE(compiled.kubernetes_releases().size() == read.kubernetes_releases().size());
  CHECK(compiled.kubernetes_as_of() == read.kubernetes_as_of());
  for (std::size_t i = 0; i < read.kubernetes_releases().size(); ++i) {
    const aksc::KubernetesRelease& a = compiled.kubernetes_releases()[i];
    const aksc::KubernetesRelease& b = read.kubernetes_releases()[i];
    INFO(b.version);
    CHECK((a.version == b.version && a.preview == b.preview && a.ga == b.ga &&
           a.end_of_life == b.end_of_life && a.platform_support_until == b.platform_support_until &&
           a.lts_end == b.lts_end));
  }

  // Each snapshot as its table's header says: the service tags' from their `source` object.
  const aksc::DataSnapshot* compiled_tags = compiled.snapshot("service-tags");
  REQUIRE(compiled_tags != nullptr);
  CHECK((compiled_tags->source == tags.source && compiled_tags->date == tags.date &&
         compiled_tags->retrieved == tags.retrieved));
  for (const char* table :
       {"vm-sizes", "regions", "region-pairs", "attach-policy", "aks-kubernetes-versions"}) {
    const aksc::DataSnapshot* snapshot = compiled.snapshot(table);
    REQUIRE(snapshot != nullptr);
    std::string_view file =
        text(std::string(table) + (std::string(table) == "attach-policy" ? ".yaml" : ".csv"));
    INFO(table);
    CHECK_THAT(std::string(file), Contains("\n# snapshot: " + snapshot->source + "\n") &&
                                      Contains("\n# retrieved: \"" + snapshot->retrieved + "\"") &&
                                      Contains("\n# snapshot_date: " + snapshot->date + "\n"));
    CHECK(snapshot->origin == "embedded");
  }
}

TEST_CASE("the Kubernetes calendar loader needs its snapshot date and well-formed rows") {
  Catalog catalog = Catalog::embedded();
  const std::string head = "version,preview,ga,end_of_life\n";
  CHECK_THROWS_WITH(
      catalog.load_kubernetes_releases(head + "1.35,2026-02-01,2026-03-01,2027-03-31\n"),
      Contains("no '# snapshot_date: YYYY-MM-DD' line"));
  const std::string dated = "# snapshot_date: 2026-08-21\n" + head;
  CHECK_THROWS_WITH(catalog.load_kubernetes_releases("# snapshot_date: 21.08.2026\n" + head +
                                                     "1.35,2026-02-01,2026-03-01,2027-03-31\n"),
                    Contains("snapshot_date '21.08.2026' is not a date"));
  CHECK_THROWS_WITH(
      catalog.load_kubernetes_releases(dated + "01.35,2026-02-01,2026-03-01,2027-03-31\n"),
      Contains("line 3: version '01.35' is not a minor version"));
  CHECK_THROWS_WITH(
      catalog.load_kubernetes_releases(dated + "1.35.2,2026-02-01,2026-03-01,2027-03-31\n"),
      Contains("version '1.35.2' is not a minor version"));
  CHECK_THROWS_WITH(
      catalog.load_kubernetes_releases(dated + "1.35,2026-02-01,Mar 2026,2027-03-31\n"),
      Contains("line 3: ga 'Mar 2026' is not a date"));
  CHECK_THROWS_WITH(catalog.load_kubernetes_releases(dated + "1.35,,2026-03-01,\n"),
                    Contains("end_of_life '' is not a date"));
  CHECK_THROWS_WITH(catalog.load_kubernetes_releases(dated + "1.35,,2026-03-01,2027-03-31\n"
                                                             "1.35,,2026-03-01,2027-03-31\n"),
                    Contains("version 1.35 is listed twice"));
  CHECK_THROWS_WITH(catalog.load_kubernetes_releases(dated), Contains("no versions"));
  // A failed load leaves the shipped calendar.
  CHECK(catalog.kubernetes_as_of() == Catalog::embedded().kubernetes_as_of());
  catalog.load_kubernetes_releases(dated +
                                   "1.9,,2018-01-01,2019-01-31\n1.35,,2026-03-01,2027-03-31\n");
  REQUIRE(catalog.kubernetes_releases().size() == 2);
  CHECK(catalog.kubernetes_releases()[0].version == "1.9");  // sorted as numbers, not text
  CHECK(catalog.kubernetes_as_of() == "2026-08-21");
}

TEST_CASE("the attach policy profile seed-2020 is compiled in and loads by name") {
  CHECK(Catalog::attach_policy_profile_names() == std::vector<std::string>{"seed-2020"});
  Catalog catalog = Catalog::embedded();
  CHECK(catalog.attach_policy().max_kubernetes_version.empty());  // the calendar decides
  CHECK_FALSE(catalog.load_attach_policy_profile("seed-2019"));
  REQUIRE(catalog.load_attach_policy_profile("seed-2020"));
  CHECK(catalog.attach_policy().max_kubernetes_version == "1.17");
  CHECK(catalog.attach_policy().production_min_vcpus ==
        Catalog::embedded().attach_policy().production_min_vcpus);
  const aksc::DataSnapshot* snapshot = catalog.snapshot("attach-policy");
  REQUIRE(snapshot != nullptr);
  CHECK(snapshot->origin == "profile seed-2020");
  CHECK_THAT(snapshot->source, Contains("MicrosoftDocs/azure-docs"));
}

TEST_CASE("regions, pairs and service tags are found in any case and overridden by name") {
  Catalog catalog;
  catalog.load_regions(
      "name,display_name,region_type\nwestus,West US,Physical\n"
      "EastUS,East US,Physical\neastus,East US (again),Physical\n",
      true);
  REQUIRE(catalog.find_region("EASTUS") != nullptr);
  CHECK(catalog.find_region("eastus")->display_name == "East US (again)");  // the last row
  CHECK(catalog.region_names() == std::vector<std::string>{"eastus", "westus"});
  catalog.load_regions("name\nWestUS\nnorthcentralus\n", false);
  CHECK(catalog.find_region("westus")->name == "WestUS");
  CHECK(catalog.find_region("westus")->display_name == "WestUS");  // no display_name column
  CHECK(catalog.region_names().size() == 3);

  catalog.load_region_pairs("region,paired_region\nEastUS,WestUS\nbrazilsouth,\n", true);
  CHECK(catalog.paired_region("EASTUS") == "westus");  // lower-cased
  CHECK(catalog.paired_region("brazilsouth") == "");   // documented as unpaired
  CHECK_FALSE(catalog.paired_region("westus"));        // no row

  catalog.load_service_tags(R"({"values": [
      {"name": "AzureMachineLearning.EastUS",
       "properties": {"addressPrefixes": ["10.0.0.0/28", "2603:1030::/64"]}},
      {"name": "Storage.EastUS", "properties": {"addressPrefixes": ["10.9.9.9/32"]}}]})");
  Catalog copy = catalog;
  catalog = Catalog();  // the copy shares the tags' storage, not the original's lifetime
  auto prefixes = copy.control_plane_prefixes("eastus");
  REQUIRE(prefixes);
  CHECK(std::vector<std::string_view>(prefixes->begin(), prefixes->end()) ==
        std::vector<std::string_view>{"10.0.0.0/28", "2603:1030::/64"});
  CHECK_FALSE(copy.control_plane_prefixes("westus"));
  CHECK(copy.find_region("northcentralus") != nullptr);
}
