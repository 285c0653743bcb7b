// fence_path: what a spec or aksc.yaml may name (docs/security.md, AKS007).
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>

#include "frontend/path_fence.h"

namespace fs = std::filesystem;
using aksc::fence_path;
using aksc::PathFence;

namespace {

struct Tree {
  fs::path base =
      fs::canonical(fs::temp_directory_path()) / ("aksc-fence-test-" + std::to_string(::getpid()));
  fs::path project = base / "project";
  fs::path outside = base / "outside";
  Tree() {
    fs::create_directories(project / "team");
    fs::create_directories(outside);
    std::ofstream(project / "facts.json") << "{}";
    std::ofstream(outside / "facts.json") << "{}";
    fs::create_symlink(outside / "facts.json", project / "out-link.json");
    fs::create_symlink(outside, project / "out-folder");
    fs::create_symlink("facts.json", project / "in-link.json");
  }
  ~Tree() { fs::remove_all(base); }
};

}  // namespace

TEST_CASE("fence_path admits paths inside the project, symlinks resolved", "[fence]") {
  Tree tree;
  PathFence fence{tree.project, {}};
  CHECK(fence_path("facts.json", tree.project, fence).path == tree.project / "facts.json");
  CHECK(fence_path("../facts.json", tree.project / "team", fence).path ==
        tree.project / "facts.json");
  CHECK(fence_path("in-link.json", tree.project, fence).path == tree.project / "facts.json");
  // A missing file inside is admitted: reading it then reports it missing.
  CHECK(fence_path("team/missing.json", tree.project, fence).admitted());
  CHECK(fence_path("./team/../facts.json", tree.project, fence).admitted());
  // A spec named as a bare file name has an empty folder: paths resolve from the current one.
  fs::path current = fs::current_path();
  fs::current_path(tree.project);
  CHECK(fence_path("certs/missing.pem", "", fence).path == tree.project / "certs" / "missing.pem");
  CHECK(fence_path("../outside/facts.json", "", fence).refusal == "it leads outside the project");
  fs::current_path(current);
}

TEST_CASE("fence_path refuses absolute paths, '..' and symlinks that leave", "[fence]") {
  Tree tree;
  PathFence fence{tree.project, {}};
  CHECK(fence_path("/etc/passwd", tree.project, fence).refusal ==
        "it is an absolute path, outside the project");
  CHECK(fence_path((tree.project / "facts.json").string(), tree.project, fence).refusal ==
        "it is an absolute path, outside the project");
  CHECK(fence_path("../outside/facts.json", tree.project, fence).refusal ==
        "it leads outside the project");
  CHECK(fence_path("../../../../../../../../etc/passwd", tree.project / "team", fence).refusal ==
        "it leads outside the project");
  CHECK(fence_path("out-link.json", tree.project, fence).refusal ==
        "it leads outside the project through a symbolic link");
  CHECK(fence_path("out-folder/facts.json", tree.project, fence).refusal ==
        "it leads outside the project through a symbolic link");
  // A sibling whose name starts like the project is outside it.
  fs::create_directories(tree.base / "project-2");
  CHECK_FALSE(fence_path("../project-2/x.json", tree.project, fence).admitted());
}

TEST_CASE("fence_path admits allowed folders, absolute or relative", "[fence]") {
  Tree tree;
  PathFence fence{tree.project, {tree.outside}};
  CHECK(fence_path((tree.outside / "facts.json").string(), tree.project, fence).admitted());
  CHECK(fence_path("out-link.json", tree.project, fence).admitted());
  CHECK(fence_path("../outside/facts.json", tree.project, fence).admitted());
  CHECK_FALSE(fence_path("/etc/passwd", tree.project, fence).admitted());
}

TEST_CASE("path_within compares whole components", "[fence]") {
  CHECK(aksc::path_within("/a/b/c", "/a/b"));
  CHECK(aksc::path_within("/a/b", "/a/b"));
  CHECK(aksc::path_within("/a/b", "/a/b/"));
  CHECK_FALSE(aksc::path_within("/a/bc", "/a/b"));
  CHECK_FALSE(aksc::path_within("/a", "/a/b"));
}
