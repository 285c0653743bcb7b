// tests/rules/AKSnnn/: every bad*.yaml (or bad* folder) gives exactly the findings of its
// .expected file ("file:line:col: ID" lines); every good*.yaml (or good* folder) gives none. A
// meta-test keeps every registered rule documented, sourced and covered by a firing and a
// non-firing fixture.
#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "../support/process.h"
#include "rules/rule.h"
#include "rules/rule_doc.h"
#include "spec_text.h"

namespace fs = std::filesystem;
using aksc::test::run_aksc;
using aksc::test::source_dir;

namespace {

std::vector<std::string> lines_of(const fs::path& file) {
  std::ifstream in(file);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

// Lints one file or folder alone: a copy of it in an empty folder, so that the project rules
// (which see every spec of the project, named or not) do not compare it with the fixtures
// beside it. Returns "file:line:col: ID" lines.
std::vector<std::string> findings_of(const fs::path& file) {
  aksc::test::TempDir alone;
  fs::copy(file, alone.path() / file.filename(), fs::copy_options::recursive);
  auto result = run_aksc({"lint", "--format", "json", file.filename().string()}, alone.path());
  auto json = nlohmann::json::parse(result.out);
  std::vector<std::string> found;
  for (const auto& f : json["findings"]) {
    found.push_back(f["file"].get<std::string>() + ":" + std::to_string(f["line"].get<int>()) +
                    ":" + std::to_string(f["column"].get<int>()) + ": " +
                    f["rule"].get<std::string>());
  }
  return found;
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

}  // namespace

TEST_CASE("rule fixtures give exactly their expected findings") {
  for (const aksc::RuleEntry& rule : aksc::rule_registry()) {
    fs::path folder = source_dir() / "tests" / "rules" / std::string(rule.id);
    for (const fs::path& bad : fixtures(folder, "bad")) {
      INFO(bad.string());
      fs::path expected = bad;
      expected.replace_extension(".expected");
      REQUIRE(fs::exists(expected));
      CHECK(findings_of(bad) == lines_of(expected));
    }
    for (const fs::path& good : fixtures(folder, "good")) {
      INFO(good.string());
      CHECK(findings_of(good).empty());
    }
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
    bool fires = std::any_of(bad.begin(), bad.end(), [&](const fs::path& file) {
      fs::path expected = file;
      auto lines = lines_of(expected.replace_extension(".expected"));
      return std::any_of(lines.begin(), lines.end(), [&](const std::string& line) {
        return line.size() > id.size() && line.substr(line.size() - id.size()) == id;
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
    auto bad_findings = findings_of(bad_file);
    CHECK(std::any_of(bad_findings.begin(), bad_findings.end(), [&](const std::string& f) {
      return f.substr(f.size() - doc.id.size()) == doc.id;
    }));
    std::ostringstream all;
    for (const auto& f : bad_findings)
      all << f << "\n";
    INFO("bad example findings:\n" << all.str());
    CHECK(std::all_of(bad_findings.begin(), bad_findings.end(), [&](const std::string& f) {
      return f.substr(f.size() - doc.id.size()) == doc.id;
    }));
    CHECK(findings_of(good_file).empty());
  }
}
