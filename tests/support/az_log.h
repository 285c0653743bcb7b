// The fake `az` of the deploy.sh tests and its log: each argument followed by a NUL byte, and
// "<end>" (with its NUL) after each call.
#pragma once

#include <string>
#include <vector>

namespace aksc::test {

// A fake `az` for running deploy.sh: it appends each call's argv to $AZ_LOG (one NUL-terminated
// record per argument, then "<end>"), saves a body read from stdin (--body @/dev/stdin) to
// $AZ_BODY, and says Succeeded when asked for a provisioningState; for KubernetesCompute, the
// extension does not exist yet and kubectl on the cluster exits 0.
inline constexpr const char* kFakeAz =
    "#!/bin/sh\nprintf '%s\\0' \"$@\" '<end>' >> \"$AZ_LOG\"\n"
    "case \"$1 $2\" in 'k8s-extension show') exit 3 ;; esac\n"
    "for a in \"$@\"; do case $a in\n"
    "  @/dev/stdin) cat > \"$AZ_BODY\" ;;\n"
    "  properties.provisioningState) echo Succeeded ;;\n"
    "  '[exitCode, logs]') printf '0\\tapplied\\n' ;;\n"
    "esac; done\n";

/// The argv of each az call of `log`, in order.
inline std::vector<std::vector<std::string>> az_calls(const std::string& log) {
  std::vector<std::vector<std::string>> calls(1);
  std::size_t start = 0;
  for (std::size_t end; (end = log.find('\0', start)) != std::string::npos; start = end + 1) {
    std::string argument = log.substr(start, end - start);
    if (argument == "<end>") {
      calls.emplace_back();
    } else {
      calls.back().push_back(argument);
    }
  }
  calls.pop_back();
  return calls;
}

}  // namespace aksc::test
