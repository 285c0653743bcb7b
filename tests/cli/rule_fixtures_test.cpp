// tests/rules/AKSnnn/: every bad*.yaml (or bad* folder) gives exactly the findings of its
// .expected file, and every good*.yaml (or good* folder) none. An expected file pins each finding
// as the text format shows it, without the source excerpt: the headline
// "file:line:col: severity: message [ID]", then "  help: ..." and each related location as
// "  file:line:col: note: ...". `tests/golden/refresh.sh --fixtures` rewrites them from the
// current binary: it runs the first test below with AKSC_UPDATE_FIXTURES=1. Meta-tests keep every
// registered rule documented, sourced, covered by a firing and a non-firing fixture, and free of
// the TODO(new-rule) markers that scripts/new-rule.sh leaves. AKS816, which notes every spec, is
// compared only in its own folder and page (kOnEverySpec below).
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "../support/process.h"
#include "rules/rule.h"
#include "rules/rule_doc.h"
#include "spec_text.h"

namespace fs = std::filesystem;
using aksc::test::run_aksc;
using aksc::test::source_dir;
using nlohmann::json;

namespace {

constexpr const char* kRefresh = "tests/golden/refresh.sh --fixtures";

std::vector<std::string> lines_of(const fs::path& file) {
  std::ifstream in(file);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& line : lines)
    text += line + "\n";
  return text;
}

// AKS816 (v1-legacy) notes every AksCompute spec, so every fixture and rule page example would
// pin it. As clang-tidy's check tests enable only the check under test, this harness leaves
// AKS816 out of what it compares everywhere but in tests/rules/AKS816/ and AKS816's own page;
// the samples and the golden outputs show it as a user sees it.
constexpr std::string_view kOnEverySpec = "AKS816";

// Lints one file or folder alone: a copy of it in an empty folder, so that the project rules
// (which see every spec of the project, named or not) do not compare it with the fixtures
// beside it. Returns the findings of the JSON format, without AKS816's unless `rule` is AKS816.
json findings_of(const fs::path& file, std::string_view rule) {
  aksc::test::TempDir alone;
  fs::copy(file, alone.path() / file.filename(), fs::copy_options::recursive);
  auto result = run_aksc({"lint", "--format", "json", file.filename().string()}, alone.path());
  json findings = json::parse(result.out)["findings"];
  if (rule == kOnEverySpec) return findings;
  json others = json::array();
  for (json& finding : findings) {
    if (finding["rule"] != kOnEverySpec) others.push_back(std::move(finding));
  }
  return others;
}

std::string location(const json& at) {
  return fmt::format("{}:{}:{}", at["file"].get<std::string>(), at["line"].get<int>(),
                     at["column"].get<int>());
}

// The lines of an expected file: each finding's headline, help and related notes.
std::vector<std::string> pinned(const json& findings) {
  std::vector<std::string> lines;
  for (const json& finding : findings) {
    lines.push_back(
        fmt::format("{}: {}: {} [{}]", location(finding), finding["severity"].get<std::string>(),
                    finding["message"].get<std::string>(), finding["rule"].get<std::string>()));
    std::string help = finding.value("help", "");
    if (!help.empty()) lines.push_back("  help: " + help);
    for (const json& related : finding.value("related", json::array())) {
      lines.push_back(
          fmt::format("  {}: note: {}", location(related), related["message"].get<std::string>()));
    }
  }
  return lines;
}

// A diff of two short line lists (a longest common subsequence): " " both, "-" expected only,
// "+" found only.
std::string line_diff(const std::vector<std::string>& expected,
                      const std::vector<std::string>& found) {
  std::size_t n = expected.size(), m = found.size();
  std::vector<std::vector<std::size_t>> common(n + 1, std::vector<std::size_t>(m + 1));
  for (std::size_t i = n; i-- > 0;) {
    for (std::size_t j = m; j-- > 0;) {
      common[i][j] = expected[i] == found[j] ? common[i + 1][j + 1] + 1
                                             : std::max(common[i + 1][j], common[i][j + 1]);
    }
  }
  std::string diff = "--- expected\n+++ found\n";
  std::size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && expected[i] == found[j]) {
      diff += " " + expected[i++] + "\n";
      ++j;
    } else if (i < n && (j == m || common[i + 1][j] >= common[i][j + 1])) {
      diff += "-" + expected[i++] + "\n";
    } else {
      diff += "+" + found[j++] + "\n";
    }
  }
  return diff;
}

