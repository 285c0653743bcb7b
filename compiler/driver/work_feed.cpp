#include "driver/work_feed.h"

#include <algorithm>

namespace aksc {

WorkFeed::WorkFeed(unsigned jobs) : jobs_(std::max(1u, jobs)) {}

WorkFeed::~WorkFeed() {
  if (helpers_.empty()) return;
  {
    std::lock_guard lock(mutex_);
    failed_ = true;  // an exception is leaving the caller: start nothing more
  }
  close();
  for (std::thread& helper : helpers_)
    helper.join();
}

void WorkFeed::push(std::function<void()> task) {
  {
    std::lock_guard lock(mutex_);
    tasks_.push_back(std::move(task));
  }
  ++pushed_;
  // The caller takes one task when it finishes; each further task may have a thread of its own.
  if (helpers_.size() + 1 < jobs_ && pushed_ >= helpers_.size() + 2) {
    helpers_.emplace_back([this] { drain(); });
  } else {
    ready_.notify_one();
  }
}

void WorkFeed::close() {
  {
    std::lock_guard lock(mutex_);
    closed_ = true;
  }
  ready_.notify_all();
}

void WorkFeed::finish() {
  close();
  drain();
  for (std::thread& helper : helpers_)
    helper.join();
  helpers_.clear();
  if (first_error_) std::rethrow_exception(first_error_);
}

void WorkFeed::drain() {
  for (;;) {
    std::function<void()> task;
    {
      std::unique_lock lock(mutex_);
      ready_.wait(lock, [this] { return !tasks_.empty() || closed_; });
      if (tasks_.empty()) return;  // closed, and nothing left
      task = std::move(tasks_.front());
      tasks_.pop_front();
      if (failed_) continue;
    }
    try {
      task();
    } catch (...) {
      std::lock_guard lock(mutex_);
      if (!first_error_) first_error_ = std::current_exception();
      failed_ = true;
    }
  }
}

}  // namespace aksc
