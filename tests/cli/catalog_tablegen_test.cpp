// The build-time generator of the compiled-in data tables (tools/catalog_tablegen.cpp): it
// reads rules/data/ with the catalog's loaders, so a broken table fails the build with the
// loader's message and leaves no output behind.
#include <filesystem>
#include <fstream>
#include <iterator>

#include <catch2/catch.hpp>

#include "../support/process.h"

using aksc::test::run_process;
using aksc::test::source_dir;
using aksc::test::TempDir;

namespace {

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A copy of the shipped tables in `dir`/data, with `file` replaced by `text` when given.
std::filesystem::path data_copy(const TempDir& dir, const std::string& file = "",
                                const std::string& text = "") {
  std::filesystem::path data = dir.path() / "data";
  std::filesystem::copy(source_dir() / "rules" / "data", data);
  if (!file.empty()) dir.write("data/" + file, text);
  return data;
}

aksc::test::ProcessResult generate(const TempDir& dir, const std::filesystem::path& data) {
  return run_process({AKSC_TABLEGEN, data.string(), (dir.path() / "tables.cpp").string()},
                     dir.path());
}

// The shipped vm-sizes.csv with its header and provenance, and only the rows given.
std::string vm_sizes_with_rows(const std::string& rows) {
  std::string shipped = read_text(source_dir() / "rules" / "data" / "vm-sizes.csv");
  std::size_t header = shipped.find("\nname,");
  REQUIRE(header != std::string::npos);
  std::size_t rows_start = shipped.find('\n', header + 1) + 1;
  return shipped.substr(0, rows_start) + rows;
}

}  // namespace

TEST_CASE("tablegen: the shipped tables become constants, names escaped as C++ literals") {
  TempDir dir;
  std::string regions = read_text(source_dir() / "rules" / "data" / "regions.csv");
  regions += "testregion,Test \"Quoted\" \\ Region,Physical,\n";
  auto result = generate(dir, data_copy(dir, "regions.csv", regions));
  CHECK(result.exit_code == 0);
  CHECK(result.err.empty());
  std::string code = read_text(dir.path() / "tables.cpp");
  CHECK_THAT(code, Catch::Contains("{\"Standard_D3_v2\", 4, 4, 0, \"\", false, 14336},"));
  CHECK_THAT(code, Catch::Contains("{\"testregion\", \"Test \\\"Quoted\\\" \\\\ Region\", "
                                   "\"Physical\"},"));
  CHECK_THAT(code, Catch::Contains("{\"vm-sizes\", \""));
  CHECK_FALSE(std::filesystem::exists(dir.path() / "tables.cpp.tmp"));
}

TEST_CASE("tablegen: a broken table fails with the loader's message and writes nothing") {
  struct Case {
    const char* file;
    std::string text;
    const char* message;
  };
  const Case cases[] = {
      {"vm-sizes.csv", vm_sizes_with_rows("Standard_X,2,,8,0,,false\nStandard_Y,two,,8,0,,false\n"),
       "vcpus 'two' is not a count"},
      {"vm-sizes.csv", "name,vcpus\nStandard_X,2\n", "no '# snapshot:' and '# retrieved:' header"},
      {"service-tags-azureml.json", "{\"values\": 3", "not JSON"},
      {"attach-policy.yaml", "# snapshot: x\n# retrieved: y\nmax_kubernetes_version: 1.17\n",
       "attach policy"},
  };
  for (const Case& test : cases) {
    INFO(test.file << ": " << test.message);
    TempDir dir;
    auto result = generate(dir, data_copy(dir, test.file, test.text));
    CHECK(result.exit_code == 1);
    CHECK_THAT(result.err, Catch::StartsWith("catalog_tablegen: ") && Catch::Contains(test.file) &&
                               Catch::Contains(test.message));
    CHECK_FALSE(std::filesystem::exists(dir.path() / "tables.cpp"));
  }
  TempDir dir;
  auto missing = generate(dir, dir.path() / "no-such-folder");
  CHECK(missing.exit_code == 1);
  CHECK_THAT(missing.err, Catch::Contains("vm-sizes.csv: cannot read"));
}
