#include <stdexcept>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>
#include <nlohmann/json.hpp>

#include "catalog/catalog.h"
#include "catalog/embedded_files.h"
#include "diag/text_util.h"

namespace aksc {
namespace {

// A CSV table of aksc's data files: '#' comment lines, then a header row, then rows split on
// ',' (the generator refuses fields with commas or quotes).
class CsvTable {
 public:
  CsvTable(std::string_view text, std::vector<std::string> required) {
    int number = 0;
    while (!text.empty()) {
      std::size_t end = text.find('\n');
      std::string_view line = trim(text.substr(0, end));
      text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
      ++number;
      if (line.empty() || line[0] == '#') continue;
      std::vector<std::string> fields = split(line);
      if (header_.empty()) {
        header_ = fields;
        for (const std::string& column : required)
          index(column);
        continue;
      }
      if (fields.size() != header_.size()) {
        throw std::runtime_error(fmt::format("line {}: {} fields, the header has {}", number,
                                             fields.size(), header_.size()));
      }
      rows_.push_back({number, std::move(fields)});
    }
    if (header_.empty()) throw std::runtime_error("no header row");
  }

  struct Row {
    int line;
    std::vector<std::string> fields;
  };
  const std::vector<Row>& rows() const { return rows_; }
  bool has(const std::string& column) const {
    return std::find(header_.begin(), header_.end(), column) != header_.end();
  }
  std::size_t index(const std::string& column) const {
    auto found = std::find(header_.begin(), header_.end(), column);
    if (found == header_.end()) throw std::runtime_error("no column '" + column + "'");
    return static_cast<std::size_t>(found - header_.begin());
  }

 private:
  static std::vector<std::string> split(std::string_view line) {
    std::vector<std::string> fields;
    while (true) {
      std::size_t comma = line.find(',');
      fields.emplace_back(trim(line.substr(0, comma)));
      if (comma == std::string_view::npos) break;
      line.remove_prefix(comma + 1);
    }
    return fields;
  }

