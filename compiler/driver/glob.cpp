#include "driver/glob.h"

#include <algorithm>
#include <vector>

namespace aksc {
namespace {

// Length of the character class at p[0] == '[', or 0 if unterminated.
std::size_t class_length(std::string_view p) {
  std::size_t i = 1;
  if (i < p.size() && (p[i] == '!' || p[i] == '^')) ++i;
  if (i < p.size() && p[i] == ']') ++i;
  while (i < p.size() && p[i] != ']')
    ++i;
  return i < p.size() ? i + 1 : 0;
}

bool class_matches(std::string_view cls, char c) {
  std::string_view body = cls.substr(1, cls.size() - 2);
  bool negate = !body.empty() && (body[0] == '!' || body[0] == '^');
  if (negate) body.remove_prefix(1);
  bool found = false;
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (i + 2 < body.size() && body[i + 1] == '-') {
      found = found || (c >= body[i] && c <= body[i + 2]);
      i += 2;
    } else {
      found = found || c == body[i];
    }
  }
  return found != negate;
}

// Bottom-up table: cell (i, j) says whether the pattern from i matches the path from j. Rows
// are filled from the pattern's end and each cell reads a fixed number of others, so a `*`
// costs one cell per path position instead of a scan of the rest of the path.
class MatchTable {
 public:
  MatchTable(std::string_view p, std::string_view s)
      : p_(p), s_(s), width_(s.size() + 1), cells_((p.size() + 1) * width_, 0) {
    at(p_.size(), s_.size()) = 1;
    for (std::size_t i = p_.size(); i-- > 0;)
      fill_row(i);
  }

  bool matched() const { return cells_[0] != 0; }
  std::size_t steps() const { return steps_; }

 private:
  char& at(std::size_t i, std::size_t j) { return cells_[i * width_ + j]; }

  void fill_row(std::size_t i) {
    if (p_.substr(i, 2) == "**") {
      std::size_t next = i + 2;
      if (next < p_.size() && p_[next] == '/') {
        fill_segments_row(i, next + 1);
      } else {
        fill_star_row(i, next, true);  // "**" not before '/': separators included
      }
      return;
    }
    if (p_[i] == '*') {
      fill_star_row(i, i + 1, false);
      return;
    }
    std::size_t length = p_[i] == '[' ? class_length(p_.substr(i)) : 0;
    for (std::size_t j = s_.size(); j-- > 0;) {
      ++steps_;
      at(i, j) =
          one_char_matches(i, length, s_[j]) && at(i + std::max<std::size_t>(length, 1), j + 1);
    }
  }

  // A star takes any run of characters from j on ('/' only when `crosses_separators`): the rest
  // of the pattern (row `rest`) matches at j, or the star takes s[j] as well.
  void fill_star_row(std::size_t i, std::size_t rest, bool crosses_separators) {
    for (std::size_t j = s_.size() + 1; j-- > 0;) {
      ++steps_;
      at(i, j) =
          at(rest, j) || (j < s_.size() && (crosses_separators || s_[j] != '/') && at(i, j + 1));
    }
  }

  // "**/" takes zero or more whole segments: the rest of the pattern (row `rest`) matches at j,
  // or right after some '/' at or beyond j.
  void fill_segments_row(std::size_t i, std::size_t rest) {
    bool after_a_later_separator = false;
    for (std::size_t j = s_.size() + 1; j-- > 0;) {
      ++steps_;
      if (j < s_.size() && s_[j] == '/' && at(rest, j + 1)) after_a_later_separator = true;
      at(i, j) = at(rest, j) || after_a_later_separator;
    }
  }

  // Whether pattern position i (a class of `length` characters when length > 0) takes c.
  bool one_char_matches(std::size_t i, std::size_t length, char c) {
    if (p_[i] == '?') return c != '/';
    if (length > 0) {
      steps_ += length;
      return c != '/' && class_matches(p_.substr(i, length), c);
    }
    return p_[i] == c;
  }

  std::string_view p_;
  std::string_view s_;
  std::size_t width_;
  std::vector<char> cells_;
  std::size_t steps_ = 0;
};

}  // namespace

GlobOutcome glob_match_traced(std::string_view pattern, std::string_view path) {
  if (pattern.substr(0, 2) == "./") pattern.remove_prefix(2);
  MatchTable table(pattern, path);
  return {table.matched(), table.steps()};
}

bool glob_match(std::string_view pattern, std::string_view path) {
  return glob_match_traced(pattern, path).matched;
}

}  // namespace aksc
