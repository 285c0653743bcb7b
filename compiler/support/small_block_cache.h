#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>

namespace aksc {

/// Freed small blocks of malloc's, kept by size for reuse. One per thread, in front of malloc
/// (cli/main_allocator.cpp): glibc's per-thread cache keeps 7 blocks of a size, and loading a
/// spec frees a tree of hundreds of blocks of a few sizes at once, which then went through
/// malloc's shared bins, merged and split again for the next spec.
///
/// A block is filed under the largest multiple of kGranule its capacity holds, and taken for
/// any request up to that multiple, so a block taken always holds the size asked for.
class SmallBlockCache {
 public:
  static constexpr std::size_t kGranule = 16;
  static constexpr std::size_t kLargest = 1024;  ///< Larger requests bypass the cache.
  /// Bytes kept per size class: at most 2,048 blocks of 16 bytes, 32 of 1,024.
  static constexpr std::size_t kBytesPerClass = 32 * 1024;

  /// `size` rounded up to its class: what to ask malloc for, so that the block fits its class.
  static constexpr std::size_t class_size(std::size_t size) {
    return size <= kGranule ? kGranule : (size + kGranule - 1) / kGranule * kGranule;
  }

  /// A cached block of at least `size` bytes (at most kLargest), or nullptr.
  void* take(std::size_t size) noexcept {
    std::size_t index = class_size(size) / kGranule;
    FreeBlock* block = heads_[index];
    if (block == nullptr) return nullptr;
    heads_[index] = block->next;
    --counts_[index];
    return block;
  }

  /// Keeps `block`, which holds `capacity` bytes. False when the cache has no room for it (too
  /// large, too small, or its class full): the caller frees it.
  bool keep(void* block, std::size_t capacity) noexcept {
    if (capacity > kLargest || capacity < kGranule) return false;
    std::size_t index = capacity / kGranule;
    if (counts_[index] >= kBytesPerClass / (index * kGranule)) return false;
    heads_[index] = new (block) FreeBlock{heads_[index]};
    ++counts_[index];
    return true;
  }

  /// Frees every cached block.
  void release() noexcept {
    for (std::size_t index = 0; index < heads_.size(); ++index) {
      while (FreeBlock* block = heads_[index]) {
        heads_[index] = block->next;
        std::free(block);
      }
      counts_[index] = 0;
    }
  }

  /// Blocks cached, for tests.
  std::size_t size() const noexcept {
    std::size_t total = 0;
    for (std::uint16_t count : counts_)
      total += count;
    return total;
  }

 private:
  struct FreeBlock {
    FreeBlock* next;
  };
  static constexpr std::size_t kClasses = kLargest / kGranule + 1;
  std::array<FreeBlock*, kClasses> heads_{};
  std::array<std::uint16_t, kClasses> counts_{};
};

}  // namespace aksc
