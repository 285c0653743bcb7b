#include "driver/config_resolver.h"

#include "driver/collect_inputs.h"
#include "frontend/config_chain.h"
#include "frontend/read_source.h"

namespace aksc {
namespace fs = std::filesystem;

ConfigResolver::ConfigResolver(std::optional<std::string> explicit_config, FindingSink& sink,
                               std::uintmax_t max_file_size)
    : explicit_config_(std::move(explicit_config)), sink_(sink), max_file_size_(max_file_size) {}

const Config& ConfigResolver::config_for(const fs::path& spec_path) {
  if (explicit_config_) return load(*explicit_config_);
  // The files of a folder share its config: one look per folder as written, not an absolute
  // path (a getcwd) and a search of path-keyed maps per file. The text before the file name
  // names the folder exactly as parent_path() would.
  std::string_view written = spec_path.native();
  std::size_t name_start = written.rfind('/');
  std::string_view folder_text =
      name_start == std::string_view::npos ? std::string_view() : written.substr(0, name_start + 1);
  auto known = by_spec_folder_.find(folder_text);
  if (known != by_spec_folder_.end()) return *known->second;
  std::error_code error;
  fs::path folder = fs::absolute(spec_path, error).parent_path();
  std::optional<fs::path> found = find_upwards(folder);
  const Config& config = found ? load(*found) : defaults_;
  by_spec_folder_.emplace(folder_text, &config);
  return config;
}

std::optional<fs::path> ConfigResolver::find_upwards(const fs::path& folder) {
  // Folders as strings, parents by their last '/': a path compares and copies component by
  // component, which made a search from deeply nested folders quadratic in their depth.
  std::string text = folder.native();
  std::vector<std::string> unknown;  // folders to fill in, deepest first
  std::optional<fs::path> result;
  std::error_code error;
  while (true) {
    auto cached = by_folder_.find(text);
    if (cached != by_folder_.end()) {
      result = cached->second;
      break;
    }
    bool found = false;
    for (const char* name : {"/aksc.yaml", "/aksc.yml"}) {
      fs::path candidate = text == "/" ? fs::path(name) : fs::path(text + name);
      if (fs::is_regular_file(candidate, error)) {
        result = candidate;
        found = true;
        break;
      }
    }
    unknown.push_back(text);
    if (found) break;
    std::size_t slash = text.find_last_of('/');
    if (slash == std::string::npos || text == "/") break;
    text = slash == 0 ? std::string("/") : text.substr(0, slash);
  }
  for (std::string& folder_text : unknown)
    by_folder_.emplace(std::move(folder_text), result);
  return result;
}

const Config& ConfigResolver::load(const fs::path& path) {
  auto named = by_path_.find(path);
  if (named != by_path_.end()) return *named->second;
  std::error_code error;
  fs::path key = fs::weakly_canonical(path, error);
  if (error) key = path;
  auto found = by_file_.find(key);
  if (found != by_file_.end()) return *(by_path_[path] = found->second.get());
  // Show the config relative to the working folder, as spec paths are.
  fs::path shown = fs::proximate(key, error);
  std::string display = display_path(error ? key : shown);
  auto source = std::make_shared<SourceFile>(read_source(path, display, max_file_size_));
  sources_[display] = source;
  Config own = parse_config(*source, key.parent_path(), sink_);
  // --config pins one file; otherwise the aksc.yaml files above this one, up to the top of the
  // repository, are its parents (SPEC §2).
  std::optional<fs::path> parent_file;
  if (!explicit_config_) parent_file = find_parent(key.parent_path());
  std::unique_ptr<Config> config;
  if (parent_file) {
    config = std::make_unique<Config>(inherit_config(load(*parent_file), std::move(own), sink_));
  } else {
    config = std::make_unique<Config>(std::move(own));
    config->chain = {config->file};
  }
  by_path_[path] = config.get();
  return *by_file_.emplace(key, std::move(config)).first->second;
}

std::optional<fs::path> ConfigResolver::find_parent(const fs::path& config_folder) {
  std::error_code error;
  fs::path folder = config_folder;
  while (!fs::exists(folder / ".git", error) && folder.has_relative_path()) {
    folder = folder.parent_path();
    for (const char* name : {"aksc.yaml", "aksc.yml"}) {
      fs::path candidate = folder / name;
      if (fs::is_regular_file(candidate, error)) return candidate;
    }
  }
  return std::nullopt;
}

}  // namespace aksc
