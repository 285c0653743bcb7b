#pragma once

// What the build-time generators (tools/*.cpp) share: reading their inputs, writing C++
// literals, and replacing their output whole or not at all.

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>

namespace aksc::tools {

/// The bytes of `path`; throws std::runtime_error("cannot read").
inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read");
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// `text` as a C++ string literal: quotes and backslashes escaped, other bytes outside printable
/// ASCII as octal escapes (at most three digits, so a following digit is never absorbed).
inline std::string cpp_literal(std::string_view text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c >= 0x7f) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\%03o", c);
      out += escaped;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

/// Writes `text` to a temporary file beside `output` and renames it over `output`, so that a
/// failed run never leaves a half-written source for the build to compile. Returns an error
/// message, empty on success.
inline std::string write_whole(const std::filesystem::path& output, std::string_view text) {
  std::filesystem::path temporary = output;
  temporary += ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary);
    out << text;
    if (!out.flush()) return "cannot write " + temporary.string();
  }
  std::error_code error;
  std::filesystem::rename(temporary, output, error);
  if (error) return "cannot write " + output.string() + ": " + error.message();
  return {};
}

}  // namespace aksc::tools
