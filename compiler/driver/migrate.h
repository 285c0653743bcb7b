#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "driver/lint.h"
#include "migrate/note.h"

namespace aksc {

/// What to migrate (`aksc migrate`, docs/migrate.md).
struct MigrateRequest {
  std::vector<std::string> paths;                ///< Files and folders; none = current folder.
  std::optional<std::string> config_path;        ///< --config
  std::optional<std::filesystem::path> out_dir;  ///< -o DIR: mirror the files below it.
  bool in_place = false;                         ///< --in-place: replace the files.
  bool check = false;    ///< --check: write nothing; the AksCompute specs that remain.
  bool partial = false;  ///< --partial: write what migrates even when a spec cannot.
  unsigned jobs = 0;
  std::uintmax_t max_file_size = kDefaultMaxFileSize;
  std::vector<std::filesystem::path> allowed_paths;
};

/// One AksCompute spec and what became of it.
struct MigratedSpec {
  std::string file;  ///< As shown to the user.
  int document = 0;
  std::string name;
  SourceRange kind;                           ///< Its `kind` value.
  std::vector<migrate::MigrationNote> notes;  ///< Located in both files once migrated.
  std::optional<migrate::Refusal> refusal;    ///< Why it cannot be migrated.
};

/// A file with AksCompute specs and its migrated text.
struct MigratedFile {
  std::string file;      ///< As shown to the user.
  std::string output;    ///< Where the migrated text goes, as shown ("" with --check).
  std::string text;      ///< The migrated text.
  bool changed = false;  ///< At least one spec of it migrated.
};

/// Everything a migrate run did.
struct MigrateResult {
  std::vector<MigratedSpec> specs;  ///< Every AksCompute spec, in input order.
  /// Files or inputs that stop a migration as a whole (a file whose YAML does not load, an
  /// aksc.yaml with errors).
  std::vector<migrate::Refusal> refusals;
  std::vector<MigratedFile> files;
  std::vector<std::string> written;       ///< Files replaced or created.
  std::vector<std::string> unchanged;     ///< Outputs that already held these bytes.
  std::vector<std::string> input_errors;  ///< Unusable inputs (lint's): exit code 2.
  std::vector<std::string> errors;        ///< The output could not be written: exit code 2.
  /// The text of each file with AksCompute specs, and of its migration, by the file's name.
  std::map<std::string, std::shared_ptr<const SourceFile>> originals;
  std::map<std::string, std::shared_ptr<const SourceFile>> migrated;
  bool held_back = false;  ///< Nothing written because something cannot be migrated.
  /// Nothing migrated at all: an error outside the spec files (aksc.yaml, an inventory).
  bool stopped = false;
  int files_read = 0;

  /// Specs or files that cannot be migrated.
  int refused() const;
};

/// Lints the inputs, maps every AksCompute spec without errors to KubernetesCompute
/// (migrate/mapping), edits each file's text (migrate/rewrite), checks each migrated spec with
/// lint's rules in memory, then writes the files atomically one by one: below `out_dir`, or in
/// place. Nothing is written when anything cannot be migrated, unless `partial`; nothing at all
/// with `check`.
MigrateResult run_migrate(const MigrateRequest& request);

}  // namespace aksc
