// Install: the man page documents every subcommand, option, exit code and aksc.yaml key;
// `cmake --install` puts bin/aksc, the man page and the bash completion in their places; the
// completion completes what the binary accepts.
#include <filesystem>
#include <regex>
#include <set>
#include <sstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli/lint_formats.h"
#include "integration_support.h"

namespace fs = std::filesystem;
using aksc::test::contains;
using aksc::test::read_text;
using aksc::test::run_aksc;
using aksc::test::run_process;
using aksc::test::source_dir;
using aksc::test::TempDir;

namespace {

// The man page as plain text to search: troff's escaped hyphens as hyphens.
std::string man_text() {
  std::string text = read_text(source_dir() / "docs" / "aksc.1");
  return std::regex_replace(text, std::regex(R"(\\-)"), "-");
}

std::vector<std::string> subcommands() {
  std::istringstream help(run_aksc({"--help"}).out);
  std::vector<std::string> names;
  bool in_list = false;
  for (std::string line; std::getline(help, line);) {
    if (line == "commands:") {
      in_list = true;
    } else if (in_list && line.rfind("  ", 0) == 0) {
      names.push_back(line.substr(2, line.find(' ', 2) - 2));
    } else if (in_list) {
      break;
    }
  }
  return names;
}

// The options a subcommand's --help lists: "--format", "-f", ...
std::set<std::string> options_of(const std::string& command) {
  std::string help = run_aksc({command, "--help"}).out;
  std::set<std::string> options;
  std::regex option(R"((?:^|[\s\[,])(--?[a-z][a-z-]*))");
  std::istringstream lines(help.substr(help.find("options:")));
  for (std::string line; std::getline(lines, line);) {
    for (std::sregex_iterator it(line.begin(), line.end(), option), end; it != end; ++it) {
      std::string found = (*it)[1];
      if (line.find(found) < 30) options.insert(found);  // the option column, not its help
    }
  }
  return options;
}

void config_keys(const nlohmann::json& schema, std::set<std::string>& keys) {
  if (schema.contains("properties")) {
    for (auto it = schema["properties"].begin(); it != schema["properties"].end(); ++it) {
      keys.insert(it.key());
      config_keys(*it, keys);
    }
  }
  if (schema.contains("items") && schema["items"].is_object()) config_keys(schema["items"], keys);
}

std::string complete(const fs::path& script, const std::vector<std::string>& words,
                     const fs::path& cwd) {
  std::string line;
  for (const std::string& word : words)
    line += " '" + word + "'";
  std::string program = "source '" + script.string() +
                        "'\n"
                        "COMP_WORDS=(" +
                        line +
                        ")\n"
                        "COMP_CWORD=$((${#COMP_WORDS[@]} - 1))\n"
                        "_aksc\n"
                        "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
  const char* path = std::getenv("PATH");
  return run_process({"bash", "-c", program}, cwd,
                     {"PATH=" + aksc::test::aksc_bin_dir().string() + ":" +
                      (path ? path : "/usr/bin:/bin")})
      .out;
}

}  // namespace

TEST_CASE("man page: every subcommand and every option of its --help") {
  std::string man = man_text();
  std::vector<std::string> commands = subcommands();
  CHECK(commands.size() >= 5);
  for (const std::string& command : commands) {
    INFO("aksc " << command);
    CHECK(contains(man, ".B aksc " + command));
    CHECK(std::regex_search(man, std::regex("\n\\.BI? \"?" + command + "[ \"\n]")));
    for (const std::string& option : options_of(command)) {
      INFO(option);
      CHECK(std::regex_search(man, std::regex("(^|[^a-z-])" + option + "([^a-z-]|$)")));
    }
  }
  CHECK(contains(man, "--version"));
}

