// Nothing lost: `aksc build` killed (SIGKILL) while writing leaves every artifact whole, either
// as the previous build wrote it or as the new build would, never cut short.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <thread>

#include <catch2/catch.hpp>

#include "../support/process.h"
#include "integration_support.h"

using aksc::test::aksc_bin_dir;
using aksc::test::generate_corpus;
using aksc::test::read_text;
using aksc::test::run_aksc;
using aksc::test::TempDir;
using aksc::test::tree;

namespace {
namespace fs = std::filesystem;

// Starts `aksc build corpus -o out` in `dir`, kills it after `delay`; true when the kill
// landed (the build had not finished).
bool build_and_kill(const fs::path& dir, std::chrono::microseconds delay) {
  std::string aksc = (aksc_bin_dir() / "aksc").string();
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    if (chdir(dir.c_str()) != 0) _exit(127);
    execl(aksc.c_str(), aksc.c_str(), "build", "corpus", "-o", "out", "-j", "1",
          static_cast<char*>(nullptr));
    _exit(127);
  }
  std::this_thread::sleep_for(delay);
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFSIGNALED(status);
}

// Rewrites every spec's description, so that every artifact of the next build differs.
void change_every_spec(const fs::path& corpus) {
  for (const auto& entry : fs::recursive_directory_iterator(corpus)) {
    if (entry.path().extension() != ".yaml" || entry.path().filename() == "aksc.yaml") continue;
    std::string text = read_text(entry.path());
    std::size_t at = text.find("benchmark spec");
    REQUIRE(at != std::string::npos);
    text.replace(at, 14, "rebuilt spec");
    std::ofstream(entry.path(), std::ios::binary | std::ios::trunc) << text;
  }
}

// Puts `out` back as the first build left it, so that the next build rewrites every artifact.
void restore(const fs::path& out, const std::map<std::string, std::string>& files) {
  fs::remove_all(out);
  for (const auto& [relative, content] : files) {
    fs::create_directories((out / relative).parent_path());
    std::ofstream(out / relative, std::ios::binary) << content;
  }
}

bool is_temporary(const std::string& relative) {
  return relative.find("/.") != std::string::npos && relative.find(".tmp-") != std::string::npos;
}

}  // namespace

TEST_CASE("a build killed while writing leaves every artifact whole, old or new") {
  TempDir dir;
  generate_corpus(dir.path() / "corpus", 300);
  run_aksc({"build", "corpus", "-o", "out"}, dir.path());
  const auto old_files = tree(dir.path() / "out");
  REQUIRE(old_files.size() > 500);
  change_every_spec(dir.path() / "corpus");
  run_aksc({"build", "corpus", "-o", "expected"}, dir.path());
  const auto new_files = tree(dir.path() / "expected");
  REQUIRE(new_files.size() == old_files.size());
  // How long the build that the kills interrupt takes on this machine (it rewrites the
  // artifacts that the new descriptions change): the kills land at fractions of it, so that
  // they fall mid-way however fast the machine, its disk and aksc are.
  auto start = std::chrono::steady_clock::now();
  run_aksc({"build", "corpus", "-o", "out", "-j", "1"}, dir.path());
  auto rewrite = std::chrono::duration_cast<std::chrono::microseconds>(
      std::chrono::steady_clock::now() - start);
  REQUIRE(tree(dir.path() / "out") == new_files);

  int kills_mid_way = 0;
  for (double fraction : {0.2, 0.5, 0.8}) {
    auto delay = std::chrono::duration_cast<std::chrono::microseconds>(rewrite * fraction);
    INFO("killed after " << delay.count() << " us of a " << rewrite.count() << " us rewrite");
    restore(dir.path() / "out", old_files);
    kills_mid_way += build_and_kill(dir.path(), delay);
    auto now = tree(dir.path() / "out");
    int whole_old = 0, whole_new = 0;
    for (const auto& [relative, content] : now) {
      if (is_temporary(relative)) continue;  // never under an artifact's name
      INFO(relative);
      bool old_whole = old_files.count(relative) && old_files.at(relative) == content;
      bool new_whole = new_files.count(relative) && new_files.at(relative) == content;
      CHECK((old_whole || new_whole));
      whole_old += old_whole && !new_whole;
      whole_new += new_whole;
    }
    for (const auto& [relative, content] : old_files) {
      INFO(relative);
      CHECK(now.count(relative) == 1);  // nothing the previous build wrote is gone
    }
    CHECK(whole_old + whole_new == static_cast<int>(old_files.size()));
  }
  // At least one kill landed before the build finished, or the test showed nothing.
  CHECK(kills_mid_way > 0);
}
