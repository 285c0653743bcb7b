#include "driver/collect_inputs.h"

#include <algorithm>
#include <unordered_set>

#include "diag/text_util.h"

namespace aksc {
namespace fs = std::filesystem;

namespace {

// Whether a file name (no folder) ends in .yaml or .yml in any case. As with
// std::filesystem::path::extension, a name that only starts with a dot (".yaml") has none.
bool is_yaml_file_name(std::string_view name) {
  std::size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return false;
  std::string_view extension = name.substr(dot);
  return iequals(extension, ".yaml") || iequals(extension, ".yml");
}

bool is_config_name(std::string_view name) {
  return name == "aksc.yaml" || name == "aksc.yml";
}

// The display form of `name` in a folder shown as `folder`: display_path(folder / name) for a
// name the folder listing gave (neither "." nor ".."), without normalizing the whole path again.
std::string display_in(const std::string& folder, const std::string& name) {
  if (folder == ".") return name;
  if (folder.back() == '/') return folder + name;  // the root
  return folder + '/' + name;
}

// A folder's entry with its name, which the walk sorts and tests many times.
struct NamedEntry {
  fs::directory_entry entry;
  std::string name;
};

}  // namespace

bool is_yaml_name(const fs::path& path) {
  return is_yaml_file_name(path.filename().native());
}

namespace {

class Walker {
 public:
  Walker(InputSet& out, FolderDepth depth, const FileFound& found)
      : out_(out), depth_(depth), found_(found) {}

  void add_argument(const std::string& argument) {
    fs::path path(argument);
    std::error_code error;
    fs::file_status status = fs::status(path, error);
    if (error || !fs::exists(status)) {
      out_.errors.push_back(display_path(path) + ": no such file or folder");
      return;
    }
    if (fs::is_directory(status)) {
      walk(path, display_path(path));
    } else {
      // read_source reports FIFOs and other non-files by name.
      fs::path canonical = fs::weakly_canonical(fs::absolute(path, error), error);
      add_file(path, display_path(path), (error ? fs::absolute(path) : canonical).native(), true,
               false);
    }
  }

 private:
  void add_file(const fs::path& path, std::string display, std::string canonical,
                bool explicit_file, bool listed_regular) {
    auto [seen, added] = seen_files_.insert(std::move(canonical));
    if (!added) return;
    InputFile file{path, std::move(display), explicit_file, *seen, listed_regular};
    if (found_) {
      found_(std::move(file));
    } else {
      out_.files.push_back(std::move(file));
    }
  }

  void walk(const fs::path& folder, const std::string& display) {
    std::error_code error;
    fs::path canonical = fs::canonical(folder, error);
    if (error) {
      out_.errors.push_back(display + ": cannot open folder: " + error.message());
      return;
    }
    if (!out_.walked_folders.insert(canonical).second) {
      out_.notes.push_back(display + ": folder already walked (symlink), skipped");
      return;
    }
    std::vector<NamedEntry> entries;
    fs::directory_iterator it(folder, error);
    if (error) {
      out_.errors.push_back(display + ": cannot list folder: " + error.message());
      return;
    }
    for (; it != fs::directory_iterator(); it.increment(error)) {
      if (error) break;
      entries.push_back({*it, it->path().filename().native()});
    }
    if (error) out_.errors.push_back(display + ": cannot list folder: " + error.message());
    // By name, as strings: comparing fs::path filenames built two paths per comparison.
    std::sort(entries.begin(), entries.end(),
              [](const NamedEntry& a, const NamedEntry& b) { return a.name < b.name; });
    for (const NamedEntry& named : entries)
      visit(named.entry, named.name, canonical.native(), display);
  }

  // The entry's type, followed through symlinks. For plain folders and files it comes from
  // the folder listing (d_type), without a system call per file.
  static fs::file_status status_of(const fs::directory_entry& entry, std::error_code& error) {
    if (!entry.is_symlink(error) && !error) {
      if (entry.is_directory(error)) return fs::file_status(fs::file_type::directory);
      if (entry.is_regular_file(error)) return fs::file_status(fs::file_type::regular);
    }
    return entry.status(error);
  }

  void visit(const fs::directory_entry& entry, const std::string& name,
             const std::string& canonical_folder, const std::string& folder_display) {
    const fs::path& path = entry.path();
    std::error_code error;
    bool symlink = entry.is_symlink(error);
    fs::file_status status = status_of(entry, error);
    if (error) {
      if (is_yaml_file_name(name))
        out_.errors.push_back(display_in(folder_display, name) + ": " + error.message());
      return;
    }
    if (fs::is_directory(status)) {
      if (depth_ == FolderDepth::kTopOnly) return;
      if (!name.empty() && name[0] == '.') {
        out_.notes.push_back(display_in(folder_display, name) + ": hidden folder, skipped");
        return;
      }
      walk(path, display_in(folder_display, name));
      return;
    }
    if (!is_yaml_file_name(name)) return;
    if (is_config_name(name)) return;  // configuration, not a spec
    if (!fs::is_regular_file(status)) {
      out_.notes.push_back(display_in(folder_display, name) + ": not a regular file, skipped");
      return;
    }
    std::string canonical = display_in(canonical_folder, name);
    if (symlink) canonical = fs::weakly_canonical(canonical, error).native();
    add_file(path, display_in(folder_display, name), std::move(canonical), false, true);
  }

  InputSet& out_;
  FolderDepth depth_;
  const FileFound& found_;
  std::unordered_set<std::string> seen_files_;
};

}  // namespace

std::string display_path(const fs::path& path) {
  std::string text = path.lexically_normal().generic_string();
  while (text.rfind("./", 0) == 0)
    text.erase(0, 2);
  if (text.size() > 1 && text.back() == '/') text.pop_back();
  return text.empty() ? "." : text;
}

InputSet collect_inputs(const std::vector<std::string>& paths, FolderDepth depth,
                        const FileFound& found) {
  InputSet inputs;
  Walker walker(inputs, depth, found);
  if (paths.empty()) {
    walker.add_argument(".");
  } else {
    for (const std::string& path : paths)
      walker.add_argument(path);
  }
  return inputs;
}

}  // namespace aksc
