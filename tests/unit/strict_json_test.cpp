// The strict JSON reader (support/strict_json): RFC 8259 and nothing more, a repeated key
// refused with both places, positions in every message and no file content in any.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "support/strict_json.h"

using aksc::parse_strict_json;
using aksc::StrictJsonError;
using nlohmann::json;

namespace {

// The message of the refusal, "line L, column C: problem".
std::string refusal(const std::string& text) {
  try {
    parse_strict_json(text);
  } catch (const StrictJsonError& error) {
    return error.what();
  }
  FAIL("accepted: " << text);
  return "";
}

}  // namespace

TEST_CASE("strict JSON reads what nlohmann reads from valid JSON", "[json]") {
  const char* texts[] = {
      R"({"a": [1, -2, 3.5, 1e3, true, false, null, "x\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00"]})",
      "\xEF\xBB\xBF {\"b\": {}, \"c\": []}\n",
      R"([9223372036854775807, 18446744073709551615, 18446744073709551616, -9223372036854775808])",
      "\"caf\xC3\xA9\"",
      "0",
  };
  for (const char* text : texts) {
    INFO(text);
    std::string body = text;
    if (body.rfind("\xEF\xBB\xBF", 0) == 0) body = body.substr(3);
    CHECK(parse_strict_json(text) == json::parse(body));
  }
  CHECK(parse_strict_json("18446744073709551615").is_number_unsigned());
  CHECK(parse_strict_json("18446744073709551616").is_number_float());
  CHECK(parse_strict_json("-9223372036854775808").get<std::int64_t>() == INT64_MIN);
}

TEST_CASE("strict JSON refuses a repeated key, also in another case, naming both places",
          "[json]") {
  CHECK(refusal("{\n  \"enablePrivateCluster\": true,\n  \"x\": 1,\n  \"enablePrivateCluster\": "
                "false\n}") ==
        "line 4, column 3: key 'enablePrivateCluster' is repeated: it is first at line 2, "
        "column 3; readers disagree on which value counts, so aksc uses neither");
  CHECK(refusal(R"({"a": {"authorizedIpRanges": [], "authorizedIPRanges": ["1.2.3.4/32"]}})") ==
        "line 1, column 34: key 'authorizedIPRanges' is repeated: it is first at line 1, column "
        "8 (written 'authorizedIpRanges' there; keys compare case-insensitively, as Azure reads "
        "them); readers disagree on which value counts, so aksc uses neither");
  // The same key in two objects is no repetition.
  CHECK(parse_strict_json(R"([{"a": 1}, {"a": 2}, {"b": {"a": 3}, "a": 4}])").size() == 3);
}

TEST_CASE("strict JSON refuses what RFC 8259 does not allow, at its line and column", "[json]") {
  struct Case {
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {"", "line 1, column 1: the file holds no JSON value"},
      {"{\"a\": 1,}", "line 1, column 9: expected a key in double quotes"},
      {"[1, 2,]",
       "line 1, column 7: expected a JSON value: an object, an array, a string, a "
       "number, true, false or null"},
      {"{'a': 1}", "line 1, column 2: expected a key in double quotes"},
      {"{\"a\": 1} // note",
       "line 1, column 10: more text follows the JSON value; a JSON file "
       "holds one value"},
      {"{\"a\": 01}", "line 1, column 8: expected ',' or '}' after an object member"},
      {"{\"a\": NaN}",
       "line 1, column 7: expected a JSON value: an object, an array, a string, a "
       "number, true, false or null"},
      {"{\"a\": 1e999}", "line 1, column 7: a number beyond what a double holds"},
      {"{\"a\": \"x\ty\"}",
       "line 1, column 9: a control character (a tab or a line break) "
       "inside a string; write it as an escape such as \\t or \\n"},
      {"{\"a\": \"\\x\"}",
       "line 1, column 8: an unknown escape; JSON has \\\" \\\\ \\/ \\b \\f "
       "\\n \\r \\t and \\uXXXX"},
      {"\"\\ud800\"", "line 1, column 2: a lone UTF-16 high surrogate"},
      {"\"\xC3(\"", "line 1, column 2: a byte that is not UTF-8; save the file as UTF-8"},
      {"\"\xED\xA0\x80\"", "line 1, column 2: a byte that is not UTF-8; save the file as UTF-8"},
      {"{\n  \"a\": [1,\n",
       "line 3, column 1: the JSON text ends inside the array opened at "
       "line 2, column 8"},
      {"{\"a\": \"open", "line 1, column 7: this string is not closed before the end of the file"},
      {"a: 1",
       "line 1, column 1: expected a JSON value: an object, an array, a string, a number, "
       "true, false or null"},
  };
  for (const Case& test : cases) {
    INFO(test.text);
    CHECK(refusal(test.text) == test.message);
  }
}

TEST_CASE("strict JSON refuses deep nesting before it recurses further", "[json]") {
  std::string deep(100'000, '[');
  CHECK(refusal(deep) ==
        "line 1, column 65: arrays and objects nest more than 64 levels deep here; aksc refuses "
        "the file");
  std::string ok = std::string(64, '[') + std::string(64, ']');
  CHECK(parse_strict_json(ok).is_array());
}

TEST_CASE("a message quotes keys only, with their control characters escaped", "[json]") {
  std::string message = refusal("{\"a\\u001b[31m\": 1, \"A\\u001b[31m\": 2}");
  CHECK(message.find('\x1b') == std::string::npos);
  CHECK(message.find("a\\u001b[31m") != std::string::npos);
  std::string long_key(200, 'k');
  CHECK(aksc::printable_key(long_key) == std::string(64, 'k') + "...");
  // The text of a value is never quoted.
  CHECK(refusal("{\"a\": secretvalue}").find("secret") == std::string::npos);
}
