#include "support/small_block_cache.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <vector>

namespace {

using aksc::SmallBlockCache;

TEST_CASE("SmallBlockCache: sizes round up to their class of 16 bytes") {
  CHECK(SmallBlockCache::class_size(0) == 16);
  CHECK(SmallBlockCache::class_size(1) == 16);
  CHECK(SmallBlockCache::class_size(16) == 16);
  CHECK(SmallBlockCache::class_size(17) == 32);
  CHECK(SmallBlockCache::class_size(1024) == 1024);
}

TEST_CASE("SmallBlockCache: a kept block is taken again for a size it holds, last in first out") {
  SmallBlockCache cache;
  void* a = std::malloc(48);
  void* b = std::malloc(48);
  REQUIRE(cache.keep(a, 48));
  REQUIRE(cache.keep(b, 48));
  CHECK(cache.size() == 2);
  CHECK(cache.take(64) == nullptr);  // a larger class: none cached
  CHECK(cache.take(33) == b);        // 33 rounds up to 48
  CHECK(cache.take(48) == a);
  CHECK(cache.take(48) == nullptr);
  CHECK(cache.size() == 0);
  std::free(a);
  std::free(b);
}

TEST_CASE("SmallBlockCache: a block is filed under the class its whole capacity fills") {
  SmallBlockCache cache;
  void* block = std::malloc(40);
  REQUIRE(cache.keep(block, 40));    // holds 40: filed with the blocks of 32
  CHECK(cache.take(40) == nullptr);  // a request of 40 needs the class of 48
  CHECK(cache.take(32) == block);
  std::free(block);
}

TEST_CASE(
    "SmallBlockCache: blocks too large or too small, or beyond a class's budget, are refused") {
  SmallBlockCache cache;
  void* large = std::malloc(2048);
  CHECK_FALSE(cache.keep(large, 2048));
  CHECK_FALSE(cache.keep(large, 8));
  std::free(large);
  // 32 blocks of 1,024 bytes fill that class's 32 KiB.
  std::vector<void*> blocks;
  for (int i = 0; i < 33; ++i)
    blocks.push_back(std::malloc(1024));
  for (int i = 0; i < 32; ++i)
    CHECK(cache.keep(blocks[i], 1024));
  CHECK_FALSE(cache.keep(blocks[32], 1024));
  std::free(blocks[32]);
  CHECK(cache.size() == 32);
  cache.release();  // frees them all: LeakSanitizer, in the sanitizer build, checks that
  CHECK(cache.size() == 0);
  CHECK(cache.take(1024) == nullptr);
}

}  // namespace
