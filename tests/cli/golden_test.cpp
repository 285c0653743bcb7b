// tests/golden/<case>/: `aksc <args>` run from the repository root prints exactly
// expected.out and expected.err and exits with expected.exit. tests/golden/refresh.sh rewrites
// them.
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "../support/process.h"

namespace fs = std::filesystem;
using aksc::test::source_dir;

namespace {

std::string read_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("golden outputs") {
  int cases = 0;
  for (const auto& entry : fs::directory_iterator(source_dir() / "tests" / "golden")) {
    if (!entry.is_directory()) continue;
    ++cases;
    fs::path dir = entry.path();
    INFO("golden case " << dir.filename().string() << " (refresh: tests/golden/refresh.sh)");
    std::vector<std::string> args;
    std::istringstream lines(read_file(dir / "args"));
    for (std::string line; std::getline(lines, line);)
      args.push_back(line);
    auto result = aksc::test::run_aksc(args, source_dir());
    CHECK(result.out == read_file(dir / "expected.out"));
    CHECK(result.err == read_file(dir / "expected.err"));
    CHECK(std::to_string(result.exit_code) + "\n" == read_file(dir / "expected.exit"));
  }
  CHECK(cases >= 2);
}