std::vector<fs::path> fixtures(const fs::path& folder, const std::string& prefix) {
  std::vector<fs::path> files;
  if (!fs::is_directory(folder)) return files;
  for (const auto& entry : fs::directory_iterator(folder)) {
    std::string name = entry.path().filename().string();
    // A fixture is a spec file, or a folder (a small project with its own aksc.yaml).
    if (name.rfind(prefix, 0) == 0 &&
        (entry.path().extension() == ".yaml" || entry.is_directory())) {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

fs::path expected_file_of(fs::path fixture) {
  return fixture.replace_extension(".expected");
}

std::string shown(const fs::path& file) {
  return fs::relative(file, source_dir()).string();
}

// Checks a bad fixture against its expected file, or (updating) rewrites that file.
void check_bad_fixture(const fs::path& bad, std::string_view rule, bool update) {
  fs::path file = expected_file_of(bad);
  std::vector<std::string> found = pinned(findings_of(bad, rule));
  bool exists = fs::exists(file);
  std::vector<std::string> expected = exists ? lines_of(file) : std::vector<std::string>{};
  if (exists && expected == found) return;
  if (update) {
    std::ofstream(file, std::ios::binary) << joined(found);
    std::cout << "refreshed " << shown(file) << "\n";
  } else if (!exists) {
    FAIL_CHECK(shown(file) << " is missing (" << kRefresh << " writes it):\n"
                           << line_diff({}, found));
  } else {
    FAIL_CHECK(shown(file) << " is stale (" << kRefresh << " rewrites it; review the diff):\n"
                           << line_diff(expected, found));
  }
}

// An expected file whose fixture is gone; updating deletes it.
void check_orphans(const fs::path& folder, bool update) {
  if (!fs::is_directory(folder)) return;
  for (const auto& entry : fs::directory_iterator(folder)) {
    fs::path fixture = entry.path();
    if (fixture.extension() != ".expected") continue;
    fixture.replace_extension();
    if (fs::is_directory(fixture) || fs::exists(fs::path(fixture) += ".yaml")) continue;
    if (update) {
      fs::remove(entry.path());
      std::cout << "deleted " << shown(entry.path()) << "\n";
    } else {
      FAIL_CHECK(shown(entry.path()) << " has no fixture (" << kRefresh << " deletes it)");
    }
  }
}

}  // namespace

TEST_CASE("rule fixtures give exactly their expected findings") {
  const bool update = std::getenv("AKSC_UPDATE_FIXTURES") != nullptr;
  for (const aksc::RuleEntry& rule : aksc::rule_registry()) {
    fs::path folder = source_dir() / "tests" / "rules" / std::string(rule.id);
    for (const fs::path& bad : fixtures(folder, "bad"))
      check_bad_fixture(bad, rule.id, update);
    for (const fs::path& good : fixtures(folder, "good")) {
      std::vector<std::string> found = pinned(findings_of(good, rule.id));
      if (!found.empty()) FAIL_CHECK(shown(good) << " gives findings:\n" << line_diff({}, found));
    }
    check_orphans(folder, update);
  }
}

TEST_CASE("every registered rule has a doc, a source and firing and non-firing fixtures") {
  std::set<std::string> documented;
  for (const aksc::RuleDoc& doc : aksc::rule_docs())
    documented.insert(doc.id);
  for (const aksc::RuleEntry& rule : aksc::rule_registry()) {
    std::string id(rule.id);
    INFO(id);
    const aksc::RuleDoc* doc = aksc::find_rule_doc(id);
    REQUIRE(doc != nullptr);
    CHECK_FALSE(doc->source.empty());
    CHECK_FALSE(doc->slug.empty());
    CHECK(doc->file == "rules/" + id + "-" + doc->slug + ".md");
    fs::path folder = source_dir() / "tests" / "rules" / id;
    std::vector<fs::path> bad = fixtures(folder, "bad");
    CHECK_FALSE(bad.empty());
    CHECK_FALSE(fixtures(folder, "good").empty());
    // A headline (not an indented help or note line) ends with the rule ID.
    bool fires = std::any_of(bad.begin(), bad.end(), [&](const fs::path& file) {
      auto lines = lines_of(expected_file_of(file));
      return std::any_of(lines.begin(), lines.end(), [&](const std::string& line) {
        return line.front() != ' ' && line.ends_with("[" + id + "]");
      });
    });
    CHECK(fires);
    documented.erase(id);
  }
  INFO("rule docs without a registered rule");
  CHECK(documented.empty());
}

TEST_CASE("each rule doc's Bad example fires its rule and its Good example is clean") {
  aksc::test::TempDir dir;
  for (const aksc::RuleDoc& doc : aksc::rule_docs()) {
    INFO(doc.file);
    auto bad = aksc::example_blocks(doc.markdown, "Bad");
    auto good = aksc::example_blocks(doc.markdown, "Good");
    REQUIRE(!bad.empty());
    REQUIRE(!good.empty());
    // An example that starts with "# aksc.yaml" is a project config: it is linted beside a
    // clean spec. Blocks after the first are further files of the example's project, each named
    // on its first line ("# aksc.yaml", "// inventory.json"); the first block is then its
    // spec.yaml.
    auto write_example = [&](const std::string& name, const std::vector<std::string>& blocks) {
      for (std::size_t i = 1; i < blocks.size(); ++i) {
        std::string first_line = blocks[i].substr(0, blocks[i].find('\n'));
        std::size_t space = first_line.find(' ');
        REQUIRE((first_line.rfind("# ", 0) == 0 || first_line.rfind("// ", 0) == 0));
        dir.write(name + "/" + first_line.substr(space + 1),
                  blocks[i].substr(std::min(blocks[i].size(), first_line.size() + 1)));
      }
      const std::string& text = blocks[0];
      if (blocks.size() > 1) return dir.write(name + "/spec.yaml", text).parent_path();
      if (text.rfind("# aksc.yaml", 0) != 0) return dir.write(name + ".yaml", text);
      dir.write(name + "/aksc.yaml", text);
      return dir.write(name + "/spec.yaml", aksc::test::create_spec()).parent_path();
    };
    fs::path bad_file = write_example(doc.id + "-bad", bad);
    fs::path good_file = write_example(doc.id + "-good", good);
    json bad_findings = findings_of(bad_file, doc.id);
    auto is_own = [&](const json& finding) { return finding["rule"] == doc.id; };
    CHECK(std::any_of(bad_findings.begin(), bad_findings.end(), is_own));
    INFO("bad example findings:\n" << joined(pinned(bad_findings)));
    CHECK(std::all_of(bad_findings.begin(), bad_findings.end(), is_own));
    CHECK(findings_of(good_file, doc.id).empty());
  }
}

TEST_CASE("no rule page, source or fixture keeps a TODO(new-rule) of scripts/new-rule.sh") {
  int files = 0;
  for (const char* folder : {"rules", "compiler/rules", "tests/rules"}) {
    for (const auto& entry : fs::recursive_directory_iterator(source_dir() / folder)) {
      if (!entry.is_regular_file()) continue;
      ++files;
      std::ifstream in(entry.path());
      int number = 0;
      for (std::string line; std::getline(in, line);) {
        ++number;
        if (line.find("TODO(new-rule)") == std::string::npos) continue;
        FAIL_CHECK(shown(entry.path()) << ":" << number << ": " << line
                                       << "\n(an unfinished rule: docs/architecture.md, "
                                          "\"Recipe: add a rule\")");
      }
    }
  }
  CHECK(files > 100);
}
