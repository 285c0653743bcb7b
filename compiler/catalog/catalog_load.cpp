#include <algorithm>
#include <charconv>
#include <iterator>
#include <map>
#include <memory>
#include <stdexcept>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>
#include <nlohmann/json.hpp>

#include "catalog/catalog.h"
#include "catalog/csv_table.h"
#include "diag/text_util.h"
#include "support/strict_json.h"

namespace aksc {
namespace {

int parse_count(std::string_view text, int line, const char* column) {
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error == std::errc() && end == text.data() + text.size() && !text.empty() && value >= 0)
    return value;
  throw std::runtime_error(fmt::format("line {}: {} '{}' is not a count", line, column, text));
}

// "3.5" GiB → 3584 MiB: a positive decimal whose value is a whole number of MiB, read exactly.
std::int64_t parse_memory_mib(std::string_view text, int line) {
  const std::size_t point = text.find('.');
  const std::string_view whole = text.substr(0, point);
  const std::string_view fraction =
      point == std::string_view::npos ? std::string_view() : text.substr(point + 1);
  std::int64_t gib = 0;
  std::int64_t numerator = 0;
  std::int64_t denominator = 1;
  auto digits = [](std::string_view part, std::int64_t& value) {
    if (part.size() > 12) return false;
    for (char c : part) {
      if (c < '0' || c > '9') return false;
      value = value * 10 + (c - '0');
    }
    return true;
  };
  bool ok = !whole.empty() && digits(whole, gib) &&
            (point == std::string_view::npos || (!fraction.empty() && digits(fraction, numerator)));
  for (std::size_t i = 0; ok && i < fraction.size(); ++i)
    denominator *= 10;
  if (ok && numerator * 1024 % denominator == 0) {
    const std::int64_t mib = gib * 1024 + numerator * 1024 / denominator;
    if (mib > 0) return mib;
  }
  throw std::runtime_error(
      fmt::format("line {}: memory_gib '{}' is not a positive whole number of MiB", line, text));
}

// `loaded` (in file order) merged over `current`, sorted case-insensitively by `key`: the last
// row of a key wins, within `loaded` and over `current`.
template <typename Row, typename Key>
std::vector<Row> merge_rows(std::vector<Row> loaded, std::span<const Row> current, Key key) {
  auto less = [&](const Row& a, const Row& b) { return iless(key(a), key(b)); };
  if (!std::is_sorted(loaded.begin(), loaded.end(), less))  // the shipped tables are sorted
    std::stable_sort(loaded.begin(), loaded.end(), less);
  auto later = std::unique(loaded.rbegin(), loaded.rend(),
                           [&](const Row& a, const Row& b) { return iequals(key(a), key(b)); });
  loaded.erase(loaded.begin(), later.base());
  std::vector<Row> merged;
  merged.reserve(loaded.size() + current.size());
  std::set_union(loaded.begin(), loaded.end(), current.begin(), current.end(),
                 std::back_inserter(merged), less);  // equal keys: taken from `loaded`
  return merged;
}

// Moves `data` into the catalog's owned storage and returns it, now shared and never changed.
template <typename T>
const T& own(std::vector<std::shared_ptr<const void>>& owned, T data) {
  auto shared = std::make_shared<const T>(std::move(data));
  owned.push_back(shared);
  return *shared;
}

}  // namespace

void Catalog::load_vm_sizes(std::string_view csv, bool replace_all) {
  std::string_view text = own(owned_, std::string(csv));  // the sizes view it
  CsvTable table(text, {"name", "vcpus"});
  std::size_t name = table.index("name"), vcpus = table.index("vcpus");
  std::size_t available = table.optional_index("vcpus_available");
  std::size_t gpus = table.optional_index("gpus"), gpu_type = table.optional_index("gpu_type");
  std::size_t fpga = table.optional_index("fpga");
  std::size_t memory = table.optional_index("memory_gib");
  std::vector<VmSize> loaded;
  loaded.reserve(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')));
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
    if (memory != SIZE_MAX && !fields[memory].empty())
      size.memory_mib = parse_memory_mib(fields[memory], line);
    loaded.push_back(size);
  });
  vm_sizes_ =
      own(owned_, merge_rows(std::move(loaded), replace_all ? std::span<const VmSize>() : vm_sizes_,
                             [](const VmSize& size) { return size.name; }));
}

