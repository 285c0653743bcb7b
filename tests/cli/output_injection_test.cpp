// Text from a stranger's pull request cannot forge aksc's output: a hostile corpus (line breaks,
// CR, ESC/OSC/CSI sequences, BEL, DEL, C1 controls, bidi controls, workflow and logging
// commands, in spec values, keys, file names, suppression reasons and comment lines shown as
// excerpts) goes through every format, and every line of stdout and stderr is checked.
#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "integration_support.h"
#include "spec_text.h"

namespace fs = std::filesystem;
using aksc::test::contains;
using aksc::test::create_spec;
using aksc::test::run_aksc;
using aksc::test::run_process;
using aksc::test::TempDir;

namespace {

// YAML double-quoted escapes: a line break and a workflow command, a CR, an OSC retitling the
// terminal ended by BEL, CSI sequences, DEL, NEL and CSI as C1 controls (yaml-cpp decodes \N
// to the lone byte 0x85, not UTF-8), bidi override, isolate and mark, and the logging commands
// the GitHub runner and Azure Pipelines find mid-line.
constexpr const char* kPayload =
    R"(\n::error file=evil.yaml,line=1::pwned\r::warning::cr\e]0;title\a\e[2J\e[31mred\x7f)"
    R"(\N\u009b2J\u202eevil\u2066\u200f ##[error]gh ##vso[task.setvariable variable=X]y)";

// A right-to-left override as raw UTF-8, for comments, where YAML has no escapes.
constexpr const char* kRawOverride = "\xE2\x80\xAE";

// A file name that would forge a finding line and retitle the terminal.
const std::string kEvilName =
    "evil\x1b]0;t\x07\n::error file=a.yaml,line=1::forged\xE2\x80\xAE\xC2\x9B.yaml";

std::string quoted(const std::string& text) {
  return "\"" + text + "\"";
}

// Writes the hostile corpus into `dir`.
void write_corpus(const TempDir& dir) {
  dir.write("aksc.yaml",
            "ignore:\n"
            "  - paths: [\"specs/suppressed.yaml\"]\n"
            "    rules: [AKS104]\n"
            "    reason: " +
                quoted(std::string("merged later") + kPayload) + "\n");
  std::string values = create_spec("x  # aksc-ignore AKS102: short " + std::string(kRawOverride) +
                                   " on purpose ##[error]z");
  values.replace(values.find("location: eastus"), 16,
                 "location: " + quoted(std::string("eastus") + kPayload));
  values.replace(values.find("vm_size: Standard_D3_v2"), 23,
                 "vm_size: " + quoted(std::string("Standard_X") + kPayload));
  values += quoted(std::string("key") + kPayload) + ": 1\n";
  values += "agnet_count: 3  # typo " + std::string(kRawOverride) + " ::error::in a comment\n";
  dir.write("specs/values.yaml", values);
  // Two specs with one name: each finding names the other file as a related location.
  dir.write("specs/" + kEvilName, create_spec("dup-name"));
  dir.write("specs/plain.yaml", create_spec("dup-name"));
  dir.write("specs/suppressed.yaml", create_spec("7abc"));
  dir.write("specs/bad\xFF\x9B.yaml", create_spec("9abc"));
  // Raw controls in a comment on a line with a finding: the excerpt shows them.
  dir.write("specs/raw.yaml", create_spec("5abc  # raw \x1b]0;pwned\x07 \x1b[2J \xC2\x9B \x7f"));
  dir.write("specs/not-a-spec\x1b[2J\n::error::n.yaml", "a: 1\n");
  dir.write("::error file=b.yaml,line=1::top.yaml", create_spec("1abc"));
  dir.write("##[error]gh.yaml", create_spec("2abc"));
  dir.write("\xC2\xA0::notice::nbsp.yaml", create_spec("3abc"));
}

// Decodes the UTF-8 code point at `text[at]`; -1 for an invalid sequence.
long decode(const std::string& text, std::size_t& at) {
  unsigned char lead = static_cast<unsigned char>(text[at]);
  int length = lead < 0x80           ? 1
               : (lead >> 5) == 0x6  ? 2
               : (lead >> 4) == 0xE  ? 3
               : (lead >> 3) == 0x1E ? 4
                                     : 0;
  if (length == 0 || at + length > text.size()) {
    ++at;
    return -1;
  }
  long code = length == 1 ? lead : lead & (0x7F >> length);
  for (int i = 1; i < length; ++i) {
    unsigned char next = static_cast<unsigned char>(text[at + i]);
    if ((next & 0xC0) != 0x80) {
      ++at;
      return -1;
    }
    code = (code << 6) | (next & 0x3F);
  }
  at += length;
  return code;
}

bool is_forbidden(long code) {
  return code < 0 || (code < 0x20 && code != '\t') || code == 0x7F ||
         (code >= 0x80 && code <= 0x9F) || code == 0x061C || code == 0x200E || code == 0x200F ||
         (code >= 0x2028 && code <= 0x202E) || (code >= 0x2066 && code <= 0x2069);
}

// What .NET's TrimStart removes before the GitHub runner looks for "::" (Char.IsWhiteSpace).
bool is_white_space(long code) {
  return (code >= 0x09 && code <= 0x0D) || code == 0x20 || code == 0x85 || code == 0xA0 ||
         code == 0x1680 || (code >= 0x2000 && code <= 0x200A) || code == 0x2028 || code == 0x2029 ||
         code == 0x202F || code == 0x205F || code == 0x3000;
}

std::string trim_start(const std::string& line) {
  std::size_t at = 0;
  while (at < line.size()) {
    std::size_t next = at;
    if (!is_white_space(decode(line, next))) break;
    at = next;
  }
  return line.substr(at);
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1)
    lines.push_back(text.substr(start, end - start));
  if (start < text.size()) lines.push_back(text.substr(start));
  return lines;
}

