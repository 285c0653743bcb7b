// write_file_atomically: all or nothing, no temporary left behind, modes from the umask, and
// with Existing::kKeep never over a file that is there.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <optional>
#include <string>

#include "driver/atomic_write.h"
#include "driver/output_folder.h"
#include "scratch_folder.h"

namespace fs = std::filesystem;

using aksc::Existing;
using aksc::test::ScratchFolder;

namespace {

// What read_existing_file_at gives for `path`.
std::optional<std::string> existing(const fs::path& path) {
  int folder = open(path.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  REQUIRE(folder >= 0);
  std::optional<std::string> text = aksc::read_existing_file_at(folder, path.filename());
  close(folder);
  return text;
}

}  // namespace

TEST_CASE("write_file_atomically replaces a file whole and leaves no temporary", "[build]") {
  ScratchFolder folder;
  fs::path file = folder.path / "deploy.sh";
  aksc::write_file_atomically(file, "old\n", true);
  aksc::write_file_atomically(file, "new contents\n", true);
  CHECK(existing(file) == std::optional<std::string>("new contents\n"));
  CHECK(folder.entries() == 1);
  CHECK((fs::status(file).permissions() & fs::perms::owner_exec) != fs::perms::none);
  aksc::write_file_atomically(folder.path / "a.json", "{}\n", false);
  CHECK((fs::status(folder.path / "a.json").permissions() & fs::perms::owner_exec) ==
        fs::perms::none);
}

TEST_CASE("write_file_atomically fails with the file and the reason, old file intact", "[build]") {
  ScratchFolder folder;
  CHECK_THROWS_WITH(aksc::write_file_atomically(folder.path / "missing" / "x.json", "{}", false),
                    Catch::Contains("missing/x.json: No such file or directory"));
  fs::path file = folder.path / "a.json";
  aksc::write_file_atomically(file, "old\n", false);
  chmod(folder.path.c_str(), 0555);
  if (geteuid() == 0) {
    WARN("running as root, which writes anywhere: read-only folder case not exercised");
    return;
  }
  CHECK_THROWS_WITH(aksc::write_file_atomically(file, "new\n", false),
                    Catch::Contains("a.json: Permission denied"));
  CHECK(existing(file) == std::optional<std::string>("old\n"));
  CHECK(folder.entries() == 1);
}

TEST_CASE("write_file_atomically with kKeep writes a new file and keeps one that is there",
          "[build]") {
  ScratchFolder folder;
  fs::path file = folder.path / "spec.yaml";
  aksc::write_file_atomically(file, "first\n", false, Existing::kKeep);
  CHECK(existing(file) == std::optional<std::string>("first\n"));
  CHECK_THROWS_AS(aksc::write_file_atomically(file, "second\n", false, Existing::kKeep),
                  aksc::FileExists);
  CHECK(existing(file) == std::optional<std::string>("first\n"));
  // A folder or a symlink, even a dangling one, is something there too.
  fs::create_directory(folder.path / "folder");
  CHECK_THROWS_AS(aksc::write_file_atomically(folder.path / "folder", "x", false, Existing::kKeep),
                  aksc::FileExists);
  fs::create_symlink("nowhere", folder.path / "dangling");
  CHECK_THROWS_AS(
      aksc::write_file_atomically(folder.path / "dangling", "x", false, Existing::kKeep),
      aksc::FileExists);
  CHECK(fs::is_symlink(folder.path / "dangling"));
  // Every failure left no temporary behind.
  CHECK(folder.entries() == 3);
  // Other failures are no FileExists.
  try {
    aksc::write_file_atomically(folder.path / "missing" / "x", "x", false, Existing::kKeep);
    FAIL("no error for a missing folder");
  } catch (const aksc::FileExists&) {
    FAIL("a missing folder reported as an existing file");
  } catch (const aksc::WriteError& error) {
    CHECK_THAT(error.what(), Catch::Contains("No such file or directory"));
  }
}

TEST_CASE("read_existing_file_at: nothing for a missing name, a folder or a symlink", "[build]") {
  ScratchFolder folder;
  CHECK_FALSE(existing(folder.path / "none"));
  fs::create_directory(folder.path / "sub");
  CHECK_FALSE(existing(folder.path / "sub"));
  fs::path file = folder.write("a.txt", "text");
  CHECK(existing(file) == std::optional<std::string>("text"));
  fs::create_symlink("a.txt", folder.path / "link");
  CHECK_FALSE(existing(folder.path / "link"));
}

TEST_CASE("folder_name_problem refuses names that could leave or hide in OUTDIR", "[build]") {
  CHECK_FALSE(aksc::folder_name_problem("vision-ws"));
  CHECK_FALSE(aksc::folder_name_problem("caf\xc3\xa9_ws.2"));
  CHECK(aksc::folder_name_problem("") == std::optional<std::string>("it is empty"));
  CHECK(aksc::folder_name_problem("..") == std::optional<std::string>("it starts with '.'"));
  CHECK(aksc::folder_name_problem(".git") == std::optional<std::string>("it starts with '.'"));
  CHECK(aksc::folder_name_problem("a/b") ==
        std::optional<std::string>("it contains a path separator"));
  CHECK(aksc::folder_name_problem("a\\b") ==
        std::optional<std::string>("it contains a path separator"));
  CHECK(aksc::folder_name_problem(std::string("a\0b", 3)) ==
        std::optional<std::string>("it contains a control character"));
  CHECK(aksc::folder_name_problem("a\nb") ==
        std::optional<std::string>("it contains a control character"));
  CHECK(aksc::folder_name_problem(std::string(256, 'a')) ==
        std::optional<std::string>("it is longer than 255 bytes"));
}
