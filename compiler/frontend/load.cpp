#include "frontend/load.h"

#include <deque>
#include <istream>
#include <memory>
#include <optional>
#include <streambuf>
#include <unordered_map>

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include "diag/text_util.h"
#include "frontend/bad_escape.h"
#include "frontend/utf8_check.h"
#include "frontend/yaml_events.h"
#include "frontend/yaml_scalar.h"

namespace aksc {
namespace {

// yaml-cpp's marks do not count a UTF-8 byte order mark; SourceFile offsets do.
std::size_t bom_length(std::string_view text) {
  return text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
}

// A scalar typed as a value: plain by the core schema, quoted as a string, or by its tag.
nlohmann::json type_scalar(const std::string& tag, const std::string& value) {
  if (tag == "?") return resolve_plain_scalar(value);
  if (tag == "!" || tag.empty()) return value;
  return resolve_tagged_scalar(tag, value);
}

std::string too_many_nodes_message(const LoadLimits& limits) {
  return fmt::format(
      "the document expands to more than {} nodes (aliases included); aksc "
      "refuses it to protect its memory",
      limits.max_nodes);
}

// The most events a document may have before the builder, counting its nodes, must have
// refused it: every event but a document's start and end is a node, the key of a node, or the
// end of a list or mapping (one per start, itself a node).
std::size_t max_events(const LoadLimits& limits) {
  return 3 * (limits.max_nodes + 1) + 2;
}

// Thrown inside the event handler for a document aksc refuses; becomes an AKS001 finding.
struct Refusal {
  YAML::Mark mark;
  std::string message;
};

// Builds a YamlDocument from yaml-cpp's events without recursion.
class DocumentBuilder : public YAML::EventHandler {
 public:
  DocumentBuilder(const SourceFile& source, FindingSink& sink, const LoadLimits& limits)
      : source_(source), sink_(sink), limits_(limits) {}

  YamlDocument take() {
    if (document_.root.is_object())
      document_.built_members = &document_.root.get_ref<const nlohmann::json::object_t&>();
    return std::move(document_);
  }

  void OnDocumentStart(const YAML::Mark& mark) override {
    document_ = YamlDocument();
    document_.locations.reserve(kLocationsExpected);
    document_.range = point(mark);
    node_count_ = 0;
    anchors_.clear();
    dropped_.clear();
    dropped_pointers_.clear();
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (expecting_key()) {  // `: value` or `{: value}`: an empty key
      set_key("", point(mark));
      return;
    }
    SourceRange range;
    std::string_view rest = std::string_view(source_.text()).substr(offset(mark));
    for (std::string_view word : {"~", "null", "Null", "NULL"}) {
      if (rest.substr(0, word.size()) == word) range = span(mark, word.size());
    }
    add_value(nullptr, range, mark, anchor, 1);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto found = anchors_.find(anchor);
    if (found == anchors_.end()) throw Refusal{mark, "unknown alias"};
    if (expecting_key()) {
      const nlohmann::json& key = found->second.value;
      if (key.is_structured()) throw Refusal{mark, kPlainKeyOnly};
      set_key(key.is_string() ? key.get<std::string>()
              : key.is_null() ? ""
                              : key.dump(),
              point(mark));
      return;
    }
    count_nodes(found->second.node_count, mark);  // before copying: no alias bomb gets built
    add_value(found->second.value, point(mark), mark, 0, 0);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    SourceRange range = scalar_range(mark, value);
    if (expecting_key()) {
      if (anchor != 0) anchors_[anchor] = {type_scalar(tag, value), 1};
      set_key(value, range);
      return;
    }
    nlohmann::json typed = type_scalar(tag, value);
    bool typed_from_text = tag == "?" && !typed.is_string() && !typed.is_null();
    Placed placed = add_value(std::move(typed), range, mark, anchor, 1);
    if (typed_from_text && !placed.dropped)
      document_.plain_text[std::string(placed.pointer)] = value;
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(nlohmann::json::array(), mark, anchor);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(nlohmann::json::object(), mark, anchor);
  }
  void OnMapEnd() override { close(); }

