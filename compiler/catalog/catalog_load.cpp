#include <algorithm>
#include <charconv>
#include <iterator>
#include <stdexcept>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>
#include <nlohmann/json.hpp>

#include "catalog/catalog.h"
#include "catalog/csv_table.h"
#include "diag/text_util.h"

namespace aksc {
namespace {

int parse_count(std::string_view text, int line, const char* column) {
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error == std::errc() && end == text.data() + text.size() && !text.empty() && value >= 0)
    return value;
  throw std::runtime_error(fmt::format("line {}: {} '{}' is not a count", line, column, text));
}

}  // namespace

void Catalog::load_vm_sizes(std::string_view csv, bool replace_all) {
  auto text = std::make_shared<const std::string>(csv);  // the sizes view it
  CsvTable table(*text, {"name", "vcpus"});
  std::size_t name = table.index("name"), vcpus = table.index("vcpus");
  std::size_t available = table.optional_index("vcpus_available");
  std::size_t gpus = table.optional_index("gpus"), gpu_type = table.optional_index("gpu_type");
  std::size_t fpga = table.optional_index("fpga");
  std::vector<VmSize> loaded;
  loaded.reserve(static_cast<std::size_t>(std::count(text->begin(), text->end(), '\n')));
  table.for_each_row([&](int line, std::span<const std::string_view> fields) {
    VmSize size;
    size.name = fields[name];
    if (size.name.empty()) throw std::runtime_error(fmt::format("line {}: empty name", line));
    size.vcpus = parse_count(fields[vcpus], line, "vcpus");
    size.vcpus_available = size.vcpus;
    if (available != SIZE_MAX && !fields[available].empty()) {
      size.vcpus_available = parse_count(fields[available], line, "vcpus_available");
    }
    if (gpus != SIZE_MAX && !fields[gpus].empty()) {
      size.gpus = parse_count(fields[gpus], line, "gpus");
    }
    if (gpu_type != SIZE_MAX) size.gpu_type = fields[gpu_type];
    if (fpga != SIZE_MAX) size.fpga = iequals(fields[fpga], "true");
    loaded.push_back(size);
  });
  // The last row of a name wins, within the file and over the sizes already loaded.
  auto by_name = [](const VmSize& a, const VmSize& b) { return iless(a.name, b.name); };
  if (!std::is_sorted(loaded.begin(), loaded.end(), by_name))  // the shipped table is sorted
    std::stable_sort(loaded.begin(), loaded.end(), by_name);
  auto later = std::unique(loaded.rbegin(), loaded.rend(), [](const VmSize& a, const VmSize& b) {
    return iequals(a.name, b.name);
  });
  loaded.erase(loaded.begin(), later.base());
  if (replace_all) {
    vm_sizes_ = {};
    texts_.clear();
  }
  auto merged = std::make_shared<std::vector<VmSize>>();
  merged->reserve(loaded.size() + vm_sizes_.size());
  std::set_union(loaded.begin(), loaded.end(), vm_sizes_.begin(), vm_sizes_.end(),
                 std::back_inserter(*merged), by_name);  // equal names: taken from `loaded`
  vm_sizes_ = *merged;
  loaded_sizes_ = std::move(merged);
  texts_.push_back(std::move(text));
}

void Catalog::load_regions(std::string_view csv, bool replace_all) {
  CsvTable table(csv, {"name"});
  std::size_t name = table.index("name");
  std::size_t display = table.has("display_name") ? table.index("display_name") : name;
  std::size_t type = table.optional_index("region_type");
  std::map<std::string, Region> loaded = replace_all ? std::map<std::string, Region>() : regions_;
  table.for_each_row([&](int line, std::span<const std::string_view> fields) {
    Region region{std::string(fields[name]), std::string(fields[display]),
                  type == SIZE_MAX ? std::string() : std::string(fields[type])};
    if (region.name.empty()) throw std::runtime_error(fmt::format("line {}: empty name", line));
    loaded[to_lower(region.name)] = std::move(region);
  });
  regions_ = std::move(loaded);
}

void Catalog::load_region_pairs(std::string_view csv, bool replace_all) {
  CsvTable table(csv, {"region", "paired_region"});
  std::size_t region = table.index("region"), pair = table.index("paired_region");
  std::map<std::string, std::string> loaded =
      replace_all ? std::map<std::string, std::string>() : pairs_;
  table.for_each_row([&](int, std::span<const std::string_view> fields) {
    loaded[to_lower(fields[region])] = to_lower(fields[pair]);
  });
  pairs_ = std::move(loaded);
}

DataSnapshot Catalog::load_service_tags(std::string_view text) {
  nlohmann::json json;
  try {
    json = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& error) {
    throw std::runtime_error(std::string("not JSON: ") + error.what());
  }
  std::map<std::string, std::vector<std::string>> prefixes;
  if (json.contains("regions") && json["regions"].is_object()) {  // aksc's own table
    for (const auto& [region, tag] : json["regions"].items()) {
      prefixes[to_lower(region)] = tag.at("addressPrefixes").get<std::vector<std::string>>();
    }
  } else if (json.contains("values") && json["values"].is_array()) {  // ServiceTags_Public.json
    const std::string prefix = "azuremachinelearning.";
    for (const nlohmann::json& value : json["values"]) {
      std::string name = to_lower(value.value("name", ""));
      if (name.rfind(prefix, 0) != 0) continue;
      prefixes[name.substr(prefix.size())] =
          value.at("properties").at("addressPrefixes").get<std::vector<std::string>>();
    }
  } else {
    throw std::runtime_error(
        "neither aksc's service-tag table nor a ServiceTags_Public.json download (no 'values')");
  }
  if (prefixes.empty()) throw std::runtime_error("no AzureMachineLearning.<Region> service tags");
  prefixes_ = std::move(prefixes);
  DataSnapshot snapshot{"service-tags", "", "", "", "embedded"};
  if (json.contains("source") && json["source"].is_object()) {
    const nlohmann::json& source = json["source"];
    snapshot.source =
        fmt::format("{} {} (ServiceTags_Public changeNumber {})", source.value("repo", ""),
                    source.value("path", ""), source.value("changeNumber", 0));
    snapshot.date = source.value("date", "");
    snapshot.retrieved = source.value("retrieved", "");
  }
  return snapshot;
}

void Catalog::load_attach_policy(std::string_view text) {
  YAML::Node yaml;
  try {
    yaml = YAML::Load(std::string(text));
    policy_.max_kubernetes_version = yaml["max_kubernetes_version"].as<std::string>();
    policy_.production_min_vcpus = yaml["production_min_vcpus"].as<int>();
    policy_.dev_test_min_vcpus = yaml["dev_test_min_vcpus"].as<int>();
    policy_.aks_node_min_vcpus = yaml["aks_node_min_vcpus"].as<int>();
  } catch (const YAML::Exception& error) {
    throw std::runtime_error("attach policy: " + error.msg +
                             " (needs max_kubernetes_version, production_min_vcpus, "
                             "dev_test_min_vcpus, aks_node_min_vcpus)");
  }
}

}  // namespace aksc
