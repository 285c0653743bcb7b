#pragma once

#include <cstddef>
#include <functional>

namespace aksc {

/// The number of threads to use when the user did not say: the hardware threads, at least 1.
unsigned default_jobs();

/// Calls `work(i)` for every i in [0, count) on up to `jobs` threads (the calling thread is one
/// of them), and returns when all calls have returned. Calls must not depend on each other's
/// order; results go into per-index slots so that the caller can merge them in index order. The
/// first exception thrown by a call is rethrown here, after the other threads have stopped.
void parallel_for(std::size_t count, unsigned jobs, const std::function<void(std::size_t)>& work);

}  // namespace aksc
