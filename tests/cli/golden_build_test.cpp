// tests/golden-build/<case>/: the case's inputs (and the sample files its `samples` file lists,
// at the same places relative to the first) copied into a fresh folder as spec/, `aksc build spec
// -o out` run there, must exit 0 and write exactly the files under expected/, byte for byte.
// tests/golden-build/refresh.sh rewrites expected/ the same way.
#include <fstream>
#include <map>
#include <sstream>

#include <catch2/catch.hpp>

#include "../support/process.h"
#include "integration_support.h"

namespace fs = std::filesystem;
using aksc::test::source_dir;
using aksc::test::tree;

namespace {

std::vector<std::string> lines(const fs::path& file) {
  std::vector<std::string> result;
  std::ifstream in(file);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) result.push_back(line);
  }
  return result;
}

// Sample files keep their places relative to the first one (a spec and its facts_from file).
void copy_samples(const fs::path& list, const fs::path& spec_dir) {
  std::vector<std::string> samples = lines(list);
  if (samples.empty()) return;
  fs::path base = fs::path(samples.front()).parent_path();
  for (const std::string& sample : samples) {
    fs::path target = spec_dir / fs::path(sample).lexically_relative(base);
    fs::create_directories(target.parent_path());
    fs::copy_file(source_dir() / sample, target);
  }
}

void copy_inputs(const fs::path& case_dir, const fs::path& spec_dir) {
  fs::create_directories(spec_dir);
  if (fs::exists(case_dir / "samples")) copy_samples(case_dir / "samples", spec_dir);
  for (const auto& entry : fs::directory_iterator(case_dir)) {
    std::string name = entry.path().filename().string();
    if (name == "expected" || name == "samples") continue;
    fs::copy(entry.path(), spec_dir / name, fs::copy_options::recursive);
  }
}

}  // namespace

TEST_CASE("golden build artifacts") {
  int cases = 0;
  for (const auto& entry : fs::directory_iterator(source_dir() / "tests" / "golden-build")) {
    if (!entry.is_directory()) continue;
    ++cases;
    fs::path case_dir = entry.path();
    INFO("golden-build case " << case_dir.filename().string()
                              << " (refresh: tests/golden-build/refresh.sh)");
    aksc::test::TempDir work;
    copy_inputs(case_dir, work.path() / "spec");
    auto result = aksc::test::run_aksc({"build", "spec", "-o", "out"}, work.path());
    INFO(result.err);
    CHECK(result.exit_code == 0);
    auto actual = tree(work.path() / "out");
    auto expected = tree(case_dir / "expected");
    CHECK(!expected.empty());
    for (const auto& [path, content] : expected) {
      INFO("file " << path);
      CHECK(actual.count(path) == 1);
      if (actual.count(path)) CHECK(actual.at(path) == content);
    }
    for (const auto& [path, content] : actual) {
      INFO("file " << path << " is built but not expected");
      CHECK(expected.count(path) == 1);
    }
  }
  CHECK(cases >= 8);
}
