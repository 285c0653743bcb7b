#include "driver/config_resolver.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

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

namespace {

// Whether each of `folders` (absolute, each the parent of the one before it, deepest first)
// holds an aksc.yaml or aksc.yml. The folders are entered one by one from the topmost with
// openat, so each look costs one name, not the whole path: a search from a folder thousands of
// levels deep stays linear in its depth.
std::vector<const char*> config_names_in(const std::vector<std::string>& folders) {
  std::vector<const char*> found(folders.size(), nullptr);
  if (folders.empty()) return found;
  int fd = ::open(folders.back().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  for (std::size_t i = folders.size(); i-- > 0;) {
    if (i + 1 < folders.size()) {
      // The next folder down: its last component, entered from its parent's descriptor.
      const std::string& child = folders[i];
      std::string name = child.substr(child.find_last_of('/') + 1);
      int next = fd < 0 ? -1 : ::openat(fd, name.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      if (fd >= 0) ::close(fd);
      fd = next;
    }
    if (fd < 0) continue;  // unreadable: nothing found there, as a stat would find nothing
    for (const char* name : {"aksc.yaml", "aksc.yml"}) {
      struct stat status {};
      if (::fstatat(fd, name, &status, 0) == 0 && S_ISREG(status.st_mode)) {
        found[i] = name;
        break;
      }
    }
  }
  if (fd >= 0) ::close(fd);
  return found;
}

std::string parent_text(const std::string& folder) {
  std::size_t slash = folder.find_last_of('/');
  return slash == 0 || slash == std::string::npos ? std::string("/") : folder.substr(0, slash);
}

}  // namespace

std::optional<fs::path> ConfigResolver::find_upwards(const fs::path& folder) {
  // Folders as text keys: a path compares and copies component by component.
  std::vector<std::string> unknown;  // deepest first, up to the first folder already known
  std::optional<fs::path> above;
  for (std::string text = folder.native();; text = parent_text(text)) {
    auto cached = by_folder_.find(text);
    if (cached != by_folder_.end()) {
      above = cached->second;
      break;
    }
    unknown.push_back(text);
    if (text == "/" || text.empty()) break;
  }
  std::vector<const char*> names = config_names_in(unknown);
  // Each folder's answer is the nearest aksc.yaml at or above it.
  for (std::size_t i = unknown.size(); i-- > 0;) {
    if (names[i]) above = fs::path(unknown[i]) / names[i];
    by_folder_.emplace(unknown[i], above);
  }
  return by_folder_.find(folder.native())->second;
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
