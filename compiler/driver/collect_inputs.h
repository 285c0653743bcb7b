#pragma once

#include <sys/types.h>

#include <compare>
#include <filesystem>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace aksc {

/// A file to lint.
struct InputFile {
  std::filesystem::path path;  ///< As given or found; used to open it.
  std::string display;         ///< As shown in findings: relative, '/'-separated, normalized.
  bool explicit_file = false;  ///< Named on the command line (an error if it holds no spec).
  /// Absolute, symlinks resolved: one name per file. A string, not a path: a path keeps a
  /// list of its components, which costs more than the file's specs.
  std::string canonical;
  /// The walk saw a regular file here, so reading it needs no stat before the open.
  bool listed_regular = false;
};

/// A folder as the file system knows it, whatever path leads to it.
struct FolderId {
  dev_t device = 0;
  ino_t inode = 0;
  auto operator<=>(const FolderId&) const = default;
};

/// The id of the folder at `path` (symlinks followed), or nothing when there is none.
std::optional<FolderId> folder_id(const std::filesystem::path& path);

/// The files of a run and the problems met while finding them.
struct InputSet {
  std::vector<InputFile> files;
  std::vector<std::string> errors;    ///< "path: reason" for paths that could not be used.
  std::vector<std::string> notes;     ///< What was skipped, for --verbose.
  std::set<FolderId> walked_folders;  ///< Folders walked (FolderDepth).
  /// Symlinks skipped because they lead outside the folder being walked.
  int outside_links = 0;
};

/// How much of a folder collect_inputs reads.
enum class FolderDepth {
  kWhole,    ///< The folder and its subfolders, recursively.
  kTopOnly,  ///< The folder's own files; subfolders are left out.
};

/// Takes each file as the walk finds it, in the walk's order, before the walk goes on.
using FileFound = std::function<void(InputFile file)>;

/// Expands the command line's paths: files as given, folders walked recursively (or, with
/// kTopOnly, only their own files) in sorted order for *.yaml and *.yml (hidden folders and
/// aksc.yaml skipped, symlinked folders followed once, FIFOs, sockets and devices never
/// opened). A walk stays in the folder it was given: symlinks that resolve outside it are
/// skipped with a note and counted; files named as paths are taken wherever they are. No paths
/// means the current folder. With `found`, the files go to it as they are found (so that a caller
/// can start on the first while the walk lists the rest) instead of into InputSet::files.
InputSet collect_inputs(const std::vector<std::string>& paths,
                        FolderDepth depth = FolderDepth::kWhole, const FileFound& found = {});

/// Whether `path` is named as YAML (*.yaml or *.yml, in any case): what a walk picks up.
bool is_yaml_name(const std::filesystem::path& path);

/// The display form of a path: lexically normal, without a leading "./".
std::string display_path(const std::filesystem::path& path);

}  // namespace aksc
