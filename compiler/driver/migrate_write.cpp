#include "driver/migrate_write.h"

#include <cstring>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "driver/atomic_write.h"
#include "driver/output_tree.h"

namespace aksc {
namespace fs = std::filesystem;

namespace {

std::optional<std::string> migrate_read_whole(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void migrate_write_in_place(const MigratedFile& file, MigrateResult& result) {
  std::error_code error;
  if (fs::is_symlink(fs::symlink_status(file.file, error))) {
    result.errors.push_back(fmt::format(
        "{} is a symbolic link; aksc migrate --in-place never writes through one (migrate the "
        "file it points to, or use -o DIR)",
        file.file));
    return;
  }
  std::optional<std::string> existing = migrate_read_whole(file.file);
  if (existing && *existing == file.text) {
    result.unchanged.push_back(file.file);
    return;
  }
  write_file_atomically(file.file, file.text, false);
  result.written.push_back(file.file);
}

void migrate_write_below(const fs::path& out_dir, const MigratedFile& file, MigrateResult& result) {
  fs::path relative = *migrate_relative_output(file.file);
  if (std::optional<fs::path> link = symlink_below(out_dir, relative)) {
    result.errors.push_back(fmt::format(
        "{} is a symbolic link below the output folder; aksc migrate never writes through one, "
        "so {} was not written (replace it with a folder, or remove it)",
        link->generic_string(), file.output));
    return;
  }
  OutputFolder folder(out_dir, relative.parent_path(), true);
  if (!folder.is_open()) {
    result.errors.push_back(fmt::format("cannot create folder {}: {}",
                                        fs::path(file.output).parent_path().generic_string(),
                                        std::strerror(folder.error())));
    return;
  }
  std::string name = relative.filename().string();
  std::optional<std::string> existing = read_existing_file_at(folder.fd(), name);
  if (existing && *existing == file.text) {
    result.unchanged.push_back(file.output);
    return;
  }
  write_file_atomically_at(folder.fd(), name, file.output, file.text, false);
  result.written.push_back(file.output);
}

}  // namespace

std::optional<fs::path> migrate_relative_output(const std::string& file) {
  fs::path path = fs::path(file).lexically_normal();
  if (path.empty() || path.is_absolute() || path.has_root_name()) return std::nullopt;
  if (*path.begin() == "..") return std::nullopt;
  return path;
}

void write_migrated_files(const MigrateRequest& request, MigrateResult& result) {
  if (request.out_dir) {
    std::error_code error;
    fs::create_directories(*request.out_dir, error);
    if (error) {
      result.errors.push_back(fmt::format("cannot create folder {}: {}",
                                          request.out_dir->generic_string(), error.message()));
      return;
    }
  }
  for (const MigratedFile& file : result.files) {
    if (!file.changed) continue;
    std::size_t errors = result.errors.size();
    try {
      if (request.out_dir) {
        migrate_write_below(*request.out_dir, file, result);
      } else {
        migrate_write_in_place(file, result);
      }
    } catch (const WriteError& failure) {
      result.errors.push_back(failure.what());
    }
    if (result.errors.size() > errors) return;
  }
}

}  // namespace aksc
