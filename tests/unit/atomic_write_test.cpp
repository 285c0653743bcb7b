// write_file_atomically: all or nothing, no temporary left behind, modes from the umask.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "driver/atomic_write.h"
#include "driver/output_folder.h"
#include "scratch_folder.h"

namespace fs = std::filesystem;

using aksc::test::ScratchFolder;

TEST_CASE("write_file_atomically replaces a file whole and leaves no temporary", "[build]") {
  ScratchFolder folder;
  fs::path file = folder.path / "deploy.sh";
  aksc::write_file_atomically(file, "old\n", true);
  aksc::write_file_atomically(file, "new contents\n", true);
  CHECK(aksc::read_existing_file(file) == std::optional<std::string>("new contents\n"));
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
  CHECK(aksc::read_existing_file(file) == std::optional<std::string>("old\n"));
  CHECK(folder.entries() == 1);
}

TEST_CASE("read_existing_file: nothing for a missing path or a folder", "[build]") {
  ScratchFolder folder;
  CHECK_FALSE(aksc::read_existing_file(folder.path / "none"));
  CHECK_FALSE(aksc::read_existing_file(folder.path));
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
