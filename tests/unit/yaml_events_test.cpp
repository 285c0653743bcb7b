// RecordedEvents: yaml-cpp's events of a document, recorded and replayed unchanged.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include "frontend/yaml_events.h"

using aksc::RecordedEvents;

namespace {

// Writes each event as a line: what it is, where, and what it carries.
class EventLog : public YAML::EventHandler {
 public:
  std::vector<std::string> lines;

  void OnDocumentStart(const YAML::Mark& mark) override { add("doc", mark); }
  void OnDocumentEnd() override { lines.push_back("end doc"); }
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    add("null &" + std::to_string(anchor), mark);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    add("alias *" + std::to_string(anchor), mark);
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    add("scalar " + tag + " &" + std::to_string(anchor) + " '" + value + "'", mark);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    add("seq " + tag + " &" + std::to_string(anchor) + " style " + std::to_string(style), mark);
  }
  void OnSequenceEnd() override { lines.push_back("end seq"); }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    add("map " + tag + " &" + std::to_string(anchor) + " style " + std::to_string(style), mark);
  }
  void OnMapEnd() override { lines.push_back("end map"); }

 private:
  void add(const std::string& what, const YAML::Mark& mark) {
    lines.push_back(what + " at " + std::to_string(mark.pos) + " " + std::to_string(mark.line) +
                    ":" + std::to_string(mark.column));
  }
};

// The log of every document of `text` as the parser gives it.
std::vector<std::string> direct_log(const std::string& text) {
  std::istringstream in(text);
  YAML::Parser parser(in);
  EventLog log;
  while (parser.HandleNextDocument(log)) {
  }
  return log.lines;
}

// The same, each document recorded first (into one recorder, reused) and then replayed.
std::vector<std::string> replayed_log(const std::string& text, RecordedEvents& events) {
  std::istringstream in(text);
  YAML::Parser parser(in);
  EventLog log;
  for (;;) {
    events.clear(1000);
    if (!parser.HandleNextDocument(events)) break;
    events.replay(log);
  }
  return log.lines;
}

}  // namespace

TEST_CASE("RecordedEvents replays every kind of event as the parser gave it", "[yaml_events]") {
  const std::string text =
      "a: &x [1, 'two', !!str 3]\n"
      "b: *x\n"
      "c: {d: ~, e: !custom v}\n"
      "? f\n"
      "g:\n"
      "  - h: a long value that does not fit in a short string's own storage\n"
      "---\n"
      "- &y plain\n"
      "- *y\n"
      "--- last\n";
  RecordedEvents events;
  std::vector<std::string> direct = direct_log(text);
  REQUIRE(direct.size() > 30);
  CHECK(replayed_log(text, events) == direct);
}

TEST_CASE("RecordedEvents reuses its storage without mixing documents up", "[yaml_events]") {
  RecordedEvents events;
  const std::string long_first = "a: a value much longer than any short string holds in place\n";
  const std::string short_next = "b: c\n";
  CHECK(replayed_log(long_first, events) == direct_log(long_first));
  CHECK(replayed_log(short_next, events) == direct_log(short_next));
}

TEST_CASE("RecordedEvents throws at the event beyond its limit", "[yaml_events]") {
  RecordedEvents events;
  std::istringstream in("[a, b, c]\n");  // doc, seq, a, b, c, end seq, end doc
  YAML::Parser parser(in);
  events.clear(4);
  try {
    parser.HandleNextDocument(events);
    FAIL("no TooManyEvents");
  } catch (const RecordedEvents::TooManyEvents& too_many) {
    CHECK(events.size() == 4);
    CHECK(too_many.mark.column == 7);  // at c, the fifth event
  }
  std::istringstream again("[a, b, c]\n");
  YAML::Parser fits(again);
  events.clear(7);
  CHECK(fits.HandleNextDocument(events));
  CHECK(events.size() == 7);
}
