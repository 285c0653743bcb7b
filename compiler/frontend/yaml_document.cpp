#include "frontend/yaml_document.h"

namespace aksc {
namespace {

std::string_view parent_pointer(std::string_view pointer) {
  std::size_t slash = pointer.rfind('/');
  return slash == std::string_view::npos ? std::string_view() : pointer.substr(0, slash);
}

}  // namespace

SourceRange YamlDocument::locate(std::string_view pointer) const {
  for (std::string_view p = pointer;; p = parent_pointer(p)) {
    auto found = locations.find(std::string(p));
    if (found != locations.end()) {
      const NodeLocation& location = found->second;
      return location.value.known() ? location.value : location.key;
    }
    if (p.empty()) return range;
  }
}

SourceRange YamlDocument::locate_key(std::string_view pointer) const {
  auto found = locations.find(std::string(pointer));
  if (found != locations.end() && found->second.key.known()) return found->second.key;
  return locate(pointer);
}

std::string pointer_append(std::string_view pointer, std::string_view token) {
  std::string result(pointer);
  result += '/';
  for (char c : token) {
    if (c == '~') {
      result += "~0";
    } else if (c == '/') {
      result += "~1";
    } else {
      result += c;
    }
  }
  return result;
}

}  // namespace aksc
