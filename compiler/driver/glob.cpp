#include "driver/glob.h"

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

// Memoized matcher: state (i, j) = pattern from i matches path from j. Linear in
// |pattern| × |path|, so no input can make it slow.
class Matcher {
 public:
  Matcher(std::string_view p, std::string_view s)
      : p_(p), s_(s), memo_((p.size() + 1) * (s.size() + 1), -1) {}

  bool match(std::size_t i, std::size_t j) {
    signed char& cached = memo_[i * (s_.size() + 1) + j];
    if (cached >= 0) return cached != 0;
    bool result = compute(i, j);
    cached = result ? 1 : 0;
    return result;
  }

 private:
  bool compute(std::size_t i, std::size_t j) {
    if (i == p_.size()) return j == s_.size();
    if (p_.substr(i, 2) == "**") {
      std::size_t next = i + 2;
      if (next < p_.size() && p_[next] == '/') {
        // "**/" matches zero or more whole segments.
        if (match(next + 1, j)) return true;
        for (std::size_t k = j; k < s_.size(); ++k) {
          if (s_[k] == '/' && match(next + 1, k + 1)) return true;
        }
        return false;
      }
      for (std::size_t k = j; k <= s_.size(); ++k) {
        if (match(next, k)) return true;
      }
      return false;
    }
    if (p_[i] == '*') {
      for (std::size_t k = j; k <= s_.size(); ++k) {
        if (match(i + 1, k)) return true;
        if (k < s_.size() && s_[k] == '/') break;
      }
      return false;
    }
    if (j == s_.size()) return false;
    if (p_[i] == '?') return s_[j] != '/' && match(i + 1, j + 1);
    if (p_[i] == '[') {
      std::size_t length = class_length(p_.substr(i));
      if (length > 0) {
        return s_[j] != '/' && class_matches(p_.substr(i, length), s_[j]) &&
               match(i + length, j + 1);
      }
    }
    return p_[i] == s_[j] && match(i + 1, j + 1);
  }

  std::string_view p_;
  std::string_view s_;
  std::vector<signed char> memo_;
};

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
  if (pattern.substr(0, 2) == "./") pattern.remove_prefix(2);
  return Matcher(pattern, path).match(0, 0);
}

}  // namespace aksc