bool has_logging_command(const std::string& line) {
  static const std::regex command(R"(##(vso)?\[)", std::regex::icase);
  return std::regex_search(line, command);
}

// aksc's own workflow command: ::error|warning|notice, properties, "::", message.
bool is_own_workflow_command(const std::string& line) {
  static const std::regex own(
      R"(::(error|warning|notice) file=[^,:]*(,(line|col|endLine|endColumn)=\d+)*,title=AKS\d{3}( [a-z0-9-]+)?::.*)");
  return std::regex_match(line, own);
}

// Checks every line of `output`; returns how many are aksc's own workflow commands.
int check_lines(const std::string& what, const std::string& output, bool own_colors = false) {
  static const std::regex sgr("\x1b\\[[0-9;]*m");
  int commands = 0;
  std::vector<std::string> lines = lines_of(output);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string line = own_colors ? std::regex_replace(lines[i], sgr, "") : lines[i];
    INFO(what << " line " << i + 1 << ": " << lines[i]);
    bool clean = true;
    for (std::size_t at = 0; at < line.size() && clean;)
      clean = !is_forbidden(decode(line, at));
    CHECK(clean);
    CHECK_FALSE(has_logging_command(line));
    if (trim_start(line).rfind("::", 0) == 0) {
      CHECK(is_own_workflow_command(line));
      ++commands;
    }
  }
  return commands;
}

bool have_xmllint() {
  return run_process({"sh", "-c", "command -v xmllint"}).exit_code == 0;
}

}  // namespace

