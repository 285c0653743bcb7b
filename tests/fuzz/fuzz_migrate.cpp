// libFuzzer target: any bytes as a spec file, through `aksc migrate -o out --partial`: lint, the
// mapping, the text edits, the in-memory check of the migrated spec and the atomic write below
// out/. aksc must neither crash nor trip a sanitizer.
#include <cstddef>
#include <cstdint>
#include <filesystem>

#include "driver/migrate.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::filesystem::path spec = aksc::fuzz::write_input(data, size);
  // -o mirrors paths relative to the current folder: run from the input's own.
  std::filesystem::current_path(spec.parent_path());
  aksc::MigrateRequest request;
  request.paths = {spec.filename().string()};
  request.out_dir = "out";
  request.partial = true;
  request.jobs = 1;
  aksc::run_migrate(request);
  return 0;
}
