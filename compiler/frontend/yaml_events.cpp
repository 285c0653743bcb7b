#include "frontend/yaml_events.h"

namespace aksc {

void RecordedEvents::clear(std::size_t max_events) {
  constexpr std::size_t kKept = 4096;  // a spec has a few hundred events
  if (events_.size() > kKept) {
    events_.clear();
    events_.shrink_to_fit();
  }
  count_ = 0;
  max_events_ = max_events;
}

RecordedEvents::Event& RecordedEvents::add(Kind kind, const YAML::Mark& mark,
                                           YAML::anchor_t anchor) {
  if (count_ >= max_events_) throw TooManyEvents{mark};
  if (count_ == events_.size()) events_.emplace_back();
  Event& event = events_[count_++];
  event.kind = kind;
  event.mark = mark;
  event.anchor = anchor;
  return event;
}

void RecordedEvents::OnDocumentStart(const YAML::Mark& mark) {
  add(Kind::kDocumentStart, mark, 0);
}

void RecordedEvents::OnDocumentEnd() {
  add(Kind::kDocumentEnd, YAML::Mark::null_mark(), 0);
}

void RecordedEvents::OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) {
  add(Kind::kNull, mark, anchor);
}

void RecordedEvents::OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) {
  add(Kind::kAlias, mark, anchor);
}

void RecordedEvents::OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                              const std::string& value) {
  Event& event = add(Kind::kScalar, mark, anchor);
  event.tag = tag;
  event.value = value;
}

void RecordedEvents::OnSequenceStart(const YAML::Mark& mark, const std::string& tag,
                                     YAML::anchor_t anchor, YAML::EmitterStyle::value style) {
  Event& event = add(Kind::kSequenceStart, mark, anchor);
  event.tag = tag;
  event.style = style;
}

void RecordedEvents::OnSequenceEnd() {
  add(Kind::kSequenceEnd, YAML::Mark::null_mark(), 0);
}

void RecordedEvents::OnMapStart(const YAML::Mark& mark, const std::string& tag,
                                YAML::anchor_t anchor, YAML::EmitterStyle::value style) {
  Event& event = add(Kind::kMapStart, mark, anchor);
  event.tag = tag;
  event.style = style;
}

void RecordedEvents::OnMapEnd() {
  add(Kind::kMapEnd, YAML::Mark::null_mark(), 0);
}

void RecordedEvents::replay(YAML::EventHandler& handler) const {
  for (std::size_t i = 0; i < count_; ++i) {
    const Event& event = events_[i];
    switch (event.kind) {
      case Kind::kDocumentStart:
        handler.OnDocumentStart(event.mark);
        break;
      case Kind::kDocumentEnd:
        handler.OnDocumentEnd();
        break;
      case Kind::kNull:
        handler.OnNull(event.mark, event.anchor);
        break;
      case Kind::kAlias:
        handler.OnAlias(event.mark, event.anchor);
        break;
      case Kind::kScalar:
        handler.OnScalar(event.mark, event.tag, event.anchor, event.value);
        break;
      case Kind::kSequenceStart:
        handler.OnSequenceStart(event.mark, event.tag, event.anchor, event.style);
        break;
      case Kind::kSequenceEnd:
        handler.OnSequenceEnd();
        break;
      case Kind::kMapStart:
        handler.OnMapStart(event.mark, event.tag, event.anchor, event.style);
        break;
      case Kind::kMapEnd:
        handler.OnMapEnd();
        break;
    }
  }
}

}  // namespace aksc
