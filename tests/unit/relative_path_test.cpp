// relative_to: a file's path relative to its config's folder, for `ignore: paths:` globs.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "driver/relative_path.h"

namespace fs = std::filesystem;

TEST_CASE("relative_to gives what lexically_relative gives, normal or not") {
  const std::vector<std::string> folders = {
      "/repo", "/repo/", "/repo/./specs", "/repo/x/../specs", "/repo//specs",  "/repo/specs",
      "/",     "/re",    "/repo/specs/.", "/repo/specs/..",   "relative/specs"};
  const std::vector<std::string> files = {
      "/repo/specs/a.yaml", "/repo/specs/sub/b.yaml", "/repo/specsx/c.yaml",
      "/repo/a.yaml",       "/other/a.yaml",          "/repo/specs",
      "/repo/specs/",       "/repo/specs//d.yaml",    "/repo/specs/../e.yaml"};
  for (const std::string& folder : folders) {
    for (const std::string& file : files) {
      INFO(file << " from " << folder);
      CHECK(aksc::relative_to(file, folder) ==
            fs::path(file).lexically_relative(folder).generic_string());
    }
  }
  CHECK(aksc::relative_to("/repo/specs/sub/b.yaml", "/repo/specs") == "sub/b.yaml");
  CHECK(aksc::relative_to("/repo/a.yaml", "/repo/specs") == "../a.yaml");
}
