#pragma once

#include <cstddef>
#include <functional>
#include <string_view>

namespace aksc {

/// Hashes std::string and std::string_view alike, so that a map keyed by strings can be
/// searched with a view (of a pointer being walked, say) without copying it into a string.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const {
    return std::hash<std::string_view>{}(text);
  }
};

}  // namespace aksc
