// Hostile input from a pull request: each case ends with a located finding or an input error
// naming the file (exit 1 or 2), and the other file of the run is still linted.
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>

#include "../support/process.h"
#include "integration_support.h"
#include "other_file.h"
#include "spec_text.h"

using aksc::test::contains;
using aksc::test::create_spec;
using aksc::test::other_linted;
using aksc::test::run_aksc;
using aksc::test::TempDir;
using aksc::test::write_other;

namespace {

// A file of `bytes` bytes that takes no disk space (a hole), for the size limit.
void write_sparse(const std::filesystem::path& path, std::uintmax_t bytes) {
  { std::ofstream touch(path); }
  std::filesystem::resize_file(path, bytes);
}

}  // namespace

TEST_CASE("hostile: 200,000-deep flow nesting is refused at the depth limit") {
  TempDir dir;
  write_other(dir);
  dir.write("deep.yaml", "a: " + std::string(200000, '[') + std::string(200000, ']') + "\n");
  auto result = run_aksc({"lint", "."}, dir.path());
  CHECK(result.exit_code == 1);
  CHECK(contains(result.out,
                 "deep.yaml:1:67: error: lists and mappings nest more than 64 levels "
                 "deep here; aksc refuses the document [AKS001]"));
  CHECK(other_linted(result));
}

TEST_CASE("hostile: 20,000-deep block nesting is refused at the depth limit") {
  TempDir dir;
  write_other(dir);
  std::string nested;
  for (int i = 0; i < 20000; ++i)
    nested += "- ";
  dir.write("deep.yaml", nested + "x\n");
  auto result = run_aksc({"lint", "."}, dir.path());
  CHECK(result.exit_code == 1);
  CHECK(contains(result.out,
                 "deep.yaml:1:129: error: lists and mappings nest more than 64 "
                 "levels deep here"));
  CHECK(other_linted(result));
}

TEST_CASE("hostile: a billion-laughs alias bomb is refused at the node budget") {
  TempDir dir;
  write_other(dir);
  std::string bomb = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (char level = 'b'; level <= 'j'; ++level) {
    bomb += std::string(1, level) + ": &" + level + " [";
    for (int i = 0; i < 9; ++i)
      bomb += std::string(i ? ", *" : "*") + char(level - 1);
    bomb += "]\n";
  }
  dir.write("bomb.yaml", bomb);
  auto result = run_aksc({"lint", "."}, dir.path());
  CHECK(result.exit_code == 1);
  CHECK(contains(result.out,
                 "bomb.yaml:6:8: error: the document expands to more than 100000 "
                 "nodes (aliases included); aksc refuses it"));
  CHECK(other_linted(result));
}

TEST_CASE("hostile: a 100 MB file is refused unread, with the limit to raise") {
  TempDir dir;
  write_other(dir);
  write_sparse(dir.path() / "huge.yaml", 100 * 1024 * 1024);
  auto result = run_aksc({"lint", "."}, dir.path());
  CHECK(result.exit_code == 2);
  CHECK(contains(result.err,
                 "aksc: error: huge.yaml: is 100 MiB, larger than the 16 MiB limit of "
                 "--max-file-size, so it is not read; raise the limit if this file is meant "
                 "to be checked"));
  CHECK(other_linted(result));
}

TEST_CASE("hostile: max-file-size sets the limit, in bytes or with K, M or G") {
  TempDir dir;
  write_other(dir);
  dir.write("padded.yaml", create_spec("padded-aks") + "# " + std::string(3000, 'p') + "\n");
  auto small = run_aksc({"lint", ".", "--max-file-size", "2K"}, dir.path());
  CHECK(small.exit_code == 2);
  CHECK(contains(small.err, "padded.yaml: is 3.2 KiB, larger than the 2 KiB limit"));
  CHECK(other_linted(small));
  CHECK(run_aksc({"lint", "padded.yaml", "--max-file-size", "4096"}, dir.path()).exit_code == 0);
  for (const char* bad : {"0", "-1", "12T", "K", "1.5M", "9999999999999"}) {
    INFO("--max-file-size " << bad);
    auto result = run_aksc({"lint", ".", "--max-file-size", bad}, dir.path());
    CHECK(result.exit_code == 2);
    CHECK(contains(result.err, "--max-file-size must be a positive size such as 16M"));
  }
}

TEST_CASE("hostile: an integer beyond 64 bits is a schema finding, not an overflow") {
  TempDir dir;
  std::string spec = create_spec("big-aks");
  spec.replace(spec.find("agent_count: 3"), 14, "agent_count: 99999999999999999999999");
  dir.write("big.yaml", spec);
  auto result = run_aksc({"lint", "big.yaml"}, dir.path());
  CHECK(result.exit_code == 1);
  CHECK(contains(result.out,
                 "'agent_count' must be an integer; YAML reads "
                 "99999999999999999999999 as an integer beyond the 64-bit range "
                 "[AKS002]"));
}

TEST_CASE("hostile: a socket in a walked folder is never opened") {
  TempDir dir;
  write_other(dir);
  int fd = socket(AF_UNIX, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::string path = (dir.path() / "listen.yaml").string();
  REQUIRE(path.size() < sizeof(address.sun_path));
  path.copy(address.sun_path, path.size());
  REQUIRE(bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0);
  aksc::test::check_never_opened(dir, "listen.yaml");
  close(fd);
}

TEST_CASE("hostile: a symlink loop of folders is walked once") {
  TempDir dir;
  write_other(dir);
  std::filesystem::create_directory(dir.path() / "a");
  std::filesystem::create_directory_symlink("..", dir.path() / "a" / "up");
  auto result = run_aksc({"lint", ".", "--verbose"}, dir.path());
  CHECK(result.exit_code == 1);
  CHECK(contains(result.err, "a/up: folder already walked (symlink), skipped"));
  CHECK(other_linted(result));
}

TEST_CASE("hostile: a file linked to itself is an input error naming it") {
  TempDir dir;
  write_other(dir);
  std::filesystem::create_symlink("self.yaml", dir.path() / "self.yaml");
  auto result = run_aksc({"lint", "."}, dir.path());
  CHECK(result.exit_code == 2);
  CHECK(contains(result.err, "self.yaml: Too many levels of symbolic links"));
  CHECK(other_linted(result));
}
