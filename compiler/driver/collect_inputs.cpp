#include "driver/collect_inputs.h"

#include <algorithm>
#include <unordered_set>

#include "diag/text_util.h"

namespace aksc {
namespace fs = std::filesystem;

bool is_yaml_name(const fs::path& path) {
  std::string extension = to_lower(path.extension().string());
  return extension == ".yaml" || extension == ".yml";
}

namespace {

bool is_config_name(const fs::path& path) {
  return path.filename() == "aksc.yaml" || path.filename() == "aksc.yml";
}

class Walker {
 public:
  Walker(InputSet& out, FolderDepth depth) : out_(out), depth_(depth) {}

  void add_argument(const std::string& argument) {
    fs::path path(argument);
    std::error_code error;
    fs::file_status status = fs::status(path, error);
    if (error || !fs::exists(status)) {
      out_.errors.push_back(display_path(path) + ": no such file or folder");
      return;
    }
    if (fs::is_directory(status)) {
      walk(path);
    } else {
      // read_source reports FIFOs and other non-files by name.
      fs::path canonical = fs::weakly_canonical(fs::absolute(path, error), error);
      add_file(path, error ? fs::absolute(path) : canonical, true, false);
    }
  }

 private:
  void add_file(const fs::path& path, const fs::path& canonical, bool explicit_file,
                bool listed_regular) {
    auto [seen, added] = seen_files_.insert(canonical.native());
    if (!added) return;
    out_.files.push_back({path, display_path(path), explicit_file, *seen, listed_regular});
  }

  void walk(const fs::path& folder) {
    std::error_code error;
    fs::path canonical = fs::canonical(folder, error);
    if (error) {
      out_.errors.push_back(display_path(folder) + ": cannot open folder: " + error.message());
      return;
    }
    if (!out_.walked_folders.insert(canonical).second) {
      out_.notes.push_back(display_path(folder) + ": folder already walked (symlink), skipped");
      return;
    }
    std::vector<fs::directory_entry> entries;
    fs::directory_iterator it(folder, error);
    if (error) {
      out_.errors.push_back(display_path(folder) + ": cannot list folder: " + error.message());
      return;
    }
    for (; it != fs::directory_iterator(); it.increment(error)) {
      if (error) break;
      entries.push_back(*it);
    }
    if (error) {
      out_.errors.push_back(display_path(folder) + ": cannot list folder: " + error.message());
    }
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
      return a.path().filename() < b.path().filename();
    });
    for (const fs::directory_entry& entry : entries)
      visit(entry, canonical);
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

  void visit(const fs::directory_entry& entry, const fs::path& canonical_folder) {
    const fs::path& path = entry.path();
    std::string name = path.filename().string();
    std::error_code error;
    bool symlink = entry.is_symlink(error);
    fs::file_status status = status_of(entry, error);
    if (error) {
      if (is_yaml_name(path)) out_.errors.push_back(display_path(path) + ": " + error.message());
      return;
    }
    if (fs::is_directory(status)) {
      if (depth_ == FolderDepth::kTopOnly) return;
      if (!name.empty() && name[0] == '.') {
        out_.notes.push_back(display_path(path) + ": hidden folder, skipped");
        return;
      }
      walk(path);
      return;
    }
    if (!is_yaml_name(path)) return;
    if (is_config_name(path)) return;  // configuration, not a spec
    if (!fs::is_regular_file(status)) {
      out_.notes.push_back(display_path(path) + ": not a regular file, skipped");
      return;
    }
    fs::path canonical = canonical_folder / path.filename();
    if (symlink) canonical = fs::weakly_canonical(canonical, error);
    add_file(path, canonical, false, true);
  }

  InputSet& out_;
  FolderDepth depth_;
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

InputSet collect_inputs(const std::vector<std::string>& paths, FolderDepth depth) {
  InputSet inputs;
  Walker walker(inputs, depth);
  if (paths.empty()) {
    walker.add_argument(".");
  } else {
    for (const std::string& path : paths)
      walker.add_argument(path);
  }
  return inputs;
}

}  // namespace aksc
