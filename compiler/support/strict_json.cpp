#include "support/strict_json.h"

#include <charconv>
#include <cstdint>
#include <unordered_map>

#include <fmt/format.h>

#include "diag/text_util.h"

namespace aksc {
namespace {

using nlohmann::json;

// The length of the UTF-8 sequence starting at `at` (RFC 3629: no overlong forms, no
// surrogates, nothing past U+10FFFF), or 0 when the bytes there are not one.
std::size_t utf8_sequence_length(std::string_view text, std::size_t at) {
  auto byte = [&](std::size_t i) -> unsigned {
    return i < text.size() ? static_cast<unsigned char>(text[i]) : 0u;
  };
  unsigned lead = byte(at);
  unsigned low = 0x80, high = 0xBF;
  std::size_t length = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (byte(at + 1) < low || byte(at + 1) > high) return 0;
  for (std::size_t i = 2; i < length; ++i) {
    if (byte(at + i) < 0x80 || byte(at + i) > 0xBF) return 0;
  }
  return length;
}

class Parser {
 public:
  Parser(std::string_view text, const StrictJsonLimits& limits) : text_(text), limits_(limits) {}

  json document() {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") at_ = 3;
    skip_space();
    if (at_end()) fail("the file holds no JSON value");
    json value = parse_value(0);
    skip_space();
    if (!at_end()) fail("more text follows the JSON value; a JSON file holds one value");
    return value;
  }

 private:
  bool at_end() const { return at_ >= text_.size(); }
  bool next_is(char c) const { return !at_end() && text_[at_] == c; }
  bool next_is_digit() const { return !at_end() && is_ascii_digit(text_[at_]); }

  void skip_space() {
    while (!at_end()) {
      char c = text_[at_];
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
      ++at_;
    }
  }

  SourcePosition position_of(std::size_t offset) const {
    SourcePosition position{1, 1};
    for (std::size_t i = 0; i < offset && i < text_.size(); ++i) {
      if (text_[i] == '\n') {
        ++position.line;
        position.column = 1;
      } else if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) {
        ++position.column;  // continuation bytes belong to the code point before them
      }
    }
    return position;
  }

  [[noreturn]] void fail_at(std::size_t offset, const std::string& problem) const {
    throw StrictJsonError(position_of(offset), problem);
  }
  [[noreturn]] void fail(const std::string& problem) const { fail_at(at_, problem); }

  json parse_value(std::size_t depth) {
    if (at_end()) fail("the JSON text ends where a value should be");
    switch (text_[at_]) {
      case '{':
        return parse_object(depth + 1);
      case '[':
        return parse_array(depth + 1);
      case '"':
        return parse_string();
      case 't':
        return literal("true", true);
      case 'f':
        return literal("false", false);
      case 'n':
        return literal("null", nullptr);
      default:
        if (text_[at_] == '-' || is_ascii_digit(text_[at_])) return parse_number();
        fail("expected a JSON value: an object, an array, a string, a number, true, false or null");
    }
  }

  json literal(std::string_view word, json value) {
    if (text_.substr(at_, word.size()) != word) {
      fail("expected a JSON value: an object, an array, a string, a number, true, false or null");
    }
    at_ += word.size();
    return value;
  }

  void check_depth(std::size_t depth) const {
    if (depth > limits_.max_depth) {
      fail(fmt::format(
          "arrays and objects nest more than {} levels deep here; aksc refuses the file",
          limits_.max_depth));
    }
  }