TEST_CASE("hostile values, file names, reasons and comments forge no line in any format") {
  TempDir dir;
  write_corpus(dir);
  std::vector<std::string> common = {"lint", ".", "--verbose"};
  auto lint = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = common;
    args.insert(args.end(), extra.begin(), extra.end());
    auto result = run_aksc(args, dir.path());
    INFO(result.out << result.err);
    CHECK(result.exit_code == 1);
    check_lines("stderr", result.err);
    return result;
  };

  auto json_run = lint({"--format", "json"});
  check_lines("json", json_run.out);
  auto json = nlohmann::json::parse(json_run.out);
  int unsuppressed = static_cast<int>(json["findings"].size());
  std::vector<std::string> rules;
  for (const auto& finding : json["findings"])
    rules.push_back(finding["rule"].get<std::string>());
  for (const char* rule : {"AKS002", "AKS004", "AKS104", "AKS105", "AKS204"}) {
    INFO(rule);
    CHECK(std::count(rules.begin(), rules.end(), rule) > 0);
  }
  REQUIRE(json["summary"]["suppressions"].size() == 2);
  std::string dumped = json.dump();
  // The values are still there, shown as escapes.
  CHECK(contains(dumped, R"(Standard_X\\n::error file=evil.yaml,line=1::pwned\\r::warning::cr)"
                         R"(\\x1b]0;title\\x07\\x1b[2J\\x1b[31mred\\x7f\\x85\\u009b2J)"
                         R"(\\u202eevil\\u2066\\u200f ##\\x5berror]gh ##vso\\x5btask.)"));
  CHECK(contains(dumped,
                 R"(evil\\x1b]0;t\\x07\\n::error file=a.yaml,line=1::forged\\u202e\\u009b.yaml)"));
  CHECK(contains(dumped, R"(specs/bad\\xff\\x9b.yaml)"));
  CHECK(contains(dumped, R"("./::error file=b.yaml,line=1::top.yaml")"));
  CHECK(contains(dumped, R"(short \\u202e on purpose ##\\x5berror]z)"));

  auto text = lint({});
  CHECK(check_lines("text", text.out) == 0);
  CHECK(contains(text.out, R"(Standard_X\n::error file=evil.yaml,line=1::pwned\r::warning)"));
  CHECK(contains(text.out, R"(agnet_count: 3  # typo \u202e ::error::in a comment)"));
  CHECK(contains(text.out, R"(: suppressed: AKS102: short \u202e on purpose ##\x5berror]z)"));
  CHECK(contains(text.err, R"(not-a-spec\x1b[2J\n::error::n.yaml)"));
  CHECK(contains(text.out, R"( | name: 5abc  # raw \x1b]0;pwned\x07 \x1b[2J \u009b \x7f)"));
  auto colored = lint({"--color", "always"});
  CHECK(check_lines("text --color always", colored.out, true) == 0);
  CHECK(contains(colored.out, "\x1b[1;31merror:\x1b[0m"));

  auto sarif = lint({"--format", "sarif"});
  check_lines("sarif", sarif.out);
  auto log = nlohmann::json::parse(sarif.out);
  CHECK(log["runs"][0]["results"].size() == static_cast<std::size_t>(unsuppressed + 2));

  auto github = lint({"--format", "github"});
  CHECK(check_lines("github", github.out) == unsuppressed);
  CHECK(contains(github.out, R"(::error::in a comment)") == false);

  auto junit = lint({"--format", "junit"});
  CHECK(check_lines("junit", junit.out) == 0);
  if (!have_xmllint()) {
    aksc::test::skip_test("xmllint is not installed: JUnit well-formedness not checked");
    return;
  }
  fs::path report = dir.write("report.xml", junit.out);
  auto well_formed = run_process({"xmllint", "--noout", report.string()});
  INFO(well_formed.err);
  CHECK(well_formed.exit_code == 0);
}

TEST_CASE("excerpts of a long line with escapes: a window, the caret under each key") {
  TempDir dir;
  // One flow mapping on one line: a key with a raw right-to-left override (shown as 6 columns)
  // and 400 unknown keys after it, each a finding with an excerpt of this line.
  std::string line = std::string("network: {\"x") + kRawOverride + "y\": 1";
  for (int i = 0; i < 400; ++i)
    line += ", k" + std::to_string(i) + ": 1";
  line += "}";
  dir.write("long.yaml", create_spec("vision-dev") + line + "\n");
  auto result = run_aksc({"lint", "long.yaml"}, dir.path());
  INFO(result.err);
  CHECK(check_lines("text", result.out) == 0);
  std::vector<std::string> lines = lines_of(result.out);
  int excerpts = 0;
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    if (!contains(lines[i], "unknown key '")) continue;
    std::size_t quote = lines[i].find("unknown key '") + 13;
    std::string key = lines[i].substr(quote, lines[i].find('\'', quote) - quote);
    const std::string& shown = lines[i + 1];
    const std::string& carets = lines[i + 2];
    INFO(lines[i] << "\n" << shown << "\n" << carets);
    CHECK(shown.size() < 200);
    std::size_t caret = carets.find('^');
    REQUIRE(caret != std::string::npos);
    std::size_t at = caret + (shown.compare(caret, 1, "\"") == 0 ? 1 : 0);  // a quoted key
    CHECK(shown.compare(at, key.size(), key) == 0);
    ++excerpts;
  }
  CHECK(excerpts == 401);
}
