#include "fuzz_support.h"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <string>

namespace aksc::fuzz {
namespace fs = std::filesystem;

namespace {

// A folder under TMPDIR named after the process, removed when the process exits normally (a
// crash leaves it, with the input, for a look).
struct Folder {
  fs::path path = fs::temp_directory_path() / ("aksc-fuzz-" + std::to_string(getpid()));
  ~Folder() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
};

fs::path make_folder() {
  static const Folder made;
  const fs::path& folder = made.path;
  fs::create_directories(folder);
  std::ofstream(folder / "aksc.yaml") << "inventory: inventory.json\n";
  std::ofstream(folder / "inventory.json")
      << R"([{"workspace": "ml-ws", "name": "vision-dev", "location": "eastus",)"
      << R"( "vm_size": "Standard_D3_v2", "agent_count": 3}])"
      << "\n";
  return folder;
}

}  // namespace

fs::path write_input(const std::uint8_t* data, std::size_t size) {
  static const fs::path folder = make_folder();
  fs::path spec = folder / "spec.yaml";
  std::ofstream out(spec, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  if (!out.flush()) throw std::runtime_error("cannot write " + spec.string());
  return spec;
}

}  // namespace aksc::fuzz