void Catalog::load_regions(std::string_view csv, bool replace_all) {
  std::string_view text = own(owned_, std::string(csv));
  CsvTable table(text, {"name"});
  std::size_t name = table.index("name");
  std::size_t display = table.has("display_name") ? table.index("display_name") : name;
  std::size_t type = table.optional_index("region_type");
  std::vector<Region> loaded;
  table.for_each_row([&](int line, std::span<const std::string_view> fields) {
    Region region{fields[name], fields[display], type == SIZE_MAX ? "" : fields[type]};
    if (region.name.empty()) throw std::runtime_error(fmt::format("line {}: empty name", line));
    loaded.push_back(region);
  });
  regions_ =
      own(owned_, merge_rows(std::move(loaded), replace_all ? std::span<const Region>() : regions_,
                             [](const Region& region) { return region.name; }));
}

void Catalog::load_region_pairs(std::string_view csv, bool replace_all) {
  std::string_view text = own(owned_, to_lower(csv));  // both columns are lower-cased
  CsvTable table(text, {"region", "paired_region"});
  std::size_t region = table.index("region"), pair = table.index("paired_region");
  std::vector<RegionPair> loaded;
  table.for_each_row([&](int, std::span<const std::string_view> fields) {
    loaded.push_back({fields[region], fields[pair]});
  });
  pairs_ = own(owned_,
               merge_rows(std::move(loaded), replace_all ? std::span<const RegionPair>() : pairs_,
                          [](const RegionPair& row) { return row.region; }));
}

namespace {

// Service tags read from JSON: the strings, the views that the tags' spans cover, the tags.
struct OwnedTags {
  std::vector<std::string> texts;
  std::vector<std::string_view> views;
  std::vector<ServiceTag> tags;
};

}  // namespace

DataSnapshot Catalog::load_service_tags(std::string_view text) {
  nlohmann::json json;
  try {
    json = parse_strict_json(text);  // a repeated key is refused, not read last-one-wins
  } catch (const StrictJsonError& error) {
    throw std::runtime_error(std::string("not JSON: ") + error.what());
  }
  std::map<std::string, std::vector<std::string>> prefixes;       // by lower-case region
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
  // Built in place: the views point into `texts` and the spans into `views`, neither of which
  // grows past its reserve.
  auto owned = std::make_shared<OwnedTags>();
  std::size_t count = prefixes.size();
  for (const auto& [region, list] : prefixes)
    count += list.size();
  owned->texts.reserve(count);
  owned->views.reserve(count);
  for (auto& [region, list] : prefixes) {
    std::size_t first = owned->views.size();
    for (std::string& prefix : list)
      owned->views.push_back(owned->texts.emplace_back(std::move(prefix)));
    std::string_view name = owned->texts.emplace_back(region);
    owned->tags.push_back(
        {name, std::span<const std::string_view>(owned->views).subspan(first, list.size())});
  }
  tags_ = owned->tags;
  owned_.push_back(std::move(owned));
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
    // Absent: the window is the AKS release calendar (AKS501); present: "version X or lower".
    policy_.max_kubernetes_version = yaml["max_kubernetes_version"]
                                         ? yaml["max_kubernetes_version"].as<std::string>()
                                         : std::string();
    policy_.production_min_vcpus = yaml["production_min_vcpus"].as<int>();
    policy_.dev_test_min_vcpus = yaml["dev_test_min_vcpus"].as<int>();
    policy_.aks_node_min_vcpus = yaml["aks_node_min_vcpus"].as<int>();
  } catch (const YAML::Exception& error) {
    throw std::runtime_error("attach policy: " + error.msg +
                             " (needs production_min_vcpus, dev_test_min_vcpus, "
                             "aks_node_min_vcpus; max_kubernetes_version is optional)");
  }
}

void Catalog::load_v1_support(std::string_view text) {
  auto iso_date = [](const YAML::Node& node, const char* key) {
    std::string date = node[key].as<std::string>();
    bool ok = date.size() == 10 && date[4] == '-' && date[7] == '-';
    for (std::size_t i = 0; ok && i < date.size(); ++i)
      ok = i == 4 || i == 7 || (date[i] >= '0' && date[i] <= '9');
    if (!ok)
      throw std::runtime_error(
          fmt::format("azureml v1 support: {} '{}' is not YYYY-MM-DD", key, date));
    return date;
  };
  try {
    YAML::Node yaml = YAML::Load(std::string(text));
    v1_support_.cli_end_of_support = iso_date(yaml, "cli_v1_end_of_support");
    v1_support_.sdk_end_of_support = iso_date(yaml, "sdk_v1_end_of_support");
  } catch (const YAML::Exception& error) {
    throw std::runtime_error("azureml v1 support: " + error.msg +
                             " (needs cli_v1_end_of_support, sdk_v1_end_of_support)");
  }
}

}  // namespace aksc
