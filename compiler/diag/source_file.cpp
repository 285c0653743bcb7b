#include "diag/source_file.h"

#include <algorithm>
#include <cstring>

namespace aksc {
namespace {

bool is_continuation_byte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// A UTF-8 byte order mark is no part of the first line: editors show no column for it.
std::size_t bom_length(std::string_view text) {
  return text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
}

bool has_no_byte_above_0x7f(std::string_view text) {
  unsigned char any_byte = 0;
  for (char c : text)
    any_byte |= static_cast<unsigned char>(c);
  return any_byte < 0x80;
}

}  // namespace

SourceFile::SourceFile(std::string path, std::string text)
    : path_(std::move(path)), text_(std::move(text)) {
  line_starts_.reserve(std::count(text_.begin(), text_.end(), '\n') + 1);
  line_starts_.push_back(bom_length(text_));
  const char* begin = text_.data();
  const char* end = begin + text_.size();
  for (const char* at = begin; (at = static_cast<const char*>(std::memchr(at, '\n', end - at)));) {
    ++at;
    line_starts_.push_back(static_cast<std::size_t>(at - begin));
  }
  ascii_ = has_no_byte_above_0x7f(text_);
}

SourceFile SourceFile::with_lines_only(std::vector<int> lines) const {
  std::sort(lines.begin(), lines.end());
  lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
  lines.erase(std::remove_if(lines.begin(), lines.end(),
                             [&](int line) { return line < 1 || line > line_count(); }),
              lines.end());
  // Only the kept lines, one after the other; line() finds a line's place by its number.
  SourceFile copy(path_, "");
  copy.line_starts_.clear();
  for (int kept : lines) {
    copy.line_starts_.push_back(copy.text_.size());
    copy.text_.append(line(kept));
    copy.text_.push_back('\n');
  }
  copy.ascii_ = has_no_byte_above_0x7f(copy.text_);
  copy.partial_ = true;
  copy.kept_lines_ = std::move(lines);
  return copy;
}

bool SourceFile::holds_line(int line) const {
  return !partial_ || std::binary_search(kept_lines_.begin(), kept_lines_.end(), line);
}

std::string_view SourceFile::line(int line) const {
  if (partial_) {
    auto kept = std::lower_bound(kept_lines_.begin(), kept_lines_.end(), line);
    if (kept == kept_lines_.end() || *kept != line) return {};
    std::size_t index = static_cast<std::size_t>(kept - kept_lines_.begin());
    std::size_t begin = line_starts_[index];
    std::size_t end = index + 1 < line_starts_.size() ? line_starts_[index + 1] : text_.size();
    return std::string_view(text_).substr(begin, end - 1 - begin);
  }
  if (line < 1 || line > line_count()) return {};
  std::size_t begin = line_starts_[line - 1];
  std::size_t end = line < line_count() ? line_starts_[line] - 1 : text_.size();
  if (end > begin && text_[end - 1] == '\r') --end;
  return std::string_view(text_).substr(begin, end - begin);
}

SourcePosition SourceFile::position_of(std::size_t offset) const {
  int no_hint = 0;
  return position_of(offset, no_hint);
}

SourcePosition SourceFile::position_of(std::size_t offset, int& line_hint) const {
  offset = std::clamp(offset, line_starts_.front(), text_.size());
  // A parser's next mark is usually on the hinted line or a few below it: a few steps there
  // instead of a binary search over the whole file.
  constexpr int kLinesToStep = 8;
  int line = line_hint;
  bool hint_usable = line >= 1 && line <= line_count() && line_starts_[line - 1] <= offset;
  for (int steps = 0; hint_usable && line < line_count() && line_starts_[line] <= offset; ++steps) {
    if (steps == kLinesToStep) hint_usable = false;
    ++line;
  }
  if (!hint_usable) {
    auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    line = static_cast<int>(next - line_starts_.begin());
  }
  line_hint = line;
  return position_on_line(offset, line);
}

SourcePosition SourceFile::position_on_line(std::size_t offset, int line) const {
  std::size_t start = line_starts_[line - 1];
  // One byte per code point: most files, and every mark of the loader asks.
  if (ascii_) return {line, static_cast<int>(offset - start) + 1};
  int column = 1;
  for (std::size_t i = start; i < offset; ++i) {
    if (!is_continuation_byte(text_[i])) ++column;
  }
  return {line, column};
}

}  // namespace aksc
