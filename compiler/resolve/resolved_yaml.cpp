#include "resolve/resolved_yaml.h"

#include <cstdint>

#include <fmt/format.h>

#include "diag/text_util.h"

namespace aksc {
namespace {

bool plain_safe(const std::string& text) {
  if (text.empty() || text.size() > 200) return false;
  char first = text[0];
  if (!((first >= 'A' && first <= 'Z') || (first >= 'a' && first <= 'z') || first == '_'))
    return false;
  for (char c : text) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-' || c == '.' || c == '/';
    if (!ok) return false;
  }
  // Words that YAML 1.1 or 1.2 reads as booleans or null.
  for (const char* word : {"true", "false", "null", "yes", "no", "on", "off", "y", "n"})
    if (iequals(text, word)) return false;
  return true;
}

std::string yaml_scalar_text(const nlohmann::json& value) {
  if (!value.is_string()) return value.dump();
  const std::string& text = value.get_ref<const std::string&>();
  if (plain_safe(text)) return text;
  std::string out = "\"";
  for (std::size_t at = 0; at < text.size();) {
    char32_t c = next_code_point(text, at);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c >= 0x20 && c < 0x7F) {
      out += static_cast<char>(c);
    } else if (c <= 0xFFFF) {
      out += fmt::format("\\u{:04X}", static_cast<std::uint32_t>(c));
    } else {
      out += fmt::format("\\U{:08X}", static_cast<std::uint32_t>(c));
    }
  }
  return out + "\"";
}

std::string key_text(const std::string& key) {
  return yaml_scalar_text(nlohmann::json(key));
}

bool empty_collection(const nlohmann::json& value) {
  return value.is_structured() && value.empty();
}

void emit(std::string& out, const nlohmann::json& value, int indent);

// A member's value after "key:" or "-": inline when a scalar or empty, else on the next lines.
void emit_member_value(std::string& out, const nlohmann::json& value, int indent) {
  if (!value.is_structured()) {
    out += " " + yaml_scalar_text(value) + "\n";
  } else if (empty_collection(value)) {
    out += value.is_object() ? " {}\n" : " []\n";
  } else {
    out += "\n";
    emit(out, value, indent);
  }
}

void emit(std::string& out, const nlohmann::json& value, int indent) {
  std::string pad(static_cast<std::size_t>(indent), ' ');
  if (value.is_object()) {
    for (const auto& [key, member] : value.items()) {
      out += pad + key_text(key) + ":";
      emit_member_value(out, member, indent + 2);
    }
  } else if (value.is_array()) {
    for (const nlohmann::json& item : value) {
      if (item.is_object() && !item.empty()) {  // "- key: value", the other keys below it
        std::string members;
        emit(members, item, indent + 2);
        out += pad + "- " + members.substr(static_cast<std::size_t>(indent) + 2);
        continue;
      }
      out += pad + "-";
      emit_member_value(out, item, indent + 2);
    }
  } else {
    out += pad + yaml_scalar_text(value) + "\n";
  }
}

}  // namespace

std::string resolved_yaml(const nlohmann::json& value) {
  std::string out;
  if (empty_collection(value)) return value.is_object() ? "{}\n" : "[]\n";
  emit(out, value, 0);
  return out;
}

}  // namespace aksc
