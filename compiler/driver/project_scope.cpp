#include "driver/project_scope.h"

#include <map>
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

// Whether `folder` is `base` or inside it (both absolute and canonical).
bool is_within(const fs::path& folder, const fs::path& base) {
  return common_folder({folder, base}) == base;
}

// The folders that hold the project of files without aksc.yaml (their canonical folders): the
// common folder, read whole, when it is the current folder or inside it and is not the root;
// else each file's own folder, not its subfolders. So a run never reads more than `aksc lint`
// with no path would read in the current folder, plus the named files' neighbours: files
// named from unrelated places (or `/` as the current folder) never make aksc walk the disk.
std::map<fs::path, FolderDepth> unconfigured_roots(const std::vector<fs::path>& folders) {
  fs::path common = common_folder(folders);
  std::error_code error;
  fs::path current = fs::canonical(fs::current_path(error), error);
  if (!error && common.has_relative_path() && is_within(common, current)) {
    return {{common, FolderDepth::kWhole}};
  }
  std::map<fs::path, FolderDepth> roots;
  for (const fs::path& folder : folders)
    roots.emplace(folder, FolderDepth::kTopOnly);
  return roots;
}

}  // namespace

std::vector<InputFile> project_only_files(const std::vector<ScopedFile>& named,
                                          const std::set<FolderId>& walked_folders) {
  std::map<fs::path, FolderDepth> roots;
  std::vector<fs::path> unconfigured;
  const Config* last_config = nullptr;  // files come by folder: their config repeats
  for (const ScopedFile& file : named) {
    if (!file.config->file.empty()) {
      if (file.config != last_config) roots[file.config->directory] = FolderDepth::kWhole;
      last_config = file.config;
    } else {
      unconfigured.push_back(fs::path(file.input->canonical).parent_path());
    }
  }
  if (!unconfigured.empty()) roots.merge(unconfigured_roots(unconfigured));
  std::erase_if(roots, [&](const auto& root) {
    std::optional<FolderId> id = folder_id(root.first);
    return id && walked_folders.count(*id) != 0;  // the run walked it whole: nothing to add
  });
  std::vector<InputFile> extra;
  if (roots.empty()) return extra;
  std::unordered_set<std::string> known;
  for (const ScopedFile& file : named)
    known.insert(file.input->canonical);
  for (const auto& [root, depth] : roots) {
    std::error_code error;
    fs::path shown = fs::proximate(root, error);
    InputSet walked = collect_inputs({(error ? root : shown).string()}, depth);
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
  FencedPath path =
      fence_path(config.inventory.value, config.directory, {config.directory, allowed_});
  if (!path.admitted()) {
    sink_.report(
        "AKS007", config.file, config.inventory.range,
        fmt::format("inventory '{}' is not read: {}", config.inventory.value, path.refusal),
        fence_help("aksc.yaml"));
    return entries;
  }
  std::string display = display_for(config);
  try {
    auto source = std::make_shared<SourceFile>(read_source(path.path, display, max_file_size_));
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
