#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace aksc {

/// Tasks run by a pool of threads as they are found: the calling thread pushes them while it
/// looks for more (a walk listing a folder), up to `jobs - 1` helper threads start on them at
/// once, and once the caller has pushed the last it helps until none is left. A helper starts
/// only when there is a task for it: n tasks start at most n - 1 threads, so a run on one file
/// starts none. Tasks must not depend on each other's order: each writes to its own slot.
class WorkFeed {
 public:
  explicit WorkFeed(unsigned jobs);
  /// Stops the helpers (skipping the tasks not started) when finish was not reached.
  ~WorkFeed();
  WorkFeed(const WorkFeed&) = delete;
  WorkFeed& operator=(const WorkFeed&) = delete;

  void push(std::function<void()> task);
  /// Runs the tasks left on this thread too and returns once all have run; rethrows the first
  /// exception a task threw (the tasks after it are skipped).
  void finish();

 private:
  void drain();
  void close();

  unsigned jobs_;
  std::size_t pushed_ = 0;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> tasks_;
  bool closed_ = false;
  bool failed_ = false;
  std::exception_ptr first_error_;
  std::vector<std::thread> helpers_;
};

}  // namespace aksc
