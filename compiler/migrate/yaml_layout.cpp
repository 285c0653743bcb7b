#include "migrate/yaml_layout.h"

#include <algorithm>

#include "diag/text_util.h"
#include "frontend/yaml_comments.h"

namespace aksc::migrate {
namespace {

bool migrate_is_blank(char c) {
  return c == ' ' || c == '\t';
}

std::size_t migrate_line_start(std::string_view text, std::size_t offset) {
  std::size_t newline = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  if (offset == 0 || newline == std::string_view::npos) return 0;
  return newline + 1;
}

// The offset after the line break of the line holding `offset` (the text's end on its last).
std::size_t migrate_next_line(std::string_view text, std::size_t offset) {
  std::size_t newline = text.find('\n', offset);
  return newline == std::string_view::npos ? text.size() : newline + 1;
}

std::string_view migrate_line_text(std::string_view text, std::size_t begin) {
  std::size_t end = text.find('\n', begin);
  std::string_view line =
      text.substr(begin, end == std::string_view::npos ? text.npos : end - begin);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

std::string_view migrate_parent_pointer(std::string_view pointer) {
  std::size_t slash = pointer.rfind('/');
  return slash == std::string_view::npos ? std::string_view() : pointer.substr(0, slash);
}

// The end of a flow node starting at `begin`: after its closing bracket for a collection,
// skipping quoted text; nullopt when there is none.
std::optional<std::size_t> migrate_flow_collection_end(std::string_view text, std::size_t begin) {
  int depth = 0;
  for (std::size_t i = begin; i < text.size(); ++i) {
    char c = text[i];
    if (c == '"' || c == '\'') {
      for (++i; i < text.size() && text[i] != c; ++i) {
        if (c == '"' && text[i] == '\\') ++i;
      }
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      if (--depth == 0) return i + 1;
    }
  }
  return std::nullopt;
}

// The end of a block entry whose key line starts at `line_begin` and whose key is at column
// `indent`: the lines below it that are indented deeper (or are a list at its own column), and
// the comments indented deeper among and after them; blank lines and shallower comments at its
// end belong to what follows.
std::size_t migrate_block_entry_end(std::string_view text, std::size_t line_begin, int indent) {
  std::size_t end = migrate_next_line(text, line_begin);
  for (std::size_t at = end; at < text.size(); at = migrate_next_line(text, at)) {
    std::string_view line = migrate_line_text(text, at);
    std::size_t depth = line.find_first_not_of(' ');
    if (depth == std::string_view::npos) continue;  // blank
    std::string_view rest = line.substr(depth);
    if (depth == 0 && (rest.starts_with("---") || rest.starts_with("..."))) break;
    bool deeper = static_cast<int>(depth) > indent;
    if (rest.front() == '#') {
      if (deeper) end = migrate_next_line(text, at);
      continue;
    }
    bool list_here = static_cast<int>(depth) == indent && rest.front() == '-' &&
                     (rest.size() == 1 || migrate_is_blank(rest[1]));
    if (!deeper && !list_here) break;
    end = migrate_next_line(text, at);
  }
  return end;
}

}  // namespace

std::size_t offset_of(const SourceFile& source, SourcePosition position) {
  std::string_view text = source.text();
  if (!position.known()) return 0;
  std::string_view line = source.line(position.line);
  std::size_t at = static_cast<std::size_t>(line.data() - text.data());
  if (position.line > source.line_count()) return text.size();
  for (int column = 1; column < position.column && at < text.size(); ++column)
    next_code_point(text, at);
  return at;
}

std::string_view line_break_of(std::string_view text) {
  std::size_t newline = text.find('\n');
  return newline != std::string_view::npos && newline > 0 && text[newline - 1] == '\r' ? "\r\n"
                                                                                       : "\n";
}

bool is_flow_mapping(const SourceFile& source, const YamlDocument& document,
                     std::string_view pointer) {
  auto found = document.locations.find(pointer);
  if (found == document.locations.end()) return false;
  std::size_t at = offset_of(source, found->second.value.begin);
  return at < source.text().size() && source.text()[at] == '{';
}

std::optional<EntrySpan> entry_span(const SourceFile& source, const YamlDocument& document,
                                    std::string_view pointer) {
  auto found = document.locations.find(pointer);
  if (found == document.locations.end() || !found->second.key.known()) return std::nullopt;
  std::string_view text = source.text();
  std::size_t key = offset_of(source, found->second.key.begin);
  if (is_flow_mapping(source, document, migrate_parent_pointer(pointer))) {
    EntrySpan span{key, key, true, 0};
    std::size_t value = offset_of(source, found->second.value.begin);
    if (value < text.size() && (text[value] == '{' || text[value] == '[')) {
      std::optional<std::size_t> end = migrate_flow_collection_end(text, value);
      if (!end) return std::nullopt;
      span.end = *end;
    } else {
      span.end = std::max(value, offset_of(source, found->second.value.end));
    }
    std::size_t after = span.end;
    while (after < text.size() &&
           (migrate_is_blank(text[after]) || text[after] == '\r' || text[after] == '\n')) {
      ++after;
    }
    if (after < text.size() && text[after] == ',') {
      span.end = after + 1;
      while (span.end < text.size() && migrate_is_blank(text[span.end]))
        ++span.end;
      return span;
    }
    std::size_t before = span.begin;
    while (before > 0 && (migrate_is_blank(text[before - 1]) || text[before - 1] == '\r' ||
                          text[before - 1] == '\n')) {
      --before;
    }
    if (before > 0 && text[before - 1] == ',') span.begin = before - 1;
    return span;
  }
  std::size_t line = migrate_line_start(text, key);
  for (std::size_t i = line; i < key; ++i) {
    if (text[i] != ' ') return std::nullopt;  // a key after `- ` or `--- `: not cut here
  }
  int indent = static_cast<int>(key - line);
  return EntrySpan{line, migrate_block_entry_end(text, line, indent), false, indent};
}

std::string_view scalar_text(const SourceFile& source, const YamlDocument& document,
                             std::string_view pointer) {
  auto found = document.locations.find(pointer);
  if (found == document.locations.end()) return {};
  std::size_t begin = offset_of(source, found->second.value.begin);
  std::size_t end = offset_of(source, found->second.value.end);
  return end > begin ? std::string_view(source.text()).substr(begin, end - begin)
                     : std::string_view();
}

int indent_step(const SourceFile& source, const YamlDocument& document) {
  for (const auto& [pointer, location] : document.locations) {
    std::string_view parent = migrate_parent_pointer(pointer);
    if (parent.empty() || !location.key.known()) continue;
    auto up = document.locations.find(parent);
    if (up == document.locations.end() || !up->second.key.known()) continue;
    if (is_flow_mapping(source, document, parent)) continue;
    int step = location.key.begin.column - up->second.key.begin.column;
    if (step > 0 && location.key.begin.line > up->second.key.begin.line) return step;
  }
  return 2;
}

CommentIndex::CommentIndex(std::string_view text) : text_(text) {
  visit_yaml_comments(text, [&](const YamlComment& comment) {
    if (comment.separated) offsets_.push_back(comment.offset);
  });
}

std::string_view CommentIndex::trailing(std::size_t offset) const {
  auto found = std::lower_bound(offsets_.begin(), offsets_.end(), offset);
  if (found == offsets_.end()) return {};
  std::size_t line_end = migrate_next_line(text_, offset);
  if (*found >= line_end) return {};
  return migrate_line_text(text_, *found);
}

std::vector<std::string_view> CommentIndex::own_line(std::size_t begin, std::size_t end) const {
  std::vector<std::string_view> comments;
  for (auto it = std::lower_bound(offsets_.begin(), offsets_.end(), begin);
       it != offsets_.end() && *it < end; ++it) {
    std::size_t line = migrate_line_start(text_, *it);
    bool alone = std::all_of(text_.begin() + static_cast<std::ptrdiff_t>(line),
                             text_.begin() + static_cast<std::ptrdiff_t>(*it),
                             [](char c) { return migrate_is_blank(c); });
    if (alone) comments.push_back(migrate_line_text(text_, *it));
  }
  return comments;
}

}  // namespace aksc::migrate
