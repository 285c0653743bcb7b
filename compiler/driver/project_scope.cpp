#include "driver/project_scope.h"

#include <set>
#include <unordered_set>

#include <fmt/format.h>

#include "frontend/input_error.h"
#include "frontend/read_source.h"

namespace aksc {
namespace fs = std::filesystem;

namespace {

// The deepest folder holding every path.
fs::path common_folder(const std::vector<fs::path>& folders) {
  fs::path common = folders.front();
  for (const fs::path& folder : folders) {
    fs::path shared;
    auto a = common.begin(), b = folder.begin();
    for (; a != common.end() && b != folder.end() && *a == *b; ++a, ++b)
      shared /= *a;
    common = shared;
  }
  return common;
}

}  // namespace

std::vector<InputFile> project_only_files(const std::vector<ScopedFile>& named,
                                          const std::set<fs::path>& walked_folders) {
  std::unordered_set<std::string> known;
  std::set<fs::path> roots;
  std::vector<fs::path> unconfigured;
  for (const ScopedFile& file : named) {
    known.insert(file.input->canonical);
    if (!file.config->file.empty()) {
      roots.insert(file.config->directory);
    } else {
      unconfigured.push_back(fs::path(file.input->canonical).parent_path());
    }
  }
  if (!unconfigured.empty()) roots.insert(common_folder(unconfigured));
  std::vector<InputFile> extra;
  for (const fs::path& root : roots) {
    if (walked_folders.count(root)) continue;  // the run walked it whole: nothing to add
    std::error_code error;
    fs::path shown = fs::proximate(root, error);
    InputSet walked = collect_inputs({(error ? root : shown).string()});
    for (InputFile& file : walked.files) {
      if (known.insert(file.canonical).second) extra.push_back(std::move(file));
    }
  }
  return extra;
}

std::string InventoryCache::display_for(const Config& config) const {
  if (!config.inventory.written()) return {};
  fs::path path = config.directory / config.inventory.value;
  std::error_code error;
  fs::path shown = fs::proximate(path, error);
  return display_path(error ? path : shown);
}

const std::vector<InventoryEntry>& InventoryCache::inventory_for(const Config& config) {
  auto found = inventories_.find(&config);
  if (found != inventories_.end()) return found->second;
  std::vector<InventoryEntry>& entries = inventories_[&config];
  if (!config.inventory.written()) return entries;
  fs::path path = config.directory / config.inventory.value;
  std::string display = display_for(config);
  try {
    auto source = std::make_shared<SourceFile>(read_source(path, display, max_file_size_));
    sources_[display] = source;
    entries = parse_inventory(*source, sink_);
  } catch (const InputError& failure) {
    sink_.report(
        "AKS006", config.file, config.inventory.range,
        fmt::format("inventory '{}' cannot be used: {}", config.inventory.value, failure.what()),
        "fix the path (relative to aksc.yaml) or remove 'inventory:'");
  }
  return entries;
}

}  // namespace aksc
