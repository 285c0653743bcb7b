// Why aksc advises its own heap: a large lint holds every spec in fresh memory, and on the
// virtual machines it is measured on (and runs on in CI) the kernel's first touch of each 4 KiB
// page is a page fault, where a 2 MiB page takes one fault for 512 of them. At 10,000 specs
// that is about 12,500 faults without this heap and 1,000 to 1,400 with it (docs/performance.md).
// glibc's malloc asks for huge pages only when GLIBC_TUNABLES says glibc.malloc.hugetlb=1,
// which a program cannot set for itself. madvise(MADV_HUGEPAGE) is a hint: on a wrong address
// or a kernel without transparent huge pages it changes nothing, so nothing here can break a run.
//
// glibc's heaps: the main thread's grows with brk; every other thread's arena lives in a
// mapping of 64 MiB aligned to 64 MiB (HEAP_MAX_SIZE), reserved whole and opened as it fills.
#include "driver/huge_page_heap.h"

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <fstream>
#include <string>

namespace aksc {
namespace {

constexpr std::uintptr_t kArenaHeapSize = std::uintptr_t{64} << 20;
constexpr std::uintptr_t kHugePageSize = std::uintptr_t{2} << 20;
// The brk heap grows by this much beyond each request, so that it grows (and is advised) rarely.
constexpr int kMainHeapStep = 64 << 20;

std::atomic<bool> enabled{false};
std::uintptr_t main_heap_begin = 0;  // written before `enabled`, read after it

thread_local bool owns_main_heap = false;
thread_local std::uintptr_t advised_brk = 0;
thread_local std::uintptr_t advised_arena = 0;

void advise(std::uintptr_t begin, std::uintptr_t end) {
  if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
}

std::uintptr_t current_brk() {
  return reinterpret_cast<std::uintptr_t>(sbrk(0));
}

}  // namespace

bool kernel_offers_huge_pages() {
  std::ifstream in("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string modes;
  std::getline(in, modes);
  return modes.find("[madvise]") != std::string::npos ||
         modes.find("[always]") != std::string::npos;
}

void use_huge_page_heap() {
#ifdef AKSC_SANITIZE_BUILD
  return;  // the sanitizer's allocator owns the heap there, not glibc's malloc
#endif
  if (enabled || !kernel_offers_huge_pages()) return;
  mallopt(M_TOP_PAD, kMainHeapStep);
  // Large blocks (the walk's list of 10,000 files) from the advised heap, not from mappings of
  // their own, every page of which faults.
  mallopt(M_MMAP_THRESHOLD, kMainHeapStep / 2);
  // Grows the heap by a step now, so that the advice covers what the run allocates next.
  void* step = malloc(kMainHeapStep / 4);
  if (step == nullptr) return;
  main_heap_begin = reinterpret_cast<std::uintptr_t>(step) & ~(kHugePageSize - 1);
  owns_main_heap = true;
  enabled = true;
  keep_on_huge_pages(step);
  free(step);
}

void keep_on_huge_pages(const void* fresh_allocation) {
  if (!enabled.load(std::memory_order_relaxed)) return;
  auto address = reinterpret_cast<std::uintptr_t>(fresh_allocation);
  if (owns_main_heap) {
    // Each growth of brk makes a new mapping, which needs the advice again.
    std::uintptr_t brk = current_brk();
    if (address >= main_heap_begin && address < brk && brk != advised_brk) {
      advise(main_heap_begin, brk);
      advised_brk = brk;
    }
    return;  // the main thread's larger blocks are mappings of their own, not a heap
  }
  std::uintptr_t arena = address & ~(kArenaHeapSize - 1);
  if (arena == advised_arena) return;
  advise(arena, arena + kArenaHeapSize);
  advised_arena = arena;
}

}  // namespace aksc
