// libFuzzer target: any bytes as a spec file, through `aksc build --check`: lint, the
// deployment intent and both back-ends (ARM template and parameters, deploy.sh), compared with
// an empty OUTDIR, so nothing is written. aksc must neither crash nor trip a sanitizer.
#include <cstddef>
#include <cstdint>

#include "driver/build.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::filesystem::path spec = aksc::fuzz::write_input(data, size);
  aksc::BuildRequest request;
  request.paths = {spec.string()};
  request.out_dir = spec.parent_path() / "out";
  request.check = true;
  request.jobs = 1;
  aksc::run_build(request);
  return 0;
}