 private:
  // A value placed in the document. `node` stays valid while the value's collection is open:
  // nothing is added to a collection's parent before the collection closes.
  struct Placed {
    std::string_view pointer;  // filed by file_pointer: stays put while the document is built
    nlohmann::json* node;
    bool dropped = false;  // in the value of a repeated key: kept out of the document
  };
  struct Frame {
    std::string_view pointer;
    nlohmann::json* node = nullptr;
    YAML::anchor_t anchor = 0;
    std::size_t first_node = 0;  // node_count_ when the collection opened
    bool is_map = false;
    bool has_key = false;
    bool dropped = false;  // the value of a repeated key: built for aliases, then dropped
    std::string key;
    SourceRange key_range;
    // A list's items' locations, told where their nodes are once the list is whole: adding an
    // item may move the ones before it.
    std::vector<NodeLocation*> item_locations;
  };
  struct Anchored {
    nlohmann::json value;
    std::size_t node_count = 0;
  };

  // A spec has about a hundred nodes: room for them from the start, not seven rehashes.
  static constexpr std::size_t kLocationsExpected = 128;
  static constexpr const char* kPlainKeyOnly =
      "a mapping key must be a plain value, not a list or a mapping";

  bool expecting_key() const {
    return !frames_.empty() && frames_.back().is_map && !frames_.back().has_key;
  }

  void set_key(std::string key, SourceRange range) {
    Frame& frame = frames_.back();
    frame.key = std::move(key);
    frame.key_range = range;
    frame.has_key = true;
  }

  std::size_t offset(const YAML::Mark& mark) const {
    if (mark.pos < 0) return 0;
    return std::min(static_cast<std::size_t>(mark.pos) + bom_, source_.text().size());
  }
  SourceRange point(const YAML::Mark& mark) const {
    SourcePosition begin = source_.position_of(offset(mark), line_hint_);
    return {begin, {begin.line, begin.column + 1}};
  }
  SourceRange span(const YAML::Mark& mark, std::size_t bytes) const {
    return span_from(offset(mark), bytes);
  }
  SourceRange span_from(std::size_t begin, std::size_t bytes) const {
    SourcePosition first = source_.position_of(begin, line_hint_);
    return {first, source_.position_of(begin + bytes, line_hint_)};
  }

  // The written extent of a scalar: up to the closing quote, or the plain text on its line.
  SourceRange scalar_range(const YAML::Mark& mark, const std::string& value) const {
    std::string_view text = source_.text();
    std::size_t begin = offset(mark);
    // The mark is at the node's anchor or tag (`&a 3`, `!!str 3`), when it has one.
    while (begin < text.size() && (text[begin] == '&' || text[begin] == '!')) {
      std::size_t blank = text.find_first_of(" \t\r\n", begin);
      if (blank == std::string_view::npos) break;
      begin = text.find_first_not_of(" \t", blank);
    }
    if (begin >= text.size() || text[begin] == '\n' || text[begin] == '\r') return point(mark);
    char quote = text[begin];
    if (quote == '"' || quote == '\'') {
      for (std::size_t i = begin + 1; i < text.size(); ++i) {
        if (quote == '"' && text[i] == '\\') {
          ++i;
        } else if (text[i] == quote) {
          if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
            ++i;
          } else {
            return span_from(begin, i + 1 - begin);
          }
        }
      }
      // yaml-cpp reads an unclosed quote to the end of the file, swallowing the keys after it.
      throw Refusal{mark, "this quoted string is not closed: it runs to the end of the file"};
    }
    if (!value.empty() && text.substr(begin, value.size()) == value)
      return span_from(begin, value.size());
    std::size_t line_end = text.find('\n', begin);
    if (line_end == std::string_view::npos) line_end = text.size();
    std::string_view rest = trim(text.substr(begin, line_end - begin));
    return span_from(begin, std::max<std::size_t>(rest.size(), 1));
  }

  void count_nodes(std::size_t count, const YAML::Mark& mark) {
    node_count_ += count;
    if (node_count_ > limits_.max_nodes) throw Refusal{mark, too_many_nodes_message(limits_)};
  }

