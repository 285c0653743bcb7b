#include "frontend/yaml_document.h"

#include <algorithm>

namespace aksc {
namespace {

std::string_view parent_pointer(std::string_view pointer) {
  std::size_t slash = pointer.rfind('/');
  return slash == std::string_view::npos ? std::string_view() : pointer.substr(0, slash);
}

}  // namespace

SourceRange YamlDocument::locate(std::string_view pointer) const {
  for (std::string_view p = pointer;; p = parent_pointer(p)) {
    auto found = locations.find(p);
    if (found != locations.end()) {
      return range_of(found->second);
    }
    if (p.empty()) return range;
  }
}

YamlDocument::Found YamlDocument::find(std::string_view pointer) const {
  auto found = locations.find(pointer);
  const NodeLocation* location = found == locations.end() ? nullptr : &found->second;
  if (pointer.empty()) return {&root, location};
  bool as_built = root.is_object() && built_members != nullptr &&
                  &root.get_ref<const nlohmann::json::object_t&>() == built_members;
  if (location && location->node && as_built) return {location->node, location};
  return {node_at(root, pointer), location};
}

SourceRange YamlDocument::locate_key(std::string_view pointer) const {
  auto found = locations.find(pointer);
  if (found != locations.end() && found->second.key.known()) return found->second.key;
  return locate(pointer);
}

std::optional<std::string_view> take_pointer_token(std::string_view& pointer,
                                                   std::string& scratch) {
  if (pointer.empty() || pointer.front() != '/') return std::nullopt;
  pointer.remove_prefix(1);
  std::size_t end = std::min(pointer.find('/'), pointer.size());
  std::string_view escaped = pointer.substr(0, end);
  pointer.remove_prefix(end);
  // Most tokens hold no escape: they are their own text, viewed in place instead of copied.
  if (escaped.find('~') == std::string_view::npos) return escaped;
  scratch.clear();
  for (std::size_t i = 0; i < escaped.size(); ++i) {
    if (escaped[i] != '~') {
      scratch += escaped[i];
    } else if (i + 1 < escaped.size() && (escaped[i + 1] == '0' || escaped[i + 1] == '1')) {
      scratch += escaped[++i] == '0' ? '~' : '/';
    } else {
      return std::nullopt;
    }
  }
  return std::string_view(scratch);
}

const nlohmann::json* node_at(const nlohmann::json& root, std::string_view pointer) {
  const nlohmann::json* node = &root;
  std::string scratch;
  while (!pointer.empty()) {
    std::optional<std::string_view> taken = take_pointer_token(pointer, scratch);
    if (!taken) return nullptr;
    std::string_view token = *taken;
    if (node->is_object()) {
      auto found = node->find(token);
      if (found == node->end()) return nullptr;
      node = &*found;
    } else if (node->is_array()) {
      // An index: digits without a leading zero ("-", past the end, is no node).
      bool digits = !token.empty() && std::all_of(token.begin(), token.end(),
                                                  [](char c) { return c >= '0' && c <= '9'; });
      if (!digits || (token.size() > 1 && token.front() == '0') || token.size() > 18) {
        return nullptr;
      }
      std::size_t index = 0;
      for (char c : token)
        index = index * 10 + static_cast<std::size_t>(c - '0');
      if (index >= node->size()) return nullptr;
      node = &(*node)[index];
    } else {
      return nullptr;
    }
  }
  return node;
}

std::string pointer_from_context(const std::vector<std::string>& context) {
  std::string pointer;
  for (const std::string& part : context) {
    if (part.size() >= 2 && part.front() == '[' && part.back() == ']')
      pointer = pointer_append(pointer, std::string_view(part).substr(1, part.size() - 2));
  }
  return pointer;
}

std::string pointer_append(std::string_view pointer, std::string_view token) {
  std::string result;
  result.reserve(pointer.size() + 1 + token.size());
  result += pointer;
  result += '/';
  // Runs of plain characters in one append: a key rarely holds '~' or '/'.
  while (!token.empty()) {
    std::size_t special = std::min(token.find_first_of("~/"), token.size());
    result += token.substr(0, special);
    if (special == token.size()) break;
    result += token[special] == '~' ? "~0" : "~1";
    token.remove_prefix(special + 1);
  }
  return result;
}

}  // namespace aksc
