#include "driver/collect_inputs.h"

#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
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

// `folder` / `name` as std::filesystem::path joins them, without building a path.
std::string join_path(const std::string& folder, const std::string& name) {
  if (!folder.empty() && folder.back() == '/') return folder + name;
  return folder + '/' + name;
}

// A folder's entry as the listing gave it: its name and its d_type (DT_UNKNOWN on file
// systems that do not say).
struct ListedEntry {
  std::string name;
  unsigned char type;
};

// What an entry is, symlinks followed.
enum class Kind { kFolder, kRegular, kOther };

Kind kind_of(mode_t mode) {
  if (S_ISDIR(mode)) return Kind::kFolder;
  if (S_ISREG(mode)) return Kind::kRegular;
  return Kind::kOther;
}

// Whether the entry's kind is known from the listing alone, so the walk needs no system call
// and no handle on its folder for it.
bool listing_knows(unsigned char type) {
  return type != DT_LNK && type != DT_UNKNOWN && type != DT_DIR;
}

// Whether the canonical path `path` is `root` or inside it.
bool is_within(const std::string& path, const std::string& root) {
  if (root == "/") return true;
  return path.compare(0, root.size(), root) == 0 &&
         (path.size() == root.size() || path[root.size()] == '/');
}

// The canonical path of the file or folder open as `fd`, from the kernel in one call, so that
// resolving a symlink costs the same at any depth. Empty without /proc.
std::string canonical_of_fd(int fd) {
  char link[64];
  std::snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  std::string target(PATH_MAX, '\0');
  ssize_t length = readlink(link, target.data(), target.size());
  if (length <= 0 || static_cast<std::size_t>(length) >= target.size()) return {};
  target.resize(static_cast<std::size_t>(length));
  return target;
}

// Closes a descriptor when it goes out of scope.
class OwnedFd {
 public:
  explicit OwnedFd(int fd) : fd_(fd) {}
  OwnedFd(const OwnedFd&) = delete;
  OwnedFd& operator=(const OwnedFd&) = delete;
  ~OwnedFd() { reset(); }
  int get() const { return fd_; }
  void reset() {
    if (fd_ >= 0) close(fd_);
    fd_ = -1;
  }

 private:
  int fd_;
};

}  // namespace

bool is_yaml_name(const fs::path& path) {
  return is_yaml_file_name(path.filename().native());
}

std::optional<FolderId> folder_id(const fs::path& path) {
  struct stat info {};
  if (stat(path.c_str(), &info) != 0 || !S_ISDIR(info.st_mode)) return std::nullopt;
  return FolderId{info.st_dev, info.st_ino};
}

namespace {

// Where the walk stands: one folder, under its three names.
struct Place {
  std::string open_path;  ///< As the files' paths are built: the argument, then names.
  std::string canonical;  ///< Absolute, symlinks resolved.
  std::string display;    ///< As shown in findings.
};

// Walks folders through descriptors (openat, fdopendir), so each step costs the same at any
// depth: no path is resolved again from its root, and folders are known by (device, inode).
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
      walk_argument(path);
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

