#include "diag/neutralize.h"

#include <fmt/format.h>

#include "diag/finding.h"
#include "diag/text_util.h"

namespace aksc {
namespace {

// Length of the valid UTF-8 sequence (RFC 3629) at `text[at]`, or 0 when it is invalid.
std::size_t sequence_length(std::string_view text, std::size_t at) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char lead = byte(at);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned char min_second = 0x80, max_second = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) min_second = 0xA0;
    if (lead == 0xED) max_second = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) min_second = 0x90;
    if (lead == 0xF4) max_second = 0x8F;
  } else {
    return 0;
  }
  if (at + length > text.size()) return 0;
  if (byte(at + 1) < min_second || byte(at + 1) > max_second) return 0;
  for (std::size_t i = 2; i < length; ++i) {
    if ((byte(at + i) & 0xC0) != 0x80) return 0;
  }
  return length;
}

char32_t decode(std::string_view text, std::size_t at, std::size_t length) {
  auto byte = [&](std::size_t i) {
    return static_cast<char32_t>(static_cast<unsigned char>(text[i]));
  };
  char32_t code = byte(at) & (0x7F >> length);
  for (std::size_t i = 1; i < length; ++i)
    code = (code << 6) | (byte(at + i) & 0x3F);
  return code;
}

// C1 controls (a terminal reads U+009B as CSI), the line and paragraph separators, and every
// code point that embeds, overrides, isolates or marks a writing direction ("Trojan Source").
bool breaks_or_reorders(char32_t code) {
  return (code >= 0x80 && code <= 0x9F) || code == 0x061C || code == 0x200E || code == 0x200F ||
         (code >= 0x2028 && code <= 0x202E) || (code >= 0x2066 && code <= 0x2069);
}

// Whether a '[' appended now would complete `##[` (GitHub runner) or `##vso[` (Azure Pipelines
// agent): both look for these anywhere in a line, not only at its start.
bool ends_with_command_prefix(std::string_view shown) {
  if (shown.size() >= 2 && shown.substr(shown.size() - 2) == "##") return true;
  return shown.size() >= 5 && shown.substr(shown.size() - 5, 2) == "##" &&
         iequals(shown.substr(shown.size() - 3), "vso");
}

void append_hex(std::string& out, std::string_view escape, char32_t code, int digits) {
  constexpr char kDigits[] = "0123456789abcdef";
  out += escape;
  for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4)
    out += kDigits[(code >> shift) & 0xF];
}

}  // namespace

std::size_t append_neutralized_char(std::string& out, std::string_view text, std::size_t at) {
  unsigned char byte = static_cast<unsigned char>(text[at]);
  if (byte < 0x80) {
    if (byte == '\n') {
      out += "\\n";
    } else if (byte == '\r') {
      out += "\\r";
    } else if ((byte < 0x20 && byte != '\t') || byte == 0x7F) {
      append_hex(out, "\\x", byte, 2);
    } else if (byte == '[' && ends_with_command_prefix(out)) {
      append_hex(out, "\\x", byte, 2);
    } else {
      out += static_cast<char>(byte);
    }
    return at + 1;
  }
  std::size_t length = sequence_length(text, at);
  if (length == 0) {
    append_hex(out, "\\x", byte, 2);
    return at + 1;
  }
  char32_t code = decode(text, at, length);
  if (breaks_or_reorders(code)) {
    append_hex(out, "\\u", code, 4);
  } else {
    out.append(text.substr(at, length));
  }
  return at + length;
}

void append_neutralized(std::string& out, std::string_view text) {
  std::size_t at = 0;
  while (at < text.size()) {
    // Printable ASCII is its own text, appended a run at a time; '[' may complete an escape
    // sequence's introducer, so it goes the way of every other byte.
    std::size_t plain = at;
    while (plain < text.size()) {
      unsigned char byte = static_cast<unsigned char>(text[plain]);
      if (byte < 0x20 || byte >= 0x7F || byte == '[') break;
      ++plain;
    }
    out.append(text.substr(at, plain - at));
    at = plain < text.size() ? append_neutralized_char(out, text, plain) : plain;
  }
}

std::string neutralize(std::string_view text) {
  if (is_neutral(text)) return std::string(text);
  std::string out;
  out.reserve(text.size() + text.size() / 4);
  append_neutralized(out, text);
  return out;
}

std::string neutralize_lines(std::string_view text) {
  std::string out;
  while (!text.empty()) {
    std::size_t end = text.find('\n');
    append_neutralized(out, text.substr(0, end));
    if (end == std::string_view::npos) break;
    out += '\n';
    text.remove_prefix(end + 1);
  }
  return out;
}

bool is_neutral(std::string_view text) {
  for (std::size_t at = 0; at < text.size();) {
    unsigned char byte = static_cast<unsigned char>(text[at]);
    if (byte < 0x80) {
      if ((byte < 0x20 && byte != '\t') || byte == 0x7F) return false;
      if (byte == '[' && ends_with_command_prefix(text.substr(0, at))) return false;
      ++at;
      continue;
    }
    std::size_t length = sequence_length(text, at);
    if (length == 0 || breaks_or_reorders(decode(text, at, length))) return false;
    at += length;
  }
  return true;
}

std::string neutral_path(std::string_view path) {
  std::string shown = neutralize(path);
  if (shown.empty()) return shown;
  char first = shown.front();
  bool plain_start = (first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z') ||
                     (first >= '0' && first <= '9') || first == '.' || first == '_' ||
                     first == '-' || first == '/';
  return plain_start ? shown : "./" + shown;
}

std::string neutral_position(const Location& location) {
  const SourcePosition& begin = location.range.begin;
  if (!begin.known()) return neutral_path(location.file);
  return fmt::format("{}:{}:{}", neutral_path(location.file), begin.line, begin.column);
}

}  // namespace aksc
