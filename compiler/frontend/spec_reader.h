#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "frontend/yaml_document.h"
#include "ir/field.h"
#include "ir/spelling.h"

// What lower.cpp and lower_kubernetes.cpp share: typed reads of a spec document, and defaults.
namespace aksc::lowering {

using ir::Field;
using ir::Origin;

/// Reads typed fields from a document by JSON pointer, keeping their locations.
class Reader {
 public:
  Reader(const YamlDocument& document, const InvalidPointers& invalid)
      : document_(document), invalid_(invalid) {}

  const nlohmann::json* node(std::string_view pointer) const {
    return document_.find(pointer).node;
  }

  SourceRange key_range(std::string_view pointer) const { return document_.locate_key(pointer); }
  /// The key range of a node that is there; unknown when it is absent.
  SourceRange key_range_if_present(std::string_view pointer) const {
    return node(pointer) ? key_range(pointer) : SourceRange{};
  }

  template <typename T, typename Convert>
  Field<T> read(std::string_view pointer, Convert convert) const {
    Field<T> field;
    YamlDocument::Found found = document_.find(pointer);
    const nlohmann::json* value = found.node;
    if (!value) return field;
    field.range =
        found.location ? YamlDocument::range_of(*found.location) : document_.locate(pointer);
    if (value->is_null()) return field;
    std::optional<T> converted = invalid_.count(pointer) ? std::nullopt : convert(*value);
    field.origin = converted ? Origin::kWritten : Origin::kInvalid;
    if (converted) field.value = std::move(*converted);
    return field;
  }

  Field<std::string> text(std::string_view pointer) const {
    return read<std::string>(pointer, [](const nlohmann::json& v) -> std::optional<std::string> {
      if (!v.is_string()) return std::nullopt;
      return v.get<std::string>();
    });
  }
  Field<std::int64_t> integer(std::string_view pointer) const {
    return read<std::int64_t>(pointer, [](const nlohmann::json& v) -> std::optional<std::int64_t> {
      if (!v.is_number_integer()) return std::nullopt;
      return v.get<std::int64_t>();
    });
  }
  Field<bool> boolean(std::string_view pointer) const {
    return read<bool>(pointer, [](const nlohmann::json& v) -> std::optional<bool> {
      if (!v.is_boolean()) return std::nullopt;
      return v.get<bool>();
    });
  }
  /// A boolean as the Azure ML extension's settings also write it: the strings True and False.
  Field<bool> setting(std::string_view pointer) const {
    return read<bool>(pointer, [](const nlohmann::json& v) -> std::optional<bool> {
      if (v.is_boolean()) return v.get<bool>();
      if (!v.is_string()) return std::nullopt;
      return ir::parse_spelling<bool>(v.get_ref<const std::string&>());
    });
  }
  /// A Kubernetes quantity as written ("500m", "4Gi", "1e3"); a YAML integer becomes its decimal
  /// digits (0x10 gives "16") and any other YAML number the text it was written as.
  Field<std::string> quantity(std::string_view pointer) const {
    std::string written;
    if (auto plain = document_.plain_text.find(std::string(pointer));
        plain != document_.plain_text.end()) {
      written = plain->second;
    }
    return read<std::string>(pointer,
                             [&written](const nlohmann::json& v) -> std::optional<std::string> {
                               if (v.is_string()) return v.get<std::string>();
                               if (v.is_number_integer()) return v.dump();
                               if (v.is_number()) return written.empty() ? v.dump() : written;
                               return std::nullopt;
                             });
  }
  template <typename Enum>
  Field<Enum> enumeration(std::string_view pointer) const {
    return read<Enum>(pointer, [](const nlohmann::json& v) -> std::optional<Enum> {
      if (!v.is_string()) return std::nullopt;
      return ir::parse_spelling<Enum>(v.get_ref<const std::string&>());
    });
  }
  Field<std::vector<Field<std::string>>> text_list(std::string_view pointer) const {
    Field<std::vector<Field<std::string>>> field;
    const nlohmann::json* value = node(pointer);
    if (!value || value->is_null()) return field;
    field.range = document_.locate(pointer);
    if (!value->is_array() || invalid_.count(pointer)) {
      field.origin = Origin::kInvalid;
      return field;
    }
    field.origin = Origin::kWritten;
    for (std::size_t i = 0; i < value->size(); ++i) {
      field.value.push_back(text(pointer_append(pointer, std::to_string(i))));
    }
    return field;
  }
  Field<std::map<std::string, std::string>> text_map(std::string_view pointer) const {
    return read<std::map<std::string, std::string>>(
        pointer, [](const nlohmann::json& v) -> std::optional<std::map<std::string, std::string>> {
          if (!v.is_object()) return std::nullopt;
          std::map<std::string, std::string> result;
          for (const auto& [key, item] : v.items()) {
            if (!item.is_string()) return std::nullopt;
            result[key] = item.get<std::string>();
          }
          return result;
        });
  }

 private:
  const YamlDocument& document_;
  const InvalidPointers& invalid_;
};

/// Applies a default to an absent field; the range points at `where` (a parent key).
template <typename T>
void apply_default(Field<T>& field, T value, SourceRange where) {
  if (field.origin != Origin::kAbsent) return;
  field.value = std::move(value);
  field.origin = Origin::kDefaulted;
  if (!field.range.known()) field.range = where;
}

}  // namespace aksc::lowering
