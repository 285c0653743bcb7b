#include "frontend/yaml_comments.h"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

namespace aksc {
namespace {

// The names below are yaml-cpp's (0.7, src/scanner.cpp, scantoken.cpp, scanscalar.cpp,
// simplekey.cpp, scantag.cpp), so that each step can be checked against the code it follows.
// What only shapes token values is left out; what decides where a token ends is kept, down to
// the potential simple keys, whose indentation decides where a plain or block scalar ends.

// yaml-cpp's scanner throws here: the parser reads nothing further.
struct ScannerFails {};

enum class ScalarEnd { kEndOfInput, kPlainInBlock, kPlainInFlow, kSingleQuote, kDoubleQuote };
enum class OnDocumentMarker { kNothing, kEndScalar, kFail };

// ScanScalarParams, less what only shapes the value.
struct ScalarScan {
  ScalarEnd end = ScalarEnd::kEndOfInput;
  bool eat_end = false;
  int indent = 0;
  bool detect_indent = false;
  bool eat_leading_blanks = false;
  char escape = 0;
  OnDocumentMarker on_document_marker = OnDocumentMarker::kNothing;
  bool tab_in_indentation_fails = false;
  bool ended_by_indentation = false;  // out: leadingSpaces
};

bool is_blank(char c) {
  return c == ' ' || c == '\t';
}
bool is_hex_digit(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool is_word(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
}
bool is_one_of(char c, std::string_view set) {
  return c != '\0' && set.find(c) != std::string_view::npos;
}

class CommentScanner {
 public:
  CommentScanner(std::string_view text, const std::function<void(const YamlComment&)>& visit,
                 std::size_t max_depth)
      : text_(text), visit_(visit), max_depth_(max_depth) {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = line_start_ = 3;  // the stream skips it
  }

  void run() {
    indents_.push_back({-1, IndentType::kNone, IndentStatus::kValid, 0});  // StartStream
    try {
      for (;;) {  // ScanNextToken
        scan_to_next_token();
        pop_indent_to_here();
        if (at_end() || too_deep()) break;
        scan_token();
      }
    } catch (const ScannerFails&) {
      // The parse stops here; what follows is no part of any value, nor a comment of it.
    }
  }

 private:
  enum class IndentType { kNone, kSequence, kMap };
  enum class IndentStatus { kValid, kInvalid, kUnknown };
  struct Indent {
    int column;
    IndentType type;
    IndentStatus status;
    std::uint64_t id;
  };
  struct SimpleKey {
    std::size_t line;
    std::size_t pos;
    std::size_t flow_level;
    std::size_t indent_index;  // where its indent was pushed, if it pushed one
    std::uint64_t indent_id;   // 0: none
  };

  // --- the stream ---------------------------------------------------------------------------

  bool at_end() const { return pos_ >= text_.size(); }
  char peek(std::size_t ahead = 0) const {
    return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
  }
  // Columns count bytes, as yaml-cpp's do.
  int column() const { return static_cast<int>(pos_ - line_start_); }
  void eat(std::size_t count = 1) {
    for (; count > 0 && !at_end(); --count) {
      char c = text_[pos_++];
      if (c == '\n' || (c == '\r' && peek() != '\n')) {
        ++line_;
        line_start_ = pos_;
      }
    }
  }

  // --- the patterns of exp.h, at pos_ + ahead -------------------------------------------------

  std::size_t break_length(std::size_t ahead = 0) const {
    char c = peek(ahead);
    if (c == '\n') return 1;
    if (c == '\r') return peek(ahead + 1) == '\n' ? 2 : 1;
    return 0;
  }
  bool is_break(std::size_t ahead = 0) const { return break_length(ahead) > 0; }
  bool is_blank_or_break(std::size_t ahead = 0) const {
    return is_blank(peek(ahead)) || is_break(ahead);
  }
  // DocumentMarkerSuffix: a blank, a break or the end of the input.
  bool ends_marker(std::size_t ahead) const {
    return pos_ + ahead >= text_.size() || is_blank_or_break(ahead);
  }
  bool document_marker() const {
    std::string_view rest = text_.substr(pos_, 3);
    return column() == 0 && (rest == "---" || rest == "...") && ends_marker(3);
  }
  bool block_entry() const { return peek() == '-' && ends_marker(1); }
  // CommentAfterBreak: a blank or a break, then '#'.
  int comment_after_blank() const {
    std::size_t length = is_blank(peek()) ? 1 : break_length();
    return length > 0 && peek(length) == '#' ? static_cast<int>(length + 1) : -1;
  }
  bool value_indicator() const {
    if (peek() != ':') return false;
    if (flow_level() == 0) return ends_marker(1);
    return can_be_json_flow_ || is_blank_or_break(1) || is_one_of(peek(1), ",]}");
  }
  bool plain_scalar_start() const {
    char c = peek();
    if (is_blank_or_break()) return false;
    if (flow_level() == 0) {
      if (is_one_of(c, ",[]{}#&*!|>'\"%@`")) return false;
      return !(is_one_of(c, "-?:") && ends_marker(1));
    }
    if (is_one_of(c, "?,[]{}#&*!|>'\"%@`")) return false;
    return !(is_one_of(c, "-:") && (pos_ + 1 >= text_.size() || is_blank(peek(1))));
  }
  // The length of `end` matched here, or -1.
  int scalar_end(ScalarEnd end) const {
    switch (end) {
      case ScalarEnd::kEndOfInput:
        return at_end() ? 0 : -1;
      case ScalarEnd::kSingleQuote:
        return peek() == '\'' && peek(1) != '\'' ? 1 : -1;
      case ScalarEnd::kDoubleQuote:
        return peek() == '"' ? 1 : -1;
      case ScalarEnd::kPlainInBlock:
        if (peek() == ':' && ends_marker(1)) return 1;
        return comment_after_blank();
      case ScalarEnd::kPlainInFlow:
        if (peek() == ':' && (ends_marker(1) || is_one_of(peek(1), ",]}"))) return 1;
        if (is_one_of(peek(), ",?[]{}")) return 1;
        return comment_after_blank();
    }
    return -1;
  }
  // Tag and Uri: a word character, one of their punctuation, or %HH.
  int tag_character(std::string_view punctuation) const {
    char c = peek();
    if (is_word(c) || is_one_of(c, punctuation)) return 1;
    return c == '%' && is_hex_digit(peek(1)) && is_hex_digit(peek(2)) ? 3 : -1;
  }
  int tag_length() const { return tag_character("#;/?:@&=+$_.~*'()"); }
  int uri_length() const { return tag_character("#;/?:@&=+$,_.!~*'()[]"); }

  // --- indentation and simple keys --------------------------------------------------------------

  std::size_t flow_level() const { return flows_.size(); }
  // Every open flow collection is a collection load_yaml counts; so is every block one, each
  // with an indent, of which at most two more are pending (a potential simple key's, an
  // invalid one not yet popped) besides the stream's own. Past these, load_yaml has refused.
  bool too_deep() const { return flows_.size() > max_depth_ || indents_.size() > max_depth_ + 3; }
  int top_indent() const { return indents_.back().column; }

  // PushIndentTo; returns where the indent went, or npos when none was pushed.
  std::size_t push_indent(int column, IndentType type) {
    if (flow_level() > 0) return std::string_view::npos;
    const Indent& last = indents_.back();
    if (column < last.column) return std::string_view::npos;
    if (column == last.column && !(type == IndentType::kSequence && last.type == IndentType::kMap))
      return std::string_view::npos;
    indents_.push_back({column, type, IndentStatus::kValid, ++last_indent_id_});
    return indents_.size() - 1;
  }
  void pop_indent() {
    IndentStatus status = indents_.back().status;
    indents_.pop_back();
    if (status != IndentStatus::kValid) invalidate_simple_key();
  }
  void pop_indent_to_here() {
    if (flow_level() > 0) return;
    while (!indents_.empty()) {
      const Indent& top = indents_.back();
      if (top.column < column()) break;
      if (top.column == column() && !(top.type == IndentType::kSequence && !block_entry())) break;
      pop_indent();
    }
    while (!indents_.empty() && indents_.back().status == IndentStatus::kInvalid)
      pop_indent();
  }
  void pop_all_indents() {
    if (flow_level() > 0) return;
    while (!indents_.empty() && indents_.back().type != IndentType::kNone)
      pop_indent();
  }

  bool exists_active_simple_key() const {
    return !keys_.empty() && keys_.back().flow_level == flow_level();
  }
  void insert_potential_simple_key() {
    if (!simple_key_allowed_ || exists_active_simple_key()) return;
    SimpleKey key{line_, pos_, flow_level(), 0, 0};
    if (flow_level() == 0) {
      std::size_t index = push_indent(column(), IndentType::kMap);
      if (index != std::string_view::npos) {
        indents_[index].status = IndentStatus::kUnknown;
        key.indent_index = index;
        key.indent_id = indents_[index].id;
      }
    }
    keys_.push_back(key);
  }
  // The key's indent, while it is on the stack (a popped one no longer matters).
  void settle_key_indent(const SimpleKey& key, IndentStatus status) {
    if (key.indent_id != 0 && key.indent_index < indents_.size() &&
        indents_[key.indent_index].id == key.indent_id) {
      indents_[key.indent_index].status = status;
    }
  }
  void invalidate_simple_key() {
    if (!exists_active_simple_key()) return;
    settle_key_indent(keys_.back(), IndentStatus::kInvalid);
    keys_.pop_back();
  }
  bool verify_simple_key() {
    if (!exists_active_simple_key()) return false;
    SimpleKey key = keys_.back();
    keys_.pop_back();
    bool valid = line_ == key.line && pos_ - key.pos <= 1024;
    settle_key_indent(key, valid ? IndentStatus::kValid : IndentStatus::kInvalid);
    return valid;
  }
  void pop_all_simple_keys() {
    for (; !keys_.empty(); keys_.pop_back()) {
      if (keys_.back().flow_level == 0) settle_key_indent(keys_.back(), IndentStatus::kInvalid);
    }
  }

  // --- tokens -----------------------------------------------------------------------------------

  void record_comment() {
    bool separated = pos_ == line_start_ || is_blank(text_[pos_ - 1]);
    visit_({pos_, separated});
  }
  void skip_comment() {
    record_comment();
    while (!at_end() && !is_break())
      eat();
  }

  void scan_to_next_token() {
    for (;;) {
      while (is_blank(peek())) {
        if (flow_level() == 0 && peek() == '\t') simple_key_allowed_ = false;
        eat();
      }
      if (peek() == '#') skip_comment();
      if (!is_break()) break;
      eat(break_length());
      invalidate_simple_key();
      if (flow_level() == 0) simple_key_allowed_ = true;
    }
  }

  void scan_token() {
    char c = peek();
    if (column() == 0 && c == '%') return scan_directive();
    if (document_marker()) return scan_document_marker();
    if (c == '[' || c == '{') return scan_flow_start();
    if (c == ']' || c == '}') return scan_flow_end();
    if (c == ',') return scan_flow_entry();
    if (block_entry()) return scan_block_entry();
    if (c == '?' && is_blank_or_break(1)) return scan_key();
    if (value_indicator()) return scan_value();
    if (c == '*' || c == '&') return scan_anchor_or_alias();
    if (c == '!') return scan_tag();
    if (flow_level() == 0 && (c == '|' || c == '>')) return scan_block_scalar();
    if (c == '\'' || c == '"') return scan_quoted_scalar();
    if (plain_scalar_start()) return scan_plain_scalar();
    throw ScannerFails{};
  }

  void scan_directive() {
    pop_all_indents();
    pop_all_simple_keys();
    simple_key_allowed_ = false;
    can_be_json_flow_ = false;
    eat();
    while (!at_end() && !is_blank_or_break())
      eat();
    for (;;) {  // parameters, up to a break or a comment
      while (is_blank(peek()))
        eat();
      if (at_end() || is_break() || peek() == '#') break;
      while (!at_end() && !is_blank_or_break())
        eat();
    }
  }

  void scan_document_marker() {
    pop_all_indents();
    pop_all_simple_keys();
    simple_key_allowed_ = false;
    can_be_json_flow_ = false;
    eat(3);
  }

  void scan_flow_start() {
    insert_potential_simple_key();
    simple_key_allowed_ = true;
    can_be_json_flow_ = false;
    flows_.push_back(peek());
    eat();
  }

  // A flow map's pending key gets its value; a flow sequence's is dropped.
  void settle_flow_key() {
    if (flows_.back() == '{') {
      verify_simple_key();
    } else {
      invalidate_simple_key();
    }
  }

  void scan_flow_end() {
    if (flow_level() == 0) throw ScannerFails{};
    settle_flow_key();
    simple_key_allowed_ = false;
    can_be_json_flow_ = true;
    char opening = peek() == ']' ? '[' : '{';
    eat();
    if (flows_.back() != opening) throw ScannerFails{};
    flows_.pop_back();
  }

  void scan_flow_entry() {
    if (flow_level() > 0) settle_flow_key();
    simple_key_allowed_ = true;
    can_be_json_flow_ = false;
    eat();
  }

  void scan_block_entry() {
    if (flow_level() > 0 || !simple_key_allowed_) throw ScannerFails{};
    push_indent(column(), IndentType::kSequence);
    simple_key_allowed_ = true;
    can_be_json_flow_ = false;
    eat();
  }

  void scan_key() {
    if (flow_level() == 0) {
      if (!simple_key_allowed_) throw ScannerFails{};
      push_indent(column(), IndentType::kMap);
    }
    simple_key_allowed_ = flow_level() == 0;
    eat();
  }

  void scan_value() {
    bool simple_key = verify_simple_key();
    can_be_json_flow_ = false;
    if (simple_key) {
      simple_key_allowed_ = false;
    } else {
      if (flow_level() == 0) {
        if (!simple_key_allowed_) throw ScannerFails{};
        push_indent(column(), IndentType::kMap);
      }
      simple_key_allowed_ = flow_level() == 0;
    }
    eat();
  }

  void scan_anchor_or_alias() {
    insert_potential_simple_key();
    simple_key_allowed_ = false;
    can_be_json_flow_ = false;
    eat();
    std::size_t name = pos_;
    while (!at_end() && !is_blank_or_break() && !is_one_of(peek(), "[]{},"))
      eat();
    if (pos_ == name) throw ScannerFails{};
    if (!at_end() && !is_blank_or_break() && !is_one_of(peek(), "?:,]}%@`")) throw ScannerFails{};
  }

  void scan_tag() {
    insert_potential_simple_key();
    simple_key_allowed_ = false;
    can_be_json_flow_ = false;
    eat();
    if (peek() == '<') {  // verbatim: !<uri>
      eat();
      while (!at_end()) {
        if (peek() == '>') return eat();
        int length = uri_length();
        if (length <= 0) break;
        eat(length);
      }
      throw ScannerFails{};
    }
    bool can_be_handle = true;  // ScanTagHandle
    while (!at_end()) {
      if (peek() == '!') {
        if (!can_be_handle) throw ScannerFails{};
        break;
      }
      int length = 0;
      if (can_be_handle) {
        length = is_word(peek()) ? 1 : -1;
        if (length <= 0) can_be_handle = false;
      }
      if (!can_be_handle) length = tag_length();
      if (length <= 0) break;
      eat(length);
    }
    if (can_be_handle && peek() == '!') {  // ScanTagSuffix
      eat();
      std::size_t suffix = pos_;
      for (int length = tag_length(); length > 0; length = tag_length())
        eat(length);
      if (pos_ == suffix) throw ScannerFails{};
    }
  }

  void scan_block_scalar() {
    ScalarScan scan;
    scan.indent = 1;
    scan.detect_indent = true;
    eat();  // '|' or '>'
    // Chomp: +digit, digit+, + or -, or a digit, the first that matches.
    std::size_t header = 0;
    auto chomping = [](char c) { return c == '+' || c == '-'; };
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    if ((chomping(peek()) && digit(peek(1))) || (digit(peek()) && chomping(peek(1)))) {
      header = 2;
    } else if (chomping(peek()) || digit(peek())) {
      header = 1;
    }
    for (; header > 0; --header) {
      if (digit(peek())) {
        if (peek() == '0') throw ScannerFails{};
        scan.indent = peek() - '0';
        scan.detect_indent = false;
      }
      eat();
    }
    while (is_blank(peek()))
      eat();
    if (peek() == '#') skip_comment();
    if (!at_end() && !is_break()) throw ScannerFails{};
    if (top_indent() >= 0) scan.indent += top_indent();
    scan.tab_in_indentation_fails = true;
    scan_scalar(scan);
    simple_key_allowed_ = true;
    can_be_json_flow_ = false;
  }

  void scan_quoted_scalar() {
    bool single = peek() == '\'';
    ScalarScan scan;
    scan.end = single ? ScalarEnd::kSingleQuote : ScalarEnd::kDoubleQuote;
    scan.eat_end = true;
    scan.escape = single ? '\'' : '\\';
    scan.eat_leading_blanks = true;
    scan.on_document_marker = OnDocumentMarker::kFail;
    insert_potential_simple_key();
    eat();  // the opening quote
    scan_scalar(scan);
    simple_key_allowed_ = false;
    can_be_json_flow_ = true;
  }

  void scan_plain_scalar() {
    ScalarScan scan;
    scan.end = flow_level() > 0 ? ScalarEnd::kPlainInFlow : ScalarEnd::kPlainInBlock;
    scan.indent = flow_level() > 0 ? 0 : top_indent() + 1;  // before the key's indent below
    scan.eat_leading_blanks = true;
    scan.on_document_marker = OnDocumentMarker::kEndScalar;
    scan.tab_in_indentation_fails = true;
    insert_potential_simple_key();
    scan_scalar(scan);
    simple_key_allowed_ = scan.ended_by_indentation;
    can_be_json_flow_ = false;
  }

  // Exp::Escape: the escape character and what it escapes.
  void scan_escape(char escape) {
    eat();
    if (at_end()) throw ScannerFails{};
    char c = peek();
    eat();
    if (escape == '\'') return;  // '' (a lone quote ends the scalar before this)
    if (is_one_of(c, "0abt\tnvfre \"'\\/N_LP")) return;
    int digits = c == 'x' ? 2 : c == 'u' ? 4 : c == 'U' ? 8 : 0;
    if (digits == 0) throw ScannerFails{};
    std::uint64_t value = 0;
    for (int i = 0; i < digits; ++i) {
      char hex = peek();
      if (at_end() || !is_hex_digit(hex)) throw ScannerFails{};
      value = value * 16 + static_cast<std::uint64_t>(hex <= '9'   ? hex - '0'
                                                      : hex <= 'F' ? hex - 'A' + 10
                                                                   : hex - 'a' + 10);
      eat();
    }
    if ((value >= 0xD800 && value <= 0xDFFF) || value > 0x10FFFF) throw ScannerFails{};
  }

  // ScanScalar: phase 1 to the line's end, phase 2 the break, phase 3 the next line's indent.
  void scan_scalar(ScalarScan& scan) {
    bool found_non_empty_line = false;
    scan.ended_by_indentation = false;
    while (!at_end()) {
      while (scalar_end(scan.end) < 0 && !is_break()) {
        if (at_end()) break;
        if (document_marker()) {
          if (scan.on_document_marker == OnDocumentMarker::kEndScalar) break;
          if (scan.on_document_marker == OnDocumentMarker::kFail) throw ScannerFails{};
        }
        found_non_empty_line = true;
        if (scan.escape == '\\' && peek() == '\\' && is_break(1)) {
          eat();  // an escaped line break: the break itself is eaten below
          break;
        }
        if (scan.escape != 0 && peek() == scan.escape) {
          scan_escape(scan.escape);
          continue;
        }
        eat();
      }
      if (at_end()) {
        if (scan.eat_end) throw ScannerFails{};
        break;
      }
      if (scan.on_document_marker == OnDocumentMarker::kEndScalar && document_marker()) break;
      if (int length = scalar_end(scan.end); length >= 0) {
        if (scan.eat_end) eat(static_cast<std::size_t>(length));
        break;
      }
      eat(break_length());
      while (peek() == ' ' &&
             (column() < scan.indent || (scan.detect_indent && !found_non_empty_line)) &&
             scalar_end(scan.end) < 0) {
        eat();
      }
      if (scan.detect_indent && !found_non_empty_line)
        scan.indent = std::max(scan.indent, column());
      while (is_blank(peek())) {
        if (peek() == '\t' && column() < scan.indent && scan.tab_in_indentation_fails)
          throw ScannerFails{};
        if (!scan.eat_leading_blanks || scalar_end(scan.end) >= 0) break;
        eat();
      }
      bool empty_line = is_break();
      if (!empty_line && column() < scan.indent) {
        scan.ended_by_indentation = true;
        break;
      }
    }
  }

  std::string_view text_;
  const std::function<void(const YamlComment&)>& visit_;
  std::size_t max_depth_;
  std::size_t pos_ = 0;
  std::size_t line_start_ = 0;
  std::size_t line_ = 0;
  std::vector<Indent> indents_;
  std::uint64_t last_indent_id_ = 0;
  std::vector<SimpleKey> keys_;
  std::vector<char> flows_;  // '[' or '{' per open flow collection
  bool simple_key_allowed_ = true;
  bool can_be_json_flow_ = false;
};

}  // namespace

void visit_yaml_comments(std::string_view text,
                         const std::function<void(const YamlComment&)>& visit,
                         std::size_t max_depth) {
  CommentScanner(text, visit, max_depth).run();
}

}  // namespace aksc
