#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>

namespace aksc::fuzz {

/// Writes the fuzzer's input as spec.yaml in a private folder made once per process (beside an
/// aksc.yaml with an inventory, so that the whole-project rules run too) and returns its path.
std::filesystem::path write_input(const std::uint8_t* data, std::size_t size);

}  // namespace aksc::fuzz
