#include "rules/rule_doc.h"

#include <algorithm>
#include <stdexcept>

#include "catalog/embedded_files.h"
#include "diag/text_util.h"

namespace aksc {
namespace {

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty())
    lines.push_back(take_line(text));
  return lines;
}

std::vector<std::string> parse_list(std::string_view value) {
  std::vector<std::string> items;
  value = trim(value);
  if (value.size() >= 2 && value.front() == '[' && value.back() == ']') {
    value = value.substr(1, value.size() - 2);
  }
  while (!value.empty()) {
    std::size_t comma = value.find(',');
    std::string_view item = trim(value.substr(0, comma));
    if (!item.empty()) items.emplace_back(item);
    if (comma == std::string_view::npos) break;
    value.remove_prefix(comma + 1);
  }
  return items;
}

}  // namespace

// Reads the front matter and the first heading only: every run parses all fifty docs to settle
// severities, so the rest of each document is not even split into lines.
RuleDoc parse_rule_doc(std::string_view file, std::string_view markdown) {
  RuleDoc doc;
  doc.file = file;
  doc.markdown = markdown;
  auto fail = [&](const std::string& why) {
    throw std::runtime_error(std::string(file) + ": " + why);
  };
  std::string_view rest = markdown;
  if (rest.empty() || trim(take_line(rest)) != "---") fail("missing front matter");
  bool terminated = false;
  while (!rest.empty()) {
    std::string_view line = take_line(rest);
    if (trim(line) == "---") {
      terminated = true;
      break;
    }
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) fail("bad front matter line: " + std::string(line));
    std::string_view key = trim(line.substr(0, colon));
    std::string_view value = trim(line.substr(colon + 1));
    if (key == "id") doc.id = value;
    if (key == "slug") doc.slug = value;
    if (key == "source") doc.source = value;
    if (key == "tags") doc.tags = parse_list(value);
    if (key == "severity") {
      auto severity = parse_severity(value);
      if (!severity) fail("bad severity: " + std::string(value));
      doc.severity = *severity;
    }
  }
  if (!terminated) fail("unterminated front matter");
  while (!rest.empty()) {
    std::string_view line = take_line(rest);
    if (line.rfind("# ", 0) == 0) {
      std::string_view heading = trim(line.substr(2));
      std::size_t colon = heading.find(": ");
      doc.title =
          std::string(colon == std::string_view::npos ? heading : heading.substr(colon + 2));
      break;
    }
  }
  if (doc.id.empty() || doc.slug.empty() || doc.source.empty() || doc.title.empty()) {
    fail("front matter needs id, slug, severity, source and a '# ' title");
  }
  return doc;
}

const std::vector<RuleDoc>& rule_docs() {
  static const std::vector<RuleDoc> docs = [] {
    std::vector<RuleDoc> result;
    for (const EmbeddedFile& file : embedded_files()) {
      std::string_view name = file.name;
      if (name.rfind("rules/AKS", 0) == 0 && name.size() > 3 &&
          name.substr(name.size() - 3) == ".md") {
        result.push_back(parse_rule_doc(name, file.data));
      }
    }
    std::sort(result.begin(), result.end(),
              [](const RuleDoc& a, const RuleDoc& b) { return a.id < b.id; });
    return result;
  }();
  return docs;
}

const RuleDoc* find_rule_doc(std::string_view id) {
  const std::vector<RuleDoc>& docs = rule_docs();
  auto found =
      std::lower_bound(docs.begin(), docs.end(), id,
                       [](const RuleDoc& doc, std::string_view key) { return doc.id < key; });
  return (found != docs.end() && found->id == id) ? &*found : nullptr;
}

std::vector<std::string> example_blocks(std::string_view markdown, std::string_view heading) {
  std::vector<std::string> blocks;
  bool in_section = false;
  bool in_block = false;
  std::string block;
  for (std::string_view line : split_lines(markdown)) {
    if (!in_block && line.rfind("## ", 0) == 0) {
      in_section = trim(line.substr(3)) == heading;
      continue;
    }
    if (!in_section) continue;
    if (line.rfind("```", 0) == 0) {
      if (in_block) blocks.push_back(block);
      in_block = !in_block;
      block.clear();
      continue;
    }
    if (in_block) {
      block += line;
      block += '\n';
    }
  }
  return blocks;
}

}  // namespace aksc
