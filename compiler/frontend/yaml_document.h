#pragma once

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "diag/source_range.h"
#include "support/string_hash.h"

namespace aksc {

/// Where a mapping entry's key and its value are written.
struct NodeLocation {
  SourceRange key;    ///< The key of the entry holding the node; unknown for the root and items.
  SourceRange value;  ///< The node itself.
  /// The node in the tree the loader built (not set for the root, which moves with the
  /// document); YamlDocument::find says when it may be used.
  const nlohmann::json* node = nullptr;
};

/// One YAML document as JSON, with scalars typed by the YAML 1.2 core schema (so that
/// `agent_count: "3"` stays a string and `version: 1.20` is a number), and the location of
/// every node by its JSON pointer.
struct YamlDocument {
  nlohmann::json root;
  /// By JSON pointer; "" is the root.
  std::unordered_map<std::string, NodeLocation, StringHash, std::equal_to<>> locations;
  SourceRange range;  ///< Where the document starts.
  /// The text of plain scalars that YAML typed as numbers or booleans ("1.20" for 1.2), so a
  /// message can quote what was written.
  std::unordered_map<std::string, std::string> plain_text;

  /// The node's value range; for a value written as nothing (`name:`), its key; for an unknown
  /// pointer, the nearest located ancestor.
  SourceRange locate(std::string_view pointer) const;
  /// What locate gives for a node's own location.
  static SourceRange range_of(const NodeLocation& location) {
    return location.value.known() ? location.value : location.key;
  }

  /// A node and its location, both found with one lookup of its pointer.
  struct Found {
    const nlohmann::json* node = nullptr;    ///< nullptr when the document has none there
    const NodeLocation* location = nullptr;  ///< nullptr when it has no location of its own
  };
  /// The node at a JSON pointer, as node_at finds it, with its location. The lowering reads
  /// forty fields of every spec: each is one lookup in `locations` rather than a walk from the
  /// root, in the tree the loader built. A copy of the document holds another tree, and the
  /// nodes inside an alias's value have no location, so those are found by walking. Assigning
  /// to a node (as canonicalize_enums does) leaves it where it is; adding or erasing members
  /// would not, and a document changed that way must not be read with find().
  Found find(std::string_view pointer) const;
  /// The root's members as the loader built them (see find): a copy of `root` has its own.
  const void* built_members = nullptr;
  /// The key range of a mapping entry, or its value range when it has no key.
  SourceRange locate_key(std::string_view pointer) const;
};

/// JSON pointers of a document's nodes found invalid, searchable with a view of a pointer.
using InvalidPointers = std::set<std::string, std::less<>>;

/// Appends a reference token to a JSON pointer, escaping '~' and '/' (RFC 6901).
std::string pointer_append(std::string_view pointer, std::string_view token);

/// The JSON pointer of a valijson error's context ("<root>", "[load_balancer]", "[0]"): its
/// bracketed parts, in order.
std::string pointer_from_context(const std::vector<std::string>& context);

/// Takes the first reference token off a non-empty JSON pointer, unescaped ("/a~1b/c" gives
/// "a/b" and leaves "/c"): a view of the pointer itself when the token holds no escape, else a
/// view of `scratch`, where it is unescaped. nullopt when `pointer` does not start with '/' or
/// the token holds a '~' not followed by 0 or 1.
std::optional<std::string_view> take_pointer_token(std::string_view& pointer, std::string& scratch);

/// The node of `root` at a JSON pointer (RFC 6901), or nullptr when there is none: what
/// nlohmann's contains() and operator[] with a json_pointer give, walked in place instead of
/// through a parsed pointer object (the lowering reads forty fields of every spec).
const nlohmann::json* node_at(const nlohmann::json& root, std::string_view pointer);

}  // namespace aksc
