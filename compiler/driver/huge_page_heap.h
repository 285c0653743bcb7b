#pragma once

#include <cstddef>

namespace aksc {

/// Runs that name this many paths, or a folder (which may hold thousands of files), back their
/// heap with transparent huge pages from before the walk: the driver's may_hold_many_files.
/// What it saves is measured in docs/performance.md.
inline constexpr std::size_t kFilesWorthHugePages = 256;

/// Whether the kernel gives a process transparent huge pages when it asks for them:
/// /sys/kernel/mm/transparent_hugepage/enabled says "madvise" or "always".
bool kernel_offers_huge_pages();

/// From now on, asks the kernel to back this process's heap with transparent huge pages, when
/// it offers them, and takes blocks of up to 32 MiB from that heap. Call on the main thread;
/// calls after the first do nothing.
void use_huge_page_heap();

/// Keeps the heap that holds `fresh_allocation`, a small block the calling thread has just
/// allocated, on huge pages as it grows. Does nothing before use_huge_page_heap. Cheap enough
/// to call for every file.
void keep_on_huge_pages(const void* fresh_allocation);

}  // namespace aksc
