// aksc's operator new and delete: malloc and free behind a per-thread SmallBlockCache (see
// support/small_block_cache.h for why). Linked into the aksc program only, never into a
// sanitizer build, whose own operator new finds misuse that a cache would hide.
//
// The array and nothrow forms reach these three through the standard library's definitions;
// the aligned forms use aligned_alloc and free and never come here.
#include <malloc.h>

#include <cstdlib>
#include <new>

#include "support/small_block_cache.h"

namespace {

using aksc::SmallBlockCache;

// Trivially destructible, so that it is usable up to the thread's last deallocation.
struct ThreadCache {
  SmallBlockCache blocks;
  bool registered = false;  // the releaser below exists for this thread
  bool released = false;    // the thread is ending: no more caching
};
thread_local ThreadCache thread_cache;

// Gives the thread's blocks back to malloc when the thread ends (the main thread's at exit,
// before the statics' destructors, whose blocks then go straight back to malloc).
struct Releaser {
  ~Releaser() {
    thread_cache.released = true;
    thread_cache.blocks.release();
  }
};
thread_local Releaser releaser;

void* allocate(std::size_t size) {
  for (;;) {
    if (void* block = std::malloc(size)) return block;
    std::new_handler handler = std::get_new_handler();
    if (handler == nullptr) throw std::bad_alloc();
    handler();
  }
}

void keep_or_free(void* block, std::size_t capacity) noexcept {
  ThreadCache& cache = thread_cache;
  if (!cache.released) {
    if (!cache.registered) {
      cache.registered = true;
      static_cast<void>(&releaser);  // constructs it, so that it runs at the thread's end
    }
    if (cache.blocks.keep(block, capacity)) return;
  }
  std::free(block);
}

}  // namespace

void* operator new(std::size_t size) {
  if (size > SmallBlockCache::kLargest) return allocate(size);
  if (void* block = thread_cache.blocks.take(size)) return block;
  return allocate(SmallBlockCache::class_size(size));
}

void operator delete(void* block) noexcept {
  if (block != nullptr) keep_or_free(block, malloc_usable_size(block));
}

// A block of a size up to kLargest came from its class or from malloc rounded up to it.
void operator delete(void* block, std::size_t size) noexcept {
  if (block == nullptr) return;
  if (size > SmallBlockCache::kLargest) {
    std::free(block);
    return;
  }
  keep_or_free(block, SmallBlockCache::class_size(size));
}