  std::vector<std::string> header_;
  std::vector<Row> rows_;
};

int parse_count(const std::string& text, int line, const char* column) {
  try {
    std::size_t used = 0;
    int value = std::stoi(text, &used);
    if (used == text.size() && value >= 0) return value;
  } catch (const std::exception&) {
  }
  throw std::runtime_error(fmt::format("line {}: {} '{}' is not a count", line, column, text));
}

// "# key: value" lines at the top of a CSV or YAML data file.
std::map<std::string, std::string> provenance(std::string_view text) {
  std::map<std::string, std::string> keys;
  while (!text.empty() && text[0] == '#') {
    std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    if (line.size() < 3 || line[1] != ' ' || line[2] == ' ') continue;  // top-level keys only
    std::size_t colon = line.find(": ");
    if (colon == std::string_view::npos) continue;
    std::string value(trim(line.substr(colon + 2)));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    keys.emplace(std::string(trim(line.substr(2, colon - 2))), value);
  }
  return keys;
}

std::string_view embedded_table(const std::string& name) {
  std::optional<std::string_view> text = embedded_file("rules/data/" + name);
  if (!text) throw std::logic_error("data table not embedded: rules/data/" + name);
  return *text;
}

// The "# snapshot:" and "# snapshot_date:" lines that scripts/update-data.py writes.
DataSnapshot snapshot_of(const std::string& table, std::string_view text) {
  std::map<std::string, std::string> keys = provenance(text);
  if (!keys.count("snapshot") || !keys.count("retrieved")) {
    throw std::logic_error("rules/data table " + table + " has no snapshot/retrieved header");
  }
  return {table, keys["snapshot"], keys["snapshot_date"], keys["retrieved"], "embedded"};
}

}  // namespace

void Catalog::load_vm_sizes(std::string_view csv, bool replace_all) {
  CsvTable table(csv, {"name", "vcpus"});
  if (replace_all) vm_sizes_.clear();
  auto column = [&](const char* name) { return table.has(name) ? table.index(name) : SIZE_MAX; };
  std::size_t name = table.index("name"), vcpus = table.index("vcpus");
  std::size_t available = column("vcpus_available"), gpus = column("gpus");
  std::size_t gpu_type = column("gpu_type"), fpga = column("fpga");
  for (const CsvTable::Row& row : table.rows()) {
    VmSize size;
    size.name = row.fields[name];
    if (size.name.empty()) throw std::runtime_error(fmt::format("line {}: empty name", row.line));
    size.vcpus = parse_count(row.fields[vcpus], row.line, "vcpus");
    size.vcpus_available = size.vcpus;
    if (available != SIZE_MAX && !row.fields[available].empty()) {
      size.vcpus_available = parse_count(row.fields[available], row.line, "vcpus_available");
    }
    if (gpus != SIZE_MAX && !row.fields[gpus].empty()) {
      size.gpus = parse_count(row.fields[gpus], row.line, "gpus");
    }
    if (gpu_type != SIZE_MAX) size.gpu_type = row.fields[gpu_type];
    if (fpga != SIZE_MAX) size.fpga = iequals(row.fields[fpga], "true");
    vm_sizes_[to_lower(size.name)] = std::move(size);
  }
}

void Catalog::load_regions(std::string_view csv, bool replace_all) {
  CsvTable table(csv, {"name"});
  if (replace_all) regions_.clear();
  std::size_t name = table.index("name");
  std::size_t display = table.has("display_name") ? table.index("display_name") : name;
  std::size_t type = table.has("region_type") ? table.index("region_type") : SIZE_MAX;
  for (const CsvTable::Row& row : table.rows()) {
    Region region{row.fields[name], row.fields[display],
                  type == SIZE_MAX ? std::string() : row.fields[type]};
    if (region.name.empty()) throw std::runtime_error(fmt::format("line {}: empty name", row.line));
    regions_[to_lower(region.name)] = std::move(region);
  }
}

void Catalog::load_region_pairs(std::string_view csv, bool replace_all) {
  CsvTable table(csv, {"region", "paired_region"});
  if (replace_all) pairs_.clear();
  std::size_t region = table.index("region"), pair = table.index("paired_region");
  for (const CsvTable::Row& row : table.rows()) {
    pairs_[to_lower(row.fields[region])] = to_lower(row.fields[pair]);
  }
}

void Catalog::load_service_tags(std::string_view text) {
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

const Catalog& Catalog::embedded() {
  static const Catalog catalog = [] {
    Catalog result;
    struct Table {
      const char* name;
      const char* file;
      void (*load)(Catalog&, std::string_view);
    };
    const Table tables[] = {
        {"vm-sizes", "vm-sizes.csv",
         [](Catalog& c, std::string_view t) { c.load_vm_sizes(t, true); }},
        {"regions", "regions.csv", [](Catalog& c, std::string_view t) { c.load_regions(t, true); }},
        {"region-pairs", "region-pairs.csv",
         [](Catalog& c, std::string_view t) { c.load_region_pairs(t, true); }},
        {"service-tags", "service-tags-azureml.json",
         [](Catalog& c, std::string_view t) { c.load_service_tags(t); }},
        {"attach-policy", "attach-policy.yaml",
         [](Catalog& c, std::string_view t) { c.load_attach_policy(t); }},
    };
    for (const Table& table : tables) {
      std::string_view text = embedded_table(table.file);
      try {
        table.load(result, text);
      } catch (const std::runtime_error& error) {
        throw std::logic_error(std::string("rules/data/") + table.file + ": " + error.what());
      }
      if (std::string(table.name) == "service-tags") {
        nlohmann::json source = nlohmann::json::parse(text)["source"];
        result.set_snapshot(
            {table.name,
             fmt::format("{} {} (ServiceTags_Public changeNumber {})", source.value("repo", ""),
                         source.value("path", ""), source.value("changeNumber", 0)),
             source.value("date", ""), source.value("retrieved", ""), "embedded"});
      } else {
        result.set_snapshot(snapshot_of(table.name, text));
      }
    }
    return result;
  }();
  return catalog;
}

}  // namespace aksc