TEST_CASE("man page: exit codes, aksc.yaml keys and environment") {
  std::string man = man_text();
  auto section = man.find(".SH EXIT STATUS");
  REQUIRE(section != std::string::npos);
  for (std::string code : {"0", "1", "2"})
    CHECK(contains(man.substr(section), ".TP\n.B " + code + "\n"));
  std::set<std::string> keys;
  config_keys(
      nlohmann::json::parse(read_text(source_dir() / "schemas" / "aksc-config.schema.json")), keys);
  CHECK(keys.size() >= 10);
  auto configuration = man.substr(man.find(".SH CONFIGURATION"));
  for (const std::string& key : keys) {
    INFO(key);
    CHECK(contains(configuration, key));
  }
  CHECK(contains(man, "NO_COLOR"));
  if (run_process({"sh", "-c", "command -v groff"}).exit_code == 0) {
    auto groff = run_process({"groff", "-man", "-ww", "-z", "docs/aksc.1"}, source_dir());
    INFO(groff.err);
    CHECK(groff.exit_code == 0);
    CHECK(groff.err.empty());
  }
}

TEST_CASE("install: cmake --install puts the binary, the man page and the completion") {
  TempDir prefix;
  auto install = run_process(
      {"cmake", "--install", aksc::test::build_dir().string(), "--prefix", prefix.path().string()});
  INFO(install.out << install.err);
  REQUIRE(install.exit_code == 0);
  fs::path binary = prefix.path() / "bin" / "aksc";
  fs::path man = prefix.path() / "share" / "man" / "man1" / "aksc.1";
  fs::path completion = prefix.path() / "share" / "bash-completion" / "completions" / "aksc";
  CHECK(fs::exists(binary));
  CHECK(fs::exists(man));
  CHECK(fs::exists(completion));
  CHECK(read_text(man) == read_text(source_dir() / "docs" / "aksc.1"));
  auto version = run_process({binary.string(), "--version"});
  CHECK(version.exit_code == 0);
  CHECK(version.out.rfind("aksc ", 0) == 0);
  std::string readme = read_text(source_dir() / "README.md");
  CHECK(contains(readme, "cmake --install"));
  CHECK(contains(readme, "cpack -G DEB"));
}

TEST_CASE("completion: subcommands, options and their values") {
  fs::path script = source_dir() / "scripts" / "aksc-completion.bash";
  fs::path samples = source_dir() / "samples";
  auto lines = [](const std::string& text) {
    std::set<std::string> set;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
      set.insert(line);
    return set;
  };
  auto commands = lines(complete(script, {"aksc", ""}, samples));
  for (const std::string& command : subcommands())
    CHECK(commands.count(command));
  for (const std::string& command : subcommands()) {
    INFO("aksc " << command);
    auto offered = lines(complete(script, {"aksc", command, "-"}, samples));
    for (const std::string& option : options_of(command)) {
      if (option == "--path" || option == "--rule" || option == "--which") continue;
      INFO(option);
      CHECK(offered.count(option));
    }
  }
  std::set<std::string> formats;
  for (const aksc::cli::LintFormat& format : aksc::cli::lint_formats())
    formats.emplace(format.name);
  CHECK(lines(complete(script, {"aksc", "lint", "--format", ""}, samples)) == formats);
  CHECK(lines(complete(script, {"aksc", "lint", "--color", "a"}, samples)) ==
        std::set<std::string>{"always", "auto"});
  CHECK(lines(complete(script, {"aksc", "init", "--mode", "p"}, samples)) ==
        std::set<std::string>{"provision-and-attach"});
  CHECK(lines(complete(script, {"aksc", "explain", "AKS10"}, samples)).count("AKS102"));
  CHECK(lines(complete(script, {"aksc", "lint", "vis"}, samples)).count("vision"));
  if (run_process({"sh", "-c", "command -v shellcheck"}).exit_code == 0) {
    auto check = run_process({"shellcheck", "-s", "bash", script.string()});
    INFO(check.out);
    CHECK(check.exit_code == 0);
  }
}
