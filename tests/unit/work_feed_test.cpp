#include "driver/work_feed.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <future>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace {

using aksc::WorkFeed;

TEST_CASE("work feed: every task pushed runs once, on any number of threads") {
  for (unsigned jobs : {1u, 2u, 4u}) {
    INFO("jobs " << jobs);
    std::vector<int> runs(1000, 0);  // each task writes only its own slot
    WorkFeed feed(jobs);
    for (std::size_t i = 0; i < runs.size(); ++i)
      feed.push([&runs, i] { ++runs[i]; });
    feed.finish();
    CHECK(std::count(runs.begin(), runs.end(), 1) == static_cast<long>(runs.size()));
  }
}

TEST_CASE("work feed: helpers start on the first tasks while the caller is still pushing") {
  WorkFeed feed(2);
  std::promise<void> started;
  std::future<void> first = started.get_future();
  feed.push([&started] { started.set_value(); });
  feed.push([] {});  // a second task: now a helper has something to take
  // Before finish: only a helper can have run it.
  CHECK(first.wait_for(std::chrono::seconds(20)) == std::future_status::ready);
  feed.finish();
}

TEST_CASE("work feed: one task starts no thread and runs on the caller's") {
  WorkFeed feed(8);
  std::thread::id ran_on;
  feed.push([&ran_on] { ran_on = std::this_thread::get_id(); });
  feed.finish();
  CHECK(ran_on == std::this_thread::get_id());
}

TEST_CASE("work feed: finish rethrows the first exception, and the tasks after it are skipped") {
  WorkFeed feed(1);  // one thread: the order is the push order
  int after = 0;
  feed.push([] { throw std::runtime_error("first"); });
  feed.push([] { throw std::runtime_error("second"); });
  feed.push([&after] { ++after; });
  CHECK_THROWS_WITH(feed.finish(), "first");
  CHECK(after == 0);
}

TEST_CASE("work feed: leaving without finish (the caller threw) stops and joins the helpers") {
  std::atomic<int> ran{0};
  try {
    WorkFeed feed(4);
    for (int i = 0; i < 100; ++i) {
      feed.push([&ran] {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
        ++ran;
      });
    }
    throw std::runtime_error("walk failed");
  } catch (const std::runtime_error& error) {
    CHECK(std::string(error.what()) == "walk failed");
  }
  int when_left = ran;
  CHECK(when_left < 100);  // the tasks not started were skipped, not run to the end
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  CHECK(ran == when_left);  // no helper outlived the feed
}

}  // namespace
