#include "migrate/text_edits.h"

#include <algorithm>
#include <stdexcept>

namespace aksc::migrate {

std::string apply_edits(std::string_view text, std::vector<TextEdit> edits) {
  std::stable_sort(edits.begin(), edits.end(), [](const TextEdit& a, const TextEdit& b) {
    return a.begin < b.begin || (a.begin == b.begin && a.end < b.end);
  });
  std::string result;
  result.reserve(text.size() + 256);
  std::size_t copied = 0;
  for (const TextEdit& edit : edits) {
    if (edit.begin < copied || edit.end < edit.begin || edit.end > text.size())
      throw std::logic_error("aksc migrate: overlapping or out-of-range text edits");
    result.append(text.substr(copied, edit.begin - copied));
    result += edit.text;
    copied = edit.end;
  }
  result.append(text.substr(copied));
  return result;
}

}  // namespace aksc::migrate
