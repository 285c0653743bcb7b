#pragma once
// The bad-input tests lint an ordinary file beside the bad one, to show that the run went on.

#include <string>

#include <catch2/catch.hpp>

#include "../support/process.h"
#include "spec_text.h"

namespace aksc::test {

/// Writes other.yaml: a spec whose only finding is its one-character name.
inline void write_other(const TempDir& dir) {
  dir.write("other.yaml", create_spec("x"));
}

/// Whether `result` holds other.yaml's finding, that is, the run linted it.
inline bool other_linted(const ProcessResult& result) {
  return result.out.find("other.yaml:3:7: error: compute name 'x' is 1 characters long") !=
         std::string::npos;
}

/// Checks that `name` in `dir`, a FIFO, socket or device beside other.yaml, is never opened:
/// named on the command line it is an input error (exit 2), in a walked folder it is skipped,
/// and either way other.yaml is still linted.
inline void check_never_opened(const TempDir& dir, const std::string& name) {
  auto named = run_aksc({"lint", name, "other.yaml"}, dir.path());
  CHECK(named.exit_code == 2);
  CHECK(named.err.find(name + ": is not a regular file") != std::string::npos);
  CHECK(other_linted(named));
  auto walked = run_aksc({"lint", ".", "--verbose"}, dir.path());
  CHECK(walked.exit_code == 1);
  CHECK(walked.err.find(name + ": not a regular file, skipped") != std::string::npos);
  CHECK(other_linted(walked));
}

}  // namespace aksc::test