  // A folder named as a path: followed if it is a symlink (the user's choice), and the
  // boundary of what its walk may reach.
  void walk_argument(const fs::path& path) {
    std::string display = display_path(path);
    std::error_code error;
    fs::path canonical = fs::canonical(path, error);
    if (error) {
      out_.errors.push_back(display + ": cannot open folder: " + error.message());
      return;
    }
    int fd = open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
      out_.errors.push_back(display + ": cannot open folder: " + std::strerror(errno));
      return;
    }
    root_ = canonical.native();
    walk(fd, Place{path.native(), root_, display});
  }

  // Takes `fd`, the open folder at `here`, and closes it.
  void walk(int fd, const Place& here) {
    OwnedFd folder(fd);
    struct stat info {};
    if (fstat(folder.get(), &info) != 0) {
      out_.errors.push_back(here.display + ": cannot open folder: " + std::strerror(errno));
      return;
    }
    if (!out_.walked_folders.insert(FolderId{info.st_dev, info.st_ino}).second) {
      out_.notes.push_back(here.display + ": folder already walked (symlink), skipped");
      return;
    }
    std::vector<ListedEntry> entries = list(folder.get(), here);
    // The last entry that needs the folder's descriptor: the folder is closed before that
    // entry's own walk, so a chain of nested folders holds one descriptor, not one per level.
    std::size_t last_use = entries.size();
    for (std::size_t i = 0; i < entries.size(); ++i)
      if (!listing_knows(entries[i].type)) last_use = i;
    for (std::size_t i = 0; i < entries.size(); ++i)
      visit(folder, entries[i], here, i == last_use);
  }

  // The folder's entries sorted by name, without "." and "..".
  std::vector<ListedEntry> list(int fd, const Place& here) {
    std::vector<ListedEntry> entries;
    // fdopendir takes its descriptor: a copy, so that the walk keeps its own.
    int copy = dup(fd);
    DIR* dir = copy < 0 ? nullptr : fdopendir(copy);
    if (!dir) {
      if (copy >= 0) close(copy);
      out_.errors.push_back(here.display + ": cannot list folder: " + std::strerror(errno));
      return entries;
    }
    errno = 0;
    while (const dirent* entry = readdir(dir)) {
      std::string_view name = entry->d_name;
      if (name != "." && name != "..") entries.push_back({std::string(name), entry->d_type});
      errno = 0;
    }
    if (errno != 0)
      out_.errors.push_back(here.display + ": cannot list folder: " + std::strerror(errno));
    closedir(dir);
    std::sort(entries.begin(), entries.end(),
              [](const ListedEntry& a, const ListedEntry& b) { return a.name < b.name; });
    return entries;
  }

  // The kind of `entry` in the folder open as `fd`, symlinks followed, and whether it is a
  // symlink; nothing (with errno set) when it cannot be known.
  static std::optional<Kind> kind_at(int fd, const ListedEntry& entry, bool& symlink) {
    symlink = entry.type == DT_LNK;
    if (entry.type == DT_DIR) return Kind::kFolder;
    if (entry.type == DT_REG) return Kind::kRegular;
    if (listing_knows(entry.type)) return Kind::kOther;
    struct stat info {};
    if (entry.type == DT_UNKNOWN) {
      if (fstatat(fd, entry.name.c_str(), &info, AT_SYMLINK_NOFOLLOW) != 0) return std::nullopt;
      symlink = S_ISLNK(info.st_mode);
      if (!symlink) return kind_of(info.st_mode);
    }
    if (fstatat(fd, entry.name.c_str(), &info, 0) != 0) return std::nullopt;
    return kind_of(info.st_mode);
  }

  // The canonical path of the symlink `name` in the folder open as `fd` at `here`.
  static std::string resolve_link(int fd, const std::string& name, const Place& here) {
    OwnedFd target(openat(fd, name.c_str(), O_PATH | O_CLOEXEC));
    std::string canonical = target.get() < 0 ? std::string() : canonical_of_fd(target.get());
    if (!canonical.empty()) return canonical;
    std::error_code error;
    return fs::weakly_canonical(display_in(here.canonical, name), error).native();
  }

  void note_outside(const std::string& shown, const char* what) {
    out_.notes.push_back(shown + ": symbolic link to " + what +
                         " outside the walked tree, skipped");
    ++out_.outside_links;
  }

  void visit(OwnedFd& folder, const ListedEntry& entry, const Place& here, bool last_use) {
    const std::string& name = entry.name;
    std::string shown = display_in(here.display, name);
    bool symlink = false;
    std::optional<Kind> kind = kind_at(folder.get(), entry, symlink);
    if (!kind) {
      if (is_yaml_file_name(name)) out_.errors.push_back(shown + ": " + std::strerror(errno));
      return;
    }
    if (*kind == Kind::kFolder) {
      if (depth_ == FolderDepth::kTopOnly) return;
      if (!name.empty() && name[0] == '.') {
        out_.notes.push_back(shown + ": hidden folder, skipped");
        return;
      }
      enter(folder, name, symlink, here, last_use);
      return;
    }
    if (!is_yaml_file_name(name)) return;
    if (is_config_name(name)) return;  // configuration, not a spec
    if (*kind != Kind::kRegular) {
      out_.notes.push_back(shown + ": not a regular file, skipped");
      return;
    }
    std::string canonical =
        symlink ? resolve_link(folder.get(), name, here) : display_in(here.canonical, name);
    if (symlink && !is_within(canonical, root_)) {
      note_outside(shown, "a file");
      return;
    }
    add_file(fs::path(join_path(here.open_path, name)), std::move(shown), std::move(canonical),
             false, true);
  }

  // Walks the subfolder `name` of the folder open as `folder`.
  void enter(OwnedFd& folder, const std::string& name, bool symlink, const Place& here,
             bool last_use) {
    Place inside{join_path(here.open_path, name), {}, display_in(here.display, name)};
    // Without O_NOFOLLOW for a symlink only: a folder swapped for a symlink after the listing
    // fails to open instead of leading elsewhere.
    int flags = O_RDONLY | O_DIRECTORY | O_CLOEXEC | (symlink ? 0 : O_NOFOLLOW);
    int fd = openat(folder.get(), name.c_str(), flags);
    if (fd < 0) {
      out_.errors.push_back(inside.display + ": cannot open folder: " + std::strerror(errno));
      return;
    }
    if (symlink) {
      inside.canonical = canonical_of_fd(fd);
      if (inside.canonical.empty()) inside.canonical = resolve_link(folder.get(), name, here);
      if (!is_within(inside.canonical, root_)) {
        close(fd);
        note_outside(inside.display, "a folder");
        return;
      }
    } else {
      inside.canonical = display_in(here.canonical, name);
    }
    if (last_use) folder.reset();
    walk(fd, inside);
  }

  InputSet& out_;
  FolderDepth depth_;
  const FileFound& found_;
  std::string root_;  ///< Canonical folder of the argument being walked.
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
