#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/mark.h>

namespace aksc {

/// The events of one YAML document, recorded as yaml-cpp's parser gives them and replayed into
/// another handler afterwards. Why: a handler that builds a tree between the parser's steps
/// runs enough code of its own to push the parser's out of the instruction cache at every
/// event (cachegrind: 4.3 million first-level instruction misses over 1,000 specs, 2.5 million
/// with the events recorded first), and the parser is most of a run's time.
class RecordedEvents : public YAML::EventHandler {
 public:
  /// Thrown for an event beyond the limit given to clear().
  struct TooManyEvents {
    YAML::Mark mark;
  };

  /// Forgets the events, keeping the storage of a few thousand for the next document, and
  /// takes at most `max_events` more: beyond them the parser's next event throws
  /// TooManyEvents, which keeps a hostile file from filling memory with events.
  void clear(std::size_t max_events);
  std::size_t size() const { return count_; }

  /// Feeds the recorded events to `handler` in order, as the parser fed them.
  void replay(YAML::EventHandler& handler) const;

  void OnDocumentStart(const YAML::Mark& mark) override;
  void OnDocumentEnd() override;
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override;
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override;
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override;
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override;
  void OnSequenceEnd() override;
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override;
  void OnMapEnd() override;

 private:
  enum class Kind {
    kDocumentStart,
    kDocumentEnd,
    kNull,
    kAlias,
    kScalar,
    kSequenceStart,
    kSequenceEnd,
    kMapStart,
    kMapEnd
  };
  struct Event {
    Kind kind = Kind::kNull;
    YAML::Mark mark;
    YAML::anchor_t anchor = 0;
    YAML::EmitterStyle::value style = YAML::EmitterStyle::Default;
    std::string tag;
    std::string value;
  };

  // The next slot, reused from an earlier document where there is one: its strings keep their
  // storage.
  Event& add(Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor);

  std::vector<Event> events_;
  std::size_t count_ = 0;
  std::size_t max_events_ = 0;
};

}  // namespace aksc
