// docs/migrate.md and docs/policies.md walk through samples/ with the real output of each
// command: every `<!-- aksc-<name>-doc: run ARGS [| tail -N | head -N | grep WORD] -->` is
// followed by a fenced block holding what `aksc ARGS` prints (the last or first N lines, or the
// lines holding WORD), and
// every `<!-- aksc-<name>-doc: file PATH -->` by a block holding that file, the commands run in
// order in one fresh copy of samples/. tests/support/refresh_doc.py rewrites the blocks (run by
// tests/golden-migrate/refresh.sh and tests/golden/refresh.sh).
#include <regex>
#include <sstream>

#include <catch2/catch.hpp>

#include "../support/process.h"
#include "integration_support.h"

namespace fs = std::filesystem;
using aksc::test::read_text;
using aksc::test::run_aksc;
using aksc::test::source_dir;

namespace {

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    lines.push_back(line);
  return lines;
}

std::vector<std::string> split_words(const std::string& text) {
  std::vector<std::string> words;
  std::istringstream in(text);
  for (std::string word; in >> word;)
    words.push_back(word);
  return words;
}

std::string trim_text(const std::string& text) {
  std::size_t begin = text.find_first_not_of(' ');
  std::size_t end = text.find_last_not_of(' ');
  return begin == std::string::npos ? "" : text.substr(begin, end - begin + 1);
}

// What `run` shows: the command's output through its filters.
std::string shown_output(const std::string& what, const fs::path& cwd) {
  std::vector<std::string> parts;
  std::size_t from = 0;
  for (std::size_t bar = what.find('|'); bar != std::string::npos; bar = what.find('|', from)) {
    parts.push_back(trim_text(what.substr(from, bar - from)));
    from = bar + 1;
  }
  parts.push_back(trim_text(what.substr(from)));
  std::vector<std::string> lines = split_lines(run_aksc(split_words(parts[0]), cwd).out);
  for (std::size_t i = 1; i < parts.size(); ++i) {
    std::string name = parts[i].substr(0, parts[i].find(' '));
    std::string argument = trim_text(parts[i].substr(name.size()));
    if (name == "tail") {
      std::size_t keep = std::stoul(argument.substr(1));
      if (lines.size() > keep) lines.erase(lines.begin(), lines.end() - static_cast<long>(keep));
    } else if (name == "head") {
      std::size_t keep = std::stoul(argument.substr(1));
      if (lines.size() > keep) lines.resize(keep);
    } else {
      std::erase_if(
          lines, [&](const std::string& line) { return line.find(argument) == std::string::npos; });
    }
  }
  std::string text;
  for (const std::string& line : lines)
    text += line + "\n";
  return text;
}

// Checks each block of docs/<doc>.md marked `aksc-<doc>-doc`; returns how many there are.
int check_walkthrough(const std::string& doc, const std::string& refresh) {
  aksc::test::TempDir work;
  fs::path cwd = work.path() / "samples";
  fs::copy(source_dir() / "samples", cwd, fs::copy_options::recursive);
  std::vector<std::string> lines = split_lines(read_text(source_dir() / "docs" / (doc + ".md")));
  const std::regex marker("^<!-- aksc-" + doc + "-doc: (run|file) (.*) -->$");
  int checked = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::smatch found;
    if (!std::regex_match(lines[i], found, marker)) continue;
    INFO("docs/" << doc << ".md:" << i + 1 << " (refresh: " << refresh << ")");
    std::string expected =
        found[1] == "file" ? read_text(cwd / found[2].str()) : shown_output(found[2], cwd);
    REQUIRE(i + 1 < lines.size());
    REQUIRE(lines[i + 1].starts_with("```"));
    std::string shown;
    std::size_t end = i + 2;
    for (; end < lines.size() && lines[end] != "```"; ++end)
      shown += lines[end] + "\n";
    CHECK(shown == expected);
    CHECK(!shown.empty());
    ++checked;
    i = end;
  }
  return checked;
}

}  // namespace

TEST_CASE("docs/migrate.md: the walkthrough shows the real output of each command") {
  CHECK(check_walkthrough("migrate", "tests/golden-migrate/refresh.sh") >= 5);
}

TEST_CASE("docs/policies.md: the tutorial shows the real policies and outputs") {
  CHECK(check_walkthrough("policies", "tests/golden/refresh.sh --golden") >= 7);
}
