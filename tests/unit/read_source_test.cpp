// read_source: whole files in as few system calls as it can, never a FIFO waited on.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "frontend/input_error.h"
#include "frontend/read_source.h"
#include "scratch_folder.h"

namespace fs = std::filesystem;
using aksc::FileKind;
using aksc::read_source;
using aksc::test::ScratchFolder;

namespace {

std::string refusal(const fs::path& path, FileKind kind, std::uintmax_t limit = 1024) {
  try {
    read_source(path, "named.yaml", limit, kind);
  } catch (const aksc::InputError& error) {
    return error.what();
  }
  return "(read)";
}

}  // namespace

TEST_CASE("read_source reads a file whole, listed by a walk or named", "[read]") {
  ScratchFolder folder;
  std::string text = "apiVersion: aksc/v1\nkind: AksCompute\n";
  fs::path file = folder.write("spec.yaml", text);
  for (FileKind kind : {FileKind::kUnknown, FileKind::kListedRegular}) {
    aksc::SourceFile source = read_source(file, "spec.yaml", 1024, kind);
    CHECK(source.text() == text);
    CHECK(source.path() == "spec.yaml");
  }
  CHECK(read_source(folder.write("empty.yaml", ""), "empty.yaml").text().empty());
  std::string exact(1024, 'x');  // exactly the limit is allowed
  CHECK(read_source(folder.write("exact.yaml", exact), "exact.yaml", 1024).text() == exact);
}

TEST_CASE("read_source reads on past a size of 0 that the kernel reports for /proc files",
          "[read]") {
  struct stat info {};
  REQUIRE(::stat("/proc/self/status", &info) == 0);
  REQUIRE(info.st_size == 0);  // what makes the file a test of reading past fstat's size
  aksc::SourceFile source = read_source("/proc/self/status", "status", 1 << 20);
  CHECK(source.text().find("Name:") != std::string::npos);
  CHECK(source.text().size() > 100);
}

TEST_CASE("read_source refuses a file over the limit, by its size or as it grows", "[read]") {
  ScratchFolder folder;
  fs::path big = folder.write("big.yaml", std::string(1025, 'x'));
  for (FileKind kind : {FileKind::kUnknown, FileKind::kListedRegular}) {
    CHECK_THAT(refusal(big, kind), Catch::Contains("1.0 KiB, larger than the 1 KiB limit"));
  }
  // /proc/self/status says 0 bytes and holds more than 16: refused once it passes the limit.
  CHECK_THAT(refusal("/proc/self/status", FileKind::kUnknown, 16),
             Catch::Contains("grew beyond the 16 bytes limit"));
}

TEST_CASE("read_source never waits on a FIFO, named or swapped in after a walk", "[read]") {
  ScratchFolder folder;
  fs::path fifo = folder.path / "pipe.yaml";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  // Named: refused by the stat, never opened. Listed as a regular file by a walk and swapped
  // for a FIFO since: opened without waiting for a writer, then refused by fstat.
  CHECK_THAT(refusal(fifo, FileKind::kUnknown), Catch::Contains("is not a regular file"));
  CHECK_THAT(refusal(fifo, FileKind::kListedRegular), Catch::Contains("is not a regular file"));
  CHECK_THAT(refusal(folder.path, FileKind::kUnknown), Catch::Contains("is a folder"));
  CHECK_THAT(refusal(folder.path / "missing.yaml", FileKind::kListedRegular),
             Catch::Contains("cannot read: No such file or directory"));
}
