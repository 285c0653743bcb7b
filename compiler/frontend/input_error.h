#pragma once

#include <stdexcept>
#include <string>

namespace aksc {

/// A file that cannot be used at all (unreadable, a folder, vanished). The only front-end
/// failure that throws; the command line reports it with exit code 2 and goes on.
class InputError : public std::runtime_error {
 public:
  InputError(std::string path, const std::string& reason)
      : std::runtime_error(path + ": " + reason), path_(std::move(path)) {}
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace aksc