  json parse_object(std::size_t depth) {
    check_depth(depth);
    std::size_t open = at_++;
    json object = json::object();
    std::unordered_map<std::string, std::size_t> seen;  // lower-case key -> where it is written
    skip_space();
    if (next_is('}')) {
      ++at_;
      return object;
    }
    for (;;) {
      skip_space();
      if (!next_is('"')) {
        fail(at_end() ? unclosed("object", open) : "expected a key in double quotes");
      }
      std::size_t key_at = at_;
      std::string key = parse_string_text();
      auto [first, added] = seen.try_emplace(to_lower(key), key_at);
      if (!added) report_repeated_key(key, key_at, first->second);
      skip_space();
      if (!next_is(':')) fail(at_end() ? unclosed("object", open) : "expected ':' after the key");
      ++at_;
      skip_space();
      object.get_ref<json::object_t&>().emplace(std::move(key), parse_value(depth));
      skip_space();
      if (next_is(',')) {
        ++at_;
        continue;
      }
      if (next_is('}')) {
        ++at_;
        return object;
      }
      fail(at_end() ? unclosed("object", open) : "expected ',' or '}' after an object member");
    }
  }

  [[noreturn]] void report_repeated_key(const std::string& key, std::size_t at,
                                        std::size_t first_at) const {
    std::string first_key = json_key_at(first_at);
    SourcePosition first = position_of(first_at);
    std::string spelled = first_key == key
                              ? ""
                              : fmt::format(
                                    " (written '{}' there; keys compare case-insensitively, "
                                    "as Azure reads them)",
                                    printable_key(first_key));
    fail_at(at, fmt::format("key '{}' is repeated: it is first at line {}, column {}{}; readers "
                            "disagree on which value counts, so aksc uses neither",
                            printable_key(key), first.line, first.column, spelled));
  }

  // The key written at `offset` (which parsed once already).
  std::string json_key_at(std::size_t offset) const {
    Parser again(text_, limits_);
    again.at_ = offset;
    return again.parse_string_text();
  }

  std::string unclosed(const char* what, std::size_t open) const {
    SourcePosition position = position_of(open);
    return fmt::format("the JSON text ends inside the {} opened at line {}, column {}", what,
                       position.line, position.column);
  }

  json parse_array(std::size_t depth) {
    check_depth(depth);
    std::size_t open = at_++;
    json array = json::array();
    skip_space();
    if (next_is(']')) {
      ++at_;
      return array;
    }
    for (;;) {
      skip_space();
      if (at_end()) fail(unclosed("array", open));
      array.push_back(parse_value(depth));
      skip_space();
      if (next_is(',')) {
        ++at_;
        continue;
      }
      if (next_is(']')) {
        ++at_;
        return array;
      }
      fail(at_end() ? unclosed("array", open) : "expected ',' or ']' after an array item");
    }
  }

  json parse_string() { return parse_string_text(); }

  std::string parse_string_text() {
    std::size_t open = at_++;
    std::string out;
    for (;;) {
      if (at_end()) fail_at(open, "this string is not closed before the end of the file");
      unsigned char c = static_cast<unsigned char>(text_[at_]);
      if (c == '"') {
        ++at_;
        return out;
      }
      if (c < 0x20)
        fail(
            "a control character (a tab or a line break) inside a string; write it "
            "as an escape such as \\t or \\n");
      if (c == '\\') {
        parse_escape(out);
      } else if (c < 0x80) {
        out += static_cast<char>(c);
        ++at_;
      } else {
        std::size_t length = utf8_sequence_length(text_, at_);
        if (length == 0) fail("a byte that is not UTF-8; save the file as UTF-8");
        out.append(text_.substr(at_, length));
        at_ += length;
      }
    }
  }

