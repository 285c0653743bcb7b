// visit_yaml_comments: the comments of a YAML text as yaml-cpp's scanner skips them, and no '#'
// that is part of a value.
#include <catch2/catch.hpp>

#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include "frontend/yaml_comments.h"

namespace {

// Every comment of `text`, in the order visit_yaml_comments finds them.
std::vector<aksc::YamlComment> find_yaml_comments(std::string_view text) {
  std::vector<aksc::YamlComment> comments;
  aksc::visit_yaml_comments(text,
                            [&](const aksc::YamlComment& comment) { comments.push_back(comment); });
  return comments;
}

// The text of each comment found, from its '#' to the end of its line.
std::vector<std::string> comments(const std::string& text) {
  std::vector<std::string> found;
  for (const aksc::YamlComment& comment : find_yaml_comments(text)) {
    std::size_t end = text.find_first_of("\r\n", comment.offset);
    found.push_back(text.substr(comment.offset, end - comment.offset));
  }
  return found;
}

using Texts = std::vector<std::string>;

// Everything yaml-cpp's parser reports of a text, positions included, or its error.
class EventLog : public YAML::EventHandler {
 public:
  std::ostringstream out;
  void OnDocumentStart(const YAML::Mark& mark) override { add("doc", mark); }
  void OnDocumentEnd() override { out << "end doc\n"; }
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    add("null &" + std::to_string(anchor), mark);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    add("alias *" + std::to_string(anchor), mark);
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    add("scalar " + tag + " &" + std::to_string(anchor) + " [" + value + "]", mark);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    add("seq " + tag + " &" + std::to_string(anchor), mark);
  }
  void OnSequenceEnd() override { out << "end seq\n"; }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    add("map " + tag + " &" + std::to_string(anchor), mark);
  }
  void OnMapEnd() override { out << "end map\n"; }
  void add(const std::string& what, const YAML::Mark& mark) {
    out << what << " at " << mark.pos << "\n";
  }
};

struct Parse {
  std::string events;
  bool complete = true;  // no error, and not the parser stuck on one place
};

Parse parse(const std::string& text) {
  std::istringstream in(text);
  EventLog log;
  Parse parse;
  try {
    YAML::Parser parser(in);
    for (int documents = 0; parser.HandleNextDocument(log);) {
      if (++documents > 40) {
        parse.complete = false;
        break;
      }
    }
  } catch (const YAML::Exception& error) {
    log.out << "error " << error.msg << " at " << error.mark.pos;
    parse.complete = false;
  }
  parse.events = log.out.str();
  return parse;
}

// Random YAML built to put '#' in every kind of place: comments at any indentation, plain
// scalars over several lines, quoted scalars over several lines with escapes, block scalars
// with their headers and content at various indentations, flow collections over lines, then
// sometimes one character inserted or removed.
class RandomYaml {
 public:
  explicit RandomYaml(std::mt19937& random) : random_(random) {}

  std::string make() {
    text_.clear();
    if (pick(4) == 0) text_ += "--- ";
    node(0, 0);
    if (pick(3) == 0) {
      text_ += "---\n";
      node(0, 0);
    }
    if (pick(2) == 0 && !text_.empty()) {
      std::size_t at = random_() % text_.size();
      if (pick(2) == 0) {
        text_.erase(at, 1);
      } else {
        text_.insert(at, 1, " #'\"\n:-[]{}"[pick(11)]);
      }
    }
    return text_;
  }

 private:
  int pick(int n) { return static_cast<int>(random_() % static_cast<unsigned>(n)); }
  std::string spaces(int n) { return std::string(static_cast<std::size_t>(n), ' '); }
  std::string hashed() {
    const char* words[] = {
        "# c", "#x", "a#b", " # d", "#", "x # y", "' #'", "\" #\"", "# aksc-ignore AKS102: r"};
    return words[pick(9)];
  }
  std::string word() {
    const char* words[] = {"a", "name", "x y", "v1", "-x", "a:b", "a'b", "q\"r", "?x", "a#b", ":x"};
    return words[pick(11)];
  }