  // Places a finished value in its parent (or as the root) and records its location. The value
  // of a repeated key goes to a scratch copy instead, with everything inside it: kept out of the
  // document, but there for an alias to an anchor written in it.
  Placed add_value(nlohmann::json value, SourceRange range, const YAML::Mark& mark,
                   YAML::anchor_t anchor, std::size_t node_count) {
    count_nodes(node_count, mark);
    if (anchor != 0) anchors_[anchor] = {value, node_count};
    if (frames_.empty()) {
      document_.root = std::move(value);
      return Placed{file_pointer("", false, {{}, range}).first, &document_.root};
    }
    Frame& parent = frames_.back();
    nlohmann::json& collection = *parent.node;
    if (parent.is_map) {
      parent.has_key = false;
      std::string pointer = pointer_append(parent.pointer, parent.key);
      // try_emplace takes the key only when it adds it: a repeated key stays for the message.
      auto [slot, added] =
          collection.get_ref<nlohmann::json::object_t&>().try_emplace(std::move(parent.key));
      if (!added) {
        if (!parent.dropped) report_duplicate(parent, pointer);
        dropped_.push_back(std::make_unique<nlohmann::json>(std::move(value)));
        return Placed{file_pointer(std::move(pointer), true, {}).first, dropped_.back().get(),
                      true};
      }
      slot->second = std::move(value);
      std::string_view filed =
          file_pointer(std::move(pointer), parent.dropped, {parent.key_range, range, &slot->second})
              .first;
      return Placed{filed, &slot->second, parent.dropped};
    }
    std::string pointer = pointer_append(parent.pointer, std::to_string(collection.size()));
    collection.push_back(std::move(value));
    auto [filed, location] = file_pointer(std::move(pointer), parent.dropped, {{}, range});
    parent.item_locations.push_back(location);
    return Placed{filed, &collection.back(), parent.dropped};
  }

  // Keeps a placed node's pointer where it stays put while the document is built: as the key
  // of its location (moved there, not copied), or for a node kept out of the document, aside
  // (with no location: nullptr).
  std::pair<std::string_view, NodeLocation*> file_pointer(std::string pointer, bool dropped,
                                                          NodeLocation location) {
    if (dropped) return {dropped_pointers_.emplace_back(std::move(pointer)), nullptr};
    auto [entry, added] = document_.locations.try_emplace(std::move(pointer), location);
    if (!added) entry->second = location;
    return {entry->first, &entry->second};
  }

  void report_duplicate(const Frame& parent, const std::string& pointer) {
    SourceRange first = document_.locations[pointer].key;
    Finding& finding =
        sink_.report("AKS003", source_.path(), parent.key_range,
                     fmt::format("key '{}' is repeated; its first value (line {}) is the one used",
                                 parent.key, first.begin.line),
                     "remove one of the two entries; YAML parsers keep only one of them silently");
    finding.related.push_back({{source_.path(), first}, "first written here"});
  }

  void open(nlohmann::json empty, const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (expecting_key()) throw Refusal{mark, kPlainKeyOnly};
    if (frames_.size() >= limits_.max_depth) {
      throw Refusal{mark, fmt::format("lists and mappings nest more than {} levels deep here; "
                                      "aksc refuses the document",
                                      limits_.max_depth)};
    }
    Frame frame;
    frame.is_map = empty.is_object();
    frame.anchor = anchor;
    frame.first_node = node_count_;
    Placed placed = add_value(std::move(empty), point(mark), mark, 0, 1);
    frame.pointer = placed.pointer;
    frame.node = placed.node;
    frame.dropped = placed.dropped;
    frames_.push_back(std::move(frame));
  }

  void close() {
    Frame frame = std::move(frames_.back());
    frames_.pop_back();
    for (std::size_t i = 0; i < frame.item_locations.size(); ++i) {
      if (frame.item_locations[i]) frame.item_locations[i]->node = &(*frame.node)[i];
    }
    if (frame.anchor != 0) anchors_[frame.anchor] = {*frame.node, node_count_ - frame.first_node};
  }

