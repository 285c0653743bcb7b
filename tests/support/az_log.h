// The log of the fake `az` of the deploy.sh tests: each argument followed by a NUL byte, and
// "<end>" (with its NUL) after each call.
#pragma once

#include <string>
#include <vector>

namespace aksc::test {

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
