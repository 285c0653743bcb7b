#include "driver/collect_inputs.h"

#include <sys/resource.h>

#include <catch2/catch.hpp>

#include "scratch_folder.h"

namespace {

using aksc::collect_inputs;
using aksc::display_path;
using aksc::is_yaml_name;

TEST_CASE("is_yaml_name: .yaml and .yml in any case, as the file's own extension") {
  CHECK(is_yaml_name("spec.yaml"));
  CHECK(is_yaml_name("dir.d/Spec.YML"));
  CHECK(is_yaml_name("..yaml"));
  CHECK(is_yaml_name(".hidden.yml"));
  CHECK_FALSE(is_yaml_name(".yaml"));  // a dot file named so has no extension
  CHECK_FALSE(is_yaml_name("spec.yaml.bak"));
  CHECK_FALSE(is_yaml_name("specs.yaml/notes"));
  CHECK_FALSE(is_yaml_name("yaml"));
  CHECK_FALSE(is_yaml_name("spec.json"));
}

TEST_CASE("a walk lists spec files by name, shown as display_path shows their paths") {
  aksc::test::ScratchFolder folder("aksc-walk");
  std::filesystem::create_directories(folder.path / "b");
  std::filesystem::create_directories(folder.path / "a" / "deep");
  std::filesystem::create_directories(folder.path / ".hidden");
  for (const char* name : {"b/spec.yaml", "a/Z.YML", "a/b.yaml", "a/deep/c.yml", "a/.yaml",
                           "a/aksc.yaml", "a/x.yaml.bak", "a/notes.txt", ".hidden/s.yaml"}) {
    folder.write(name, "x: 1\n");
  }
  aksc::InputSet inputs = collect_inputs({folder.path.string() + "/./"});
  std::string root = display_path(folder.path);
  std::vector<std::string> shown;
  for (const aksc::InputFile& file : inputs.files) {
    shown.push_back(file.display);
    CHECK(file.display == display_path(file.path));
    CHECK(file.canonical == std::filesystem::weakly_canonical(file.path).native());
    CHECK(file.listed_regular);
    CHECK_FALSE(file.explicit_file);
  }
  // Byte order: upper case before lower case, a folder's files where its name sorts.
  CHECK(shown == std::vector<std::string>{root + "/a/Z.YML", root + "/a/b.yaml",
                                          root + "/a/deep/c.yml", root + "/b/spec.yaml"});
  REQUIRE(inputs.notes.size() == 1);
  CHECK(inputs.notes[0] == root + "/.hidden: hidden folder, skipped");
  CHECK(inputs.errors.empty());
}

TEST_CASE("a symlinked spec is listed under its own name, known by its target") {
  aksc::test::ScratchFolder folder("aksc-walk");
  std::filesystem::create_directories(folder.path / "real");
  folder.write("real/spec.yaml", "x: 1\n");
  std::filesystem::create_symlink("real/spec.yaml", folder.path / "alias.yaml");
  aksc::InputSet inputs = collect_inputs({folder.path.string()});
  REQUIRE(inputs.files.size() == 1);  // one file, however many names it has
  CHECK(inputs.files[0].display == display_path(folder.path / "alias.yaml"));
  CHECK(inputs.files[0].canonical ==
        std::filesystem::canonical(folder.path / "real" / "spec.yaml").native());
}

// Lowers the soft limit on open descriptors for the test's lifetime.
class DescriptorLimit {
 public:
  explicit DescriptorLimit(rlim_t soft) {
    REQUIRE(getrlimit(RLIMIT_NOFILE, &saved_) == 0);
    rlimit lowered = saved_;
    lowered.rlim_cur = soft;
    REQUIRE(setrlimit(RLIMIT_NOFILE, &lowered) == 0);
  }
  DescriptorLimit(const DescriptorLimit&) = delete;
  DescriptorLimit& operator=(const DescriptorLimit&) = delete;
  ~DescriptorLimit() { setrlimit(RLIMIT_NOFILE, &saved_); }

 private:
  rlimit saved_{};
};

TEST_CASE("a walk of nested folders holds a few descriptors, not one per level") {
  aksc::test::ScratchFolder folder("aksc-walk");
  std::string nested = "d";
  for (int level = 1; level < 300; ++level)
    nested += "/d";
  std::filesystem::create_directories(folder.path / nested);
  folder.write(nested + "/spec.yaml", "x: 1\n");
  aksc::InputSet inputs;
  {
    DescriptorLimit limit(64);  // far fewer than the 300 levels
    inputs = collect_inputs({folder.path.string()});
  }
  CHECK(inputs.errors.empty());
  REQUIRE(inputs.files.size() == 1);
  CHECK(inputs.files[0].display == display_path(folder.path / nested / "spec.yaml"));
  CHECK(inputs.files[0].canonical ==
        std::filesystem::canonical(folder.path / nested / "spec.yaml").native());
  CHECK(inputs.walked_folders.size() == 301);
}

TEST_CASE("a walk skips symlinks leading outside its folder and counts them") {
  aksc::test::ScratchFolder folder("aksc-walk");
  aksc::test::ScratchFolder outside("aksc-outside");
  outside.write("secret.yaml", "x: 1\n");
  std::filesystem::create_directories(folder.path / "in");
  folder.write("in/spec.yaml", "x: 1\n");
  std::filesystem::create_directory_symlink(outside.path, folder.path / "in" / "away");
  std::filesystem::create_symlink(outside.path / "secret.yaml", folder.path / "in" / "s.yaml");
  std::filesystem::create_directory_symlink("..", folder.path / "in" / "up");
  // Walking in/: its parent is outside too, though inside `folder`.
  aksc::InputSet inputs = collect_inputs({(folder.path / "in").string()});
  REQUIRE(inputs.files.size() == 1);
  CHECK(inputs.files[0].display == display_path(folder.path / "in" / "spec.yaml"));
  CHECK(inputs.outside_links == 3);
  std::string in = display_path(folder.path / "in");
  CHECK(inputs.notes ==
        std::vector<std::string>{
            in + "/away: symbolic link to a folder outside the walked tree, skipped",
            in + "/s.yaml: symbolic link to a file outside the walked tree, skipped",
            in + "/up: symbolic link to a folder outside the walked tree, skipped"});
}

}  // namespace
