#include "driver/huge_page_heap.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

// The VmFlags line of the mapping that holds `address` in /proc/self/smaps ("" if none).
std::string vm_flags_at(const void* address) {
  auto wanted = reinterpret_cast<std::uintptr_t>(address);
  std::ifstream smaps("/proc/self/smaps");
  bool inside = false;
  for (std::string line; std::getline(smaps, line);) {
    std::uintptr_t begin = 0;
    std::uintptr_t end = 0;
    char dash = 0;
    std::istringstream fields(line);
    if (fields >> std::hex >> begin >> dash >> end && dash == '-') {
      inside = begin <= wanted && wanted < end;
    } else if (inside && line.rfind("VmFlags:", 0) == 0) {
      return line + " ";
    }
  }
  return "";
}

bool advised(const void* address) {
  return vm_flags_at(address).find(" hg ") != std::string::npos;
}

TEST_CASE("use_huge_page_heap advises the main heap and each thread's arena as they grow") {
#ifdef AKSC_SANITIZE_BUILD
  WARN(
      "skipped: in a sanitizer build the sanitizer's allocator owns the heap, not glibc's "
      "malloc, and aksc leaves it alone");
  return;
#endif
  if (!aksc::kernel_offers_huge_pages()) {
    WARN(
        "skipped: this kernel gives no transparent huge pages on request "
        "(/sys/kernel/mm/transparent_hugepage/enabled)");
    return;
  }
  aksc::use_huge_page_heap();
  // A block from the heap's top, where use_huge_page_heap grew it. (A small block may be one
  // freed before, below the advised part: once in about forty runs, as address randomisation
  // placed the heap's start.)
  auto first = std::make_unique<char[]>(4 << 20);
  aksc::keep_on_huge_pages(first.get());
  CHECK(advised(first.get()));
  // Past its first 64 MiB step the heap grows by a new mapping, advised at the next call.
  // (Blocks of 64 KiB come from the heap, not from mappings of their own; none is touched.)
  std::vector<void*> blocks;
  for (int i = 0; i < 1500; ++i)
    blocks.push_back(std::malloc(64 << 10));
  CHECK_FALSE(advised(blocks.back()));
  aksc::keep_on_huge_pages(blocks.back());
  CHECK(advised(blocks.back()));
  for (void* block : blocks)
    std::free(block);

  bool thread_advised = false;
  std::thread([&] {
    auto block = std::make_unique<char[]>(64);
    aksc::keep_on_huge_pages(block.get());
    thread_advised = advised(block.get());
  }).join();
  CHECK(thread_advised);
}

}  // namespace
