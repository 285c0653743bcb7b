#pragma once
// Helpers of the integration tests (SARIF, JUnit, GitHub, pre-commit, CI recipes, install).

#include "../support/az_log.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include "../support/process.h"

namespace aksc::test {

inline bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

inline std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// Every regular file under `root`, by path relative to it, with its bytes.
inline std::map<std::string, std::string> tree(const std::filesystem::path& root) {
  std::map<std::string, std::string> files;
  if (!std::filesystem::exists(root)) return files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) {
      files[std::filesystem::relative(entry.path(), root).generic_string()] =
          read_text(entry.path());
    }
  }
  return files;
}

/// Marks the running test case as skipped: prints "WARN: skipped: <reason>", which ctest's
/// SKIP_REGULAR_EXPRESSION (tests/CMakeLists.txt) turns into a visible "Skipped" result.
using aksc::test::kFakeAz;  // tests/support/az_log.h

inline void skip_test(const std::string& reason) {
  std::cout << "WARN: skipped: " << reason << std::endl;
  WARN("skipped: " << reason);
}

/// ../shared/data next to the repository (schemas of other tools: SARIF, JUnit), or nothing
/// when the checkout has no ../shared. Its files are read in place, never copied.
inline std::optional<std::filesystem::path> shared_data_dir() {
  std::filesystem::path dir = source_dir().parent_path() / "shared" / "data";
  if (std::filesystem::is_directory(dir)) return dir;
  return std::nullopt;
}

/// The folder of the built aksc binary (to put on PATH, as an installed aksc would be).
inline std::filesystem::path aksc_bin_dir() {
  return std::filesystem::path(AKSC_BINARY).parent_path();
}

/// The build folder of this configuration (where `cmake --install` reads from).
inline std::filesystem::path build_dir() {
  return aksc_bin_dir();
}

/// Writes a corpus of bench/gen_corpus.py into `folder`: `specs` specs in every mode, about one
/// in five with findings, names clashing in their workspaces, an aksc.yaml and an inventory.
inline void generate_corpus(const std::filesystem::path& folder, int specs) {
  auto generated = run_process({"python3", (source_dir() / "bench" / "gen_corpus.py").string(),
                                std::to_string(specs), folder.string()});
  REQUIRE(generated.exit_code == 0);
}

/// Copies samples/ (optionally without broken/) into `dir`.
inline void copy_samples(const std::filesystem::path& dir, bool with_broken = true) {
  namespace fs = std::filesystem;
  fs::copy(source_dir() / "samples", dir, fs::copy_options::recursive);
  if (!with_broken) fs::remove_all(dir / "broken");
}

}  // namespace aksc::test
