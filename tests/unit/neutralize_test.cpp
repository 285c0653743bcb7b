// What every output format shows of text from the input: no line break, control character,
// bidi control or CI logging command survives; everything else is kept byte for byte.
#include <catch2/catch.hpp>

#include <string>

#include "diag/neutralize.h"

using aksc::is_neutral;
using aksc::neutral_path;
using aksc::neutralize;

TEST_CASE("neutralize: line breaks and C0 controls become visible escapes, tab stays") {
  CHECK(neutralize("Standard_X\n::error file=evil.yaml,line=1::pwned") ==
        "Standard_X\\n::error file=evil.yaml,line=1::pwned");
  CHECK(neutralize("a\r\nb") == "a\\r\\nb");
  CHECK(neutralize("\x1b]0;title\x07") == "\\x1b]0;title\\x07");
  CHECK(neutralize("\x1b[2J") == "\\x1b[2J");
  CHECK(neutralize(std::string("nul\0byte", 8)) == "nul\\x00byte");
  CHECK(neutralize("del\x7f") == "del\\x7f");
  CHECK(neutralize("\x0b\x0c") == "\\x0b\\x0c");
  CHECK(neutralize("a\tb") == "a\tb");
}

TEST_CASE("neutralize: C1 controls, separators and bidi controls become u-escapes") {
  CHECK(neutralize("nel\xC2\x85") == "nel\\u0085");
  CHECK(neutralize("csi\xC2\x9B"
                   "2J") == "csi\\u009b2J");
  CHECK(neutralize("ls\xE2\x80\xA8ps\xE2\x80\xA9") == "ls\\u2028ps\\u2029");
  CHECK(neutralize("abc\xE2\x80\xAE"
                   "def") == "abc\\u202edef");  // RIGHT-TO-LEFT OVERRIDE
  for (const char* bidi : {"\xE2\x80\xAA", "\xE2\x80\xAB", "\xE2\x80\xAC", "\xE2\x80\xAD",
                           "\xE2\x81\xA6", "\xE2\x81\xA7", "\xE2\x81\xA8", "\xE2\x81\xA9",
                           "\xE2\x80\x8E", "\xE2\x80\x8F", "\xD8\x9C"}) {
    INFO(bidi);
    std::string shown = neutralize(bidi);
    CHECK(shown.size() == 6);
    CHECK(shown.rfind("\\u", 0) == 0);
  }
}

TEST_CASE("neutralize: other text is kept as it is, non-ASCII included") {
  for (const char* kept : {"", "plain", "prod-aks [AKS102] 50% ::", "w\xC5\xA1-\xC3\xBC",
                           "\xE2\x89\xA5 12 vCPUs", "\xF0\x9F\x98\x80", "a\\nb", "# ##", "[x]",
                           "\xE2\x80\x8B zero width space", "\xC2\xA0nbsp"}) {
    INFO(kept);
    CHECK(is_neutral(kept));
    CHECK(neutralize(kept) == kept);
  }
}

TEST_CASE("neutralize: bytes that are not UTF-8 become x-escapes, one by one") {
  CHECK(neutralize("a\xFF"
                   "b") == "a\\xffb");
  CHECK(neutralize("\x9B"
                   "2J") == "\\x9b2J");  // a lone C1 byte, CSI to an 8-bit terminal
  CHECK(neutralize("\xE2\x80") == "\\xe2\\x80");
  CHECK(neutralize("\xED\xA0\x80") == "\\xed\\xa0\\x80");  // a surrogate
  CHECK(neutralize("\xC0\xAF") == "\\xc0\\xaf");           // overlong '/'
}

TEST_CASE(
    "neutralize: the bracket of the ## and ##vso logging commands is escaped, wherever in the "
    "line") {
  CHECK(neutralize("x ##[error]pwned") == "x ##\\x5berror]pwned");
  CHECK(neutralize("##vso[task.setvariable variable=PATH]/tmp") ==
        "##vso\\x5btask.setvariable variable=PATH]/tmp");
  CHECK(neutralize("##VSO[task.complete]") == "##VSO\\x5btask.complete]");
  CHECK(neutralize("#[a] #vso[b] ## [c]") == "#[a] #vso[b] ## [c]");
  // Across two appends: what is already there counts.
  std::string out = "value: ##";
  aksc::append_neutralized(out, "[group]x");
  CHECK(out == "value: ##\\x5bgroup]x");
}

TEST_CASE("is_neutral agrees with neutralize") {
  for (const char* text : {"a\nb", "\x1b", "\x7f", "\xC2\x85", "\xE2\x80\xAE", "\xFF", "##[x",
                           "a ##vso[", "ok", "\xC3\xA9"}) {
    INFO(text);
    CHECK(is_neutral(text) == (neutralize(text) == text));
  }
}

TEST_CASE("neutral_path: no file name can start a line with a workflow command") {
  CHECK(neutral_path("specs/prod.yaml") == "specs/prod.yaml");
  CHECK(neutral_path("/abs/prod.yaml") == "/abs/prod.yaml");
  CHECK(neutral_path("../x.yaml") == "../x.yaml");
  CHECK(neutral_path("_x.yaml") == "_x.yaml");
  CHECK(neutral_path("::error file=a::b.yaml") == "./::error file=a::b.yaml");
  CHECK(neutral_path(" ::error::b.yaml") == "./ ::error::b.yaml");
  CHECK(neutral_path("\xC2\xA0::error::b.yaml") == "./\xC2\xA0::error::b.yaml");
  CHECK(neutral_path("\n::error::b.yaml") == "./\\n::error::b.yaml");
  CHECK(neutral_path("a\x1b[2J\nb.yaml") == "a\\x1b[2J\\nb.yaml");
  CHECK(neutral_path("") == "");
}