  void scalar(int indent, bool in_flow) {
    switch (pick(in_flow ? 3 : 6)) {
      case 0:
        text_ += word();
        if (pick(3) == 0) text_ += " " + hashed();
        break;
      case 1:
        text_ += "\"" + word();
        for (int i = pick(3); i > 0; --i)
          text_ += std::string(pick(4) == 0 ? "\\" : "") + "\n" + spaces(pick(6)) + hashed();
        text_ += pick(5) == 0 ? "\\\"\"" : "\"";
        if (pick(3) == 0) text_ += " " + hashed();
        break;
      case 2:
        text_ += "'" + word();
        for (int i = pick(3); i > 0; --i)
          text_ += "\n" + spaces(pick(6)) + hashed() + (pick(3) == 0 ? "''" : "");
        text_ += "'";
        if (pick(3) == 0) text_ += " " + hashed();
        break;
      case 3: {
        const char* headers[] = {"|", ">", "|-", ">+", "|1", "|2", ">2-", "|+"};
        text_ += headers[pick(8)];
        if (pick(2) == 0) text_ += " " + hashed();
        text_ += "\n";
        int content = indent + 1 + pick(3);
        for (int i = 1 + pick(4); i > 0; --i) {
          if (pick(5) == 0) {
            text_ += "\n";
            continue;
          }
          text_ += spaces(pick(4) == 0 ? pick(content + 2) : content) +
                   (pick(2) == 0 ? hashed() : word()) + "\n";
        }
        return;
      }
      case 4:
        text_ += word();
        for (int i = 1 + pick(3); i > 0; --i)
          text_ += "\n" + spaces(pick(indent + 4)) + (pick(2) == 0 ? hashed() : word());
        break;
      case 5: {
        bool sequence = pick(2) == 0;
        text_ += sequence ? "[" : "{";
        for (int i = pick(4); i > 0; --i) {
          if (pick(3) == 0) {
            text_ += "\n" + spaces(pick(5));
            if (pick(3) == 0) text_ += "# in flow\n" + spaces(pick(5));
          }
          scalar(indent, true);
          if (pick(2) == 0) text_ += ": 1";
          text_ += ", ";
        }
        text_ += sequence ? "]" : "}";
        break;
      }
    }
    text_ += "\n";
  }

  void node(int indent, int depth) {
    int kind = depth > 3 ? 2 : pick(3);
    if (kind == 2) {
      text_ += spaces(indent);
      scalar(indent, false);
      return;
    }
    for (int i = 1 + pick(3); i > 0; --i) {
      if (pick(4) == 0)
        text_ += spaces(pick(indent + 3)) + "#" + (pick(2) ? " note # " : "c") + "\n";
      if (kind == 0) {
        text_ += spaces(indent) + word() + ":";
        if (pick(3) == 0) {
          text_ += pick(2) == 0 ? " " + hashed() + "\n" : "\n";
          node(indent + 1 + pick(3), depth + 1);
        } else {
          text_ += " ";
          scalar(indent, false);
        }
      } else {
        text_ += spaces(indent) + "- ";
        if (pick(3) == 0) {
          text_ += "\n";
          node(indent + 2, depth + 1);
        } else {
          scalar(indent, false);
        }
      }
    }
  }

  std::mt19937& random_;
  std::string text_;
};

}  // namespace

TEST_CASE("visit_yaml_comments: comments after values, on their own lines, after markers",
          "[yaml_comments]") {
  CHECK(comments("# top\na: 1  # one\n  # indented\nb: \"x\" # two\n--- # doc\n...  # end\n") ==
        Texts{"# top", "# one", "# indented", "# two", "# doc", "# end"});
}

TEST_CASE("visit_yaml_comments: a '#' in a block scalar is text, the header's comment is one",
          "[yaml_comments]") {
  std::string text =
      "description: | # header\n"
      "  first line\n"
      "  # aksc-ignore AKS102: inside the text\n"
      "    # more indented, still text\n"
      "\n"
      "  # after a blank line, still text\n"
      "# less indented: a comment again\n"
      "folded: >-\n"
      "   # the content's indentation is three\n"
      "  # two: the scalar ended\n";
  CHECK(comments(text) ==
        Texts{"# header", "# less indented: a comment again", "# two: the scalar ended"});
}

TEST_CASE("visit_yaml_comments: a block scalar's explicit indentation decides where it ends",
          "[yaml_comments]") {
  // `|2` under a key at column 0: the content is indented two; a one-space '#' ends it.
  CHECK(comments("a: |2\n    # four: text\n  # two: text\n # one: comment\n") ==
        Texts{"# one: comment"});
  // In a sequence under a key, the indentation counts from the enclosing collection.
  CHECK(comments("k:\n  - |\n   # three: text\n  # two: comment\n") == Texts{"# two: comment"});
}

TEST_CASE("visit_yaml_comments: quoted scalars over several lines hold their '#'",
          "[yaml_comments]") {
  std::string text =
      "a: \"first\n"
      "# aksc-ignore-file AKS102: text of a\n"
      "  \\\" # still text after an escaped quote\"\n"
      "b: 'it''s\n"
      "  # text of b'  # a comment\n"
      "c: \"x\\\n"
      "  # text after an escaped line break\"\n";
  CHECK(comments(text) == Texts{"# a comment"});
}