  void parse_escape(std::string& out) {
    std::size_t escape_at = at_++;
    if (at_end()) fail_at(escape_at, "this string is not closed before the end of the file");
    char c = text_[at_++];
    switch (c) {
      case '"':
      case '\\':
      case '/':
        out += c;
        return;
      case 'b':
        out += '\b';
        return;
      case 'f':
        out += '\f';
        return;
      case 'n':
        out += '\n';
        return;
      case 'r':
        out += '\r';
        return;
      case 't':
        out += '\t';
        return;
      case 'u':
        break;
      default:
        fail_at(escape_at,
                "an unknown escape; JSON has \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX");
    }
    std::uint32_t unit = hex4(escape_at);
    if (unit >= 0xDC00 && unit <= 0xDFFF) fail_at(escape_at, "a lone UTF-16 low surrogate");
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      if (text_.substr(at_, 2) != "\\u") fail_at(escape_at, "a lone UTF-16 high surrogate");
      std::size_t low_at = at_;
      at_ += 2;
      std::uint32_t low = hex4(low_at);
      if (low < 0xDC00 || low > 0xDFFF) fail_at(escape_at, "a lone UTF-16 high surrogate");
      unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
    }
    append_utf8(out, static_cast<char32_t>(unit));
  }

  std::uint32_t hex4(std::size_t escape_at) {
    std::uint32_t value = 0;
    for (int i = 0; i < 4; ++i, ++at_) {
      char c = at_end() ? '\0' : text_[at_];
      std::uint32_t digit = c >= '0' && c <= '9'   ? static_cast<std::uint32_t>(c - '0')
                            : c >= 'a' && c <= 'f' ? static_cast<std::uint32_t>(c - 'a' + 10)
                            : c >= 'A' && c <= 'F' ? static_cast<std::uint32_t>(c - 'A' + 10)
                                                   : 16;
      if (digit == 16) fail_at(escape_at, "\\u needs four hexadecimal digits");
      value = value * 16 + digit;
    }
    return value;
  }

  json parse_number() {
    std::size_t start = at_;
    if (next_is('-')) ++at_;
    if (next_is('0')) {
      ++at_;
    } else if (next_is_digit()) {
      while (next_is_digit())
        ++at_;
    } else {
      fail("a number needs a digit here");
    }
    bool integer = true;
    if (next_is('.')) {
      integer = false;
      ++at_;
      if (!next_is_digit()) fail("a number needs a digit after its '.'");
      while (next_is_digit())
        ++at_;
    }
    if (next_is('e') || next_is('E')) {
      integer = false;
      ++at_;
      if (next_is('+') || next_is('-')) ++at_;
      if (!next_is_digit()) fail("a number needs a digit in its exponent");
      while (next_is_digit())
        ++at_;
    }
    const char* first = text_.data() + start;
    const char* last = text_.data() + at_;
    if (integer) {
      std::int64_t signed_value = 0;
      if (std::from_chars(first, last, signed_value).ec == std::errc()) return signed_value;
      std::uint64_t unsigned_value = 0;
      if (*first != '-' && std::from_chars(first, last, unsigned_value).ec == std::errc())
        return unsigned_value;
    }
    double value = 0;
    auto [end, error] = std::from_chars(first, last, value);
    if (error != std::errc() || end != last) {
      fail_at(start, "a number beyond what a double holds");
    }
    return value;
  }

  std::string_view text_;
  const StrictJsonLimits& limits_;
  std::size_t at_ = 0;
};

}  // namespace

StrictJsonError::StrictJsonError(SourcePosition where, const std::string& what)
    : std::runtime_error(fmt::format("line {}, column {}: {}", where.line, where.column, what)),
      position(where),
      problem(what) {}

json parse_strict_json(std::string_view text, const StrictJsonLimits& limits) {
  return Parser(text, limits).document();
}

std::string printable_key(std::string_view key) {
  constexpr std::size_t kMaxBytes = 64;
  std::string out;
  for (std::size_t i = 0; i < key.size(); ++i) {
    if (out.size() >= kMaxBytes) {
      // Cut before a continuation byte would split a code point.
      while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80)
        out.pop_back();
      if (!out.empty() && static_cast<unsigned char>(out.back()) >= 0xC0) out.pop_back();
      return out + "...";
    }
    unsigned char c = static_cast<unsigned char>(key[i]);
    if (c < 0x20 || c == 0x7F || c == '\'' || c == '\\') {
      out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace aksc
