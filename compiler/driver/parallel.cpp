#include "driver/parallel.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace aksc {

unsigned default_jobs() {
  return std::max(1u, std::thread::hardware_concurrency());
}

void parallel_for(std::size_t count, unsigned jobs, const std::function<void(std::size_t)>& work) {
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr first_error;
  std::mutex error_mutex;
  // Items are handed out one at a time: files differ in size, so fixed slices would leave a
  // thread idle while another still has a long file.
  auto drain = [&] {
    for (std::size_t i; !failed && (i = next.fetch_add(1)) < count;) {
      try {
        work(i);
      } catch (...) {
        std::lock_guard lock(error_mutex);
        if (!first_error) first_error = std::current_exception();
        failed = true;
      }
    }
  };
  std::size_t threads = std::min<std::size_t>(std::max(1u, jobs), count);
  std::vector<std::thread> helpers;
  for (std::size_t t = 1; t < threads; ++t)
    helpers.emplace_back(drain);
  drain();
  for (std::thread& helper : helpers)
    helper.join();
  if (first_error) std::rethrow_exception(first_error);
}

}  // namespace aksc
