#include "frontend/read_source.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "frontend/input_error.h"

namespace aksc {

SourceFile read_source(const std::filesystem::path& path, const std::string& display_path) {
  std::error_code error;
  auto status = std::filesystem::status(path, error);
  if (error) throw InputError(display_path, "cannot read: " + error.message());
  if (std::filesystem::is_directory(status)) {
    throw InputError(display_path, "is a folder, not a file");
  }
  if (!std::filesystem::is_regular_file(status)) {
    throw InputError(display_path, "is not a regular file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(display_path, std::string("cannot read: ") + std::strerror(errno));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) throw InputError(display_path, std::string("read failed: ") + std::strerror(errno));
  return SourceFile(display_path, std::move(buffer).str());
}

}  // namespace aksc
