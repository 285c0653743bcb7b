// The floor for `aksc lint`: walk the folders, read every .yaml/.yml file and parse it with
// yaml-cpp into a handler that does nothing, on the same number of threads as aksc. aksc does
// all of this and more, so its time can only approach this one.
//
// usage: aksc_parse_floor [--jobs N] PATH...
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;

namespace {

class IgnoreEvents : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

bool is_yaml(const fs::path& path) {
  return path.extension() == ".yaml" || path.extension() == ".yml";
}

std::vector<fs::path> collect(const std::vector<std::string>& roots) {
  std::vector<fs::path> files;
  for (const std::string& root : roots) {
    if (fs::is_regular_file(root)) {
      files.emplace_back(root);
      continue;
    }
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      if (entry.is_regular_file() && is_yaml(entry.path())) files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Returns the number of documents parsed.
std::size_t parse(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  std::istringstream stream(text.str());
  YAML::Parser parser(stream);
  IgnoreEvents handler;
  std::size_t documents = 0;
  try {
    while (parser.HandleNextDocument(handler))
      ++documents;
  } catch (const YAML::Exception&) {
  }
  return documents;
}

}  // namespace

int main(int argc, char** argv) {
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::string> roots;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--jobs" && i + 1 < argc) {
      jobs = static_cast<unsigned>(std::max(1, std::stoi(argv[++i])));
    } else {
      roots.push_back(arg);
    }
  }
  if (roots.empty()) {
    std::cerr << "usage: aksc_parse_floor [--jobs N] PATH...\n";
    return 2;
  }
  auto start = std::chrono::steady_clock::now();
  std::vector<fs::path> files = collect(roots);
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> documents{0};
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < jobs; ++t) {
    pool.emplace_back([&] {
      for (std::size_t i; (i = next.fetch_add(1)) < files.size();)
        documents += parse(files[i]);
    });
  }
  for (std::thread& thread : pool)
    thread.join();
  std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  std::cout << files.size() << " files, " << documents << " documents parsed in " << elapsed.count()
            << " s with " << jobs << " threads\n";
  return 0;
}
