#pragma once

#include <memory>
#include <utility>
#include <vector>

namespace aksc {

/// Keeps `value` until the process ends, never freeing it, and returns it. For what a command
/// builds and uses to its last line (a lint's result): the kernel drops its pages at exit at
/// once, where freeing it block by block took 19–41 ms of a 10,000-spec lint on two threads
/// (docs/performance.md, "KubernetesCompute's bench targets"). What is kept stays reachable
/// from here, so Valgrind and LeakSanitizer count no leak.
template <typename T>
const T& keep_until_exit(T value) {
  static auto* kept = new std::vector<std::shared_ptr<const void>>();  // never destroyed
  auto held = std::make_shared<const T>(std::move(value));
  kept->push_back(held);
  return *held;
}

}  // namespace aksc