  const SourceFile& source_;
  FindingSink& sink_;
  const LoadLimits& limits_;
  const std::size_t bom_ = bom_length(source_.text());
  YamlDocument document_;
  std::vector<Frame> frames_;
  std::unordered_map<YAML::anchor_t, Anchored> anchors_;
  std::vector<std::unique_ptr<nlohmann::json>> dropped_;  // values of repeated keys
  std::deque<std::string> dropped_pointers_;              // and the pointers of their nodes
  std::size_t node_count_ = 0;
  mutable int line_hint_ = 0;  // where the last mark was: the next is usually near it
};

// Lets yaml-cpp read the file's text where it is, rather than from a copy in a stringstream.
class TextStreamBuffer : public std::streambuf {
 public:
  explicit TextStreamBuffer(const std::string& text) {
    char* begin = const_cast<char*>(text.data());  // the get area is only read
    setg(begin, begin, begin + text.size());
  }
};

SourceRange position_range(const SourceFile& source, const YAML::Mark& mark) {
  if (mark.is_null() || mark.pos < 0) return {{1, 1}, {1, 2}};
  std::size_t offset = static_cast<std::size_t>(mark.pos) + bom_length(source.text());
  SourcePosition begin = source.position_of(offset);
  return {begin, {begin.line, begin.column + 1}};
}

// A parser error, at the escape that caused it when it is one that names no character.
void report_syntax_error(const SourceFile& source, const YAML::Exception& error,
                         FindingSink& sink) {
  std::string_view message = error.msg;
  if (!error.mark.is_null() && error.mark.pos >= 0 &&
      message.substr(0, std::string_view(YAML::ErrorMsg::INVALID_UNICODE).size()) ==
          YAML::ErrorMsg::INVALID_UNICODE) {
    std::size_t after = static_cast<std::size_t>(error.mark.pos) + bom_length(source.text());
    if (std::optional<BadEscape> escape = find_bad_escape(source.text(), after)) {
      sink.report("AKS001", source.path(),
                  {source.position_of(escape->begin), source.position_of(escape->end)},
                  escape->message, escape->help);
      return;
    }
  }
  sink.report("AKS001", source.path(), position_range(source, error.mark),
              "YAML syntax error: " + error.msg, "fix the YAML syntax at this position");
}

}  // namespace

std::vector<YamlDocument> load_yaml(const SourceFile& source, FindingSink& sink,
                                    const LoadLimits& limits) {
  std::vector<YamlDocument> documents;
  if (auto bad = find_non_text_byte(source.text())) {
    SourcePosition begin = source.position_of(bad->offset);
    sink.report("AKS001", source.path(), {begin, {begin.line, begin.column + 1}}, bad->message,
                "save the file as UTF-8 text; aksc reads YAML only");
    return documents;
  }
  TextStreamBuffer buffer(source.text());
  std::istream stream(&buffer);
  YAML::Parser parser(stream);
  DocumentBuilder builder(source, sink, limits);
  // Each document is parsed whole into events, then built (yaml_events.h says why), with the
  // same outcome as building it event by event: when the parser fails or the events run over,
  // the events before are built first, and a refusal among them is what gets reported.
  thread_local RecordedEvents events;
  try {
    for (;;) {
      events.clear(max_events(limits));
      bool parsed = false;
      try {
        parsed = parser.HandleNextDocument(events);
      } catch (...) {
        events.replay(builder);
        throw;
      }
      if (!parsed) break;
      events.replay(builder);
      YamlDocument document = builder.take();
      // On a token it cannot place at the top level (a ',' there), yaml-cpp hands back the same
      // empty document at the same place for ever: a document starting where the last one did
      // means the parser is stuck, which is a syntax error there, not a file of endless documents.
      if (!documents.empty() && document.range == documents.back().range) {
        sink.report("AKS001", source.path(), document.range,
                    "YAML syntax error: the parser cannot go on from here",
                    "fix the YAML syntax at this position");
        break;
      }
      documents.push_back(std::move(document));
    }
  } catch (const YAML::Exception& error) {
    report_syntax_error(source, error, sink);
  } catch (const Refusal& refusal) {
    sink.report("AKS001", source.path(), position_range(source, refusal.mark), refusal.message);
  } catch (const RecordedEvents::TooManyEvents& too_many) {
    // Not reached: so many events hold more nodes than the builder takes (max_events).
    sink.report("AKS001", source.path(), position_range(source, too_many.mark),
                too_many_nodes_message(limits));
  }
  return documents;
}

}  // namespace aksc