TEST_CASE("visit_yaml_comments: in plain scalars a '#' after a blank starts a comment",
          "[yaml_comments]") {
  CHECK(comments("a: x#y\nb: one\n  two#three\n  'four' # comment\nc: 5\n") == Texts{"# comment"});
  // A quote in a plain scalar's continuation line is text, not the start of a quoted scalar.
  CHECK(comments("a: one\n  \"two # comment\nb: \"three # text\"\n") == Texts{"# comment"});
}

TEST_CASE("visit_yaml_comments: flow collections over lines", "[yaml_comments]") {
  CHECK(comments("a: [x, # one\n  \"y # text\", {k: v # two\n  }]\n") == Texts{"# one", "# two"});
}

TEST_CASE("visit_yaml_comments: tags and anchors may hold '#'", "[yaml_comments]") {
  CHECK(comments("a: !t#x v\nb: &a#b w\nc: *a#b\n").empty());
}

TEST_CASE(
    "visit_yaml_comments: yaml-cpp skips a '#' right after a token, which YAML calls no comment",
    "[yaml_comments]") {
  std::vector<aksc::YamlComment> found = find_yaml_comments("a: \"x\"#one\nb: [y,#two\n]\n");
  REQUIRE(found.size() == 2);
  CHECK_FALSE(found[0].separated);
  CHECK_FALSE(found[1].separated);
  CHECK(find_yaml_comments("#a\n #b\n")[1].separated);
}

TEST_CASE("visit_yaml_comments: offsets count a byte order mark, and CR LF and CR end lines",
          "[yaml_comments]") {
  std::vector<aksc::YamlComment> found = find_yaml_comments("\xEF\xBB\xBF# a\r\nb: |\r  x\r# c\r");
  REQUIRE(found.size() == 2);
  CHECK(found[0].offset == 3);
  CHECK(found[1].offset == 17);
}

TEST_CASE("visit_yaml_comments stops where yaml-cpp's scanner fails", "[yaml_comments]") {
  // The parser reads nothing after an invalid escape or a mismatched bracket.
  CHECK(comments("# before\na: \"\\uD800\"\n# after\n") == Texts{"# before"});
  CHECK(comments("a: [x}\n# after\n").empty());
  CHECK(comments("a: \"never closed\n# inside\n").empty());
}

TEST_CASE("visit_yaml_comments agrees with yaml-cpp on random YAML", "[yaml_comments]") {
  // A '#' that starts or sits in a comment can have the rest of its line changed without
  // changing anything yaml-cpp reports; any other '#' is in a value, which the change changes.
  // Only texts that parse whole are compared: after an error the parser reads nothing.
  std::mt19937 random(20261207);
  RandomYaml generator(random);
  int checked = 0;
  int in_comments = 0;
  for (int i = 0; i < 3000; ++i) {
    std::string text = generator.make();
    Parse original = parse(text);
    if (!original.complete) continue;
    std::vector<bool> commented(text.size(), false);
    for (const aksc::YamlComment& comment : find_yaml_comments(text)) {
      for (std::size_t k = comment.offset; k < text.size() && text[k] != '\n' && text[k] != '\r';
           ++k) {
        commented[k] = true;
      }
    }
    for (std::size_t at = 0; at < text.size(); ++at) {
      if (text[at] != '#') continue;
      std::string changed = text;
      bool any = false;
      for (std::size_t k = at + 1; k < changed.size() && changed[k] != '\n' && changed[k] != '\r';
           ++k) {
        if (changed[k] != ' ' && changed[k] != '\t') {
          changed[k] = 'Z';
          any = true;
        }
      }
      if (!any) continue;
      bool unchanged = parse(changed).events == original.events;
      INFO("'#' at " << at << " of:\n" << text);
      CHECK(commented[at] == unchanged);
      ++checked;
      in_comments += commented[at] ? 1 : 0;
    }
  }
  // Both kinds were met, many times.
  CHECK(in_comments > 500);
  CHECK(checked - in_comments > 500);
}

TEST_CASE("visit_yaml_comments stops past the nesting load_yaml refuses", "[yaml_comments]") {
  // 64 levels load; at 65 load_yaml refuses the document, and the search stops with it, so a
  // hostile file of a million '[' or '- ' costs no memory per level.
  std::string deep_flow = "# before\n" + std::string(1'000'000, '[') + " # inside\n";
  CHECK(comments(deep_flow) == Texts{"# before"});
  std::string deep_block = "# before\n";
  for (int i = 0; i < 500'000; ++i)
    deep_block += "- ";
  CHECK(comments(deep_block + "x # inside\n") == Texts{"# before"});
  std::string allowed = std::string(64, '[') + " # inside\n" + std::string(64, ']') + "\n";
  CHECK(comments(allowed) == Texts{"# inside"});
}
