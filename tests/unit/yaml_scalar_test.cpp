// Typing of scalars by the YAML 1.2 core schema (not YAML 1.1: yes/no/on/off stay strings).
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>

#include "frontend/yaml_scalar.h"

using aksc::resolve_plain_scalar;
using aksc::resolve_tagged_scalar;
using nlohmann::json;

namespace {

const std::string kStr = "tag:yaml.org,2002:str";
const std::string kInt = "tag:yaml.org,2002:int";
const std::string kFloat = "tag:yaml.org,2002:float";
const std::string kBool = "tag:yaml.org,2002:bool";
const std::string kNull = "tag:yaml.org,2002:null";

bool is_string(const json& value, const std::string& text) {
  return value.is_string() && value.get<std::string>() == text;
}

bool is_integer(const json& value, std::int64_t number) {
  return value.is_number_integer() && value.get<std::int64_t>() == number;
}

bool is_float(const json& value, double number) {
  return value.is_number_float() && value.get<double>() == number;
}

}  // namespace

TEST_CASE("plain scalars: the core schema's null forms", "[yaml_scalar]") {
  for (const char* text : {"", "~", "null", "Null", "NULL"}) {
    INFO(text);
    CHECK(resolve_plain_scalar(text).is_null());
  }
  for (const char* text : {"nULL", "nil", "None", "none", "NuLL"}) {
    INFO(text);
    CHECK(is_string(resolve_plain_scalar(text), text));
  }
}

TEST_CASE("plain scalars: true/True/TRUE and false/False/FALSE are booleans", "[yaml_scalar]") {
  for (const char* text : {"true", "True", "TRUE"}) {
    INFO(text);
    CHECK(resolve_plain_scalar(text) == json(true));
    CHECK(resolve_plain_scalar(text).is_boolean());
  }
  for (const char* text : {"false", "False", "FALSE"}) {
    INFO(text);
    CHECK(resolve_plain_scalar(text) == json(false));
    CHECK(resolve_plain_scalar(text).is_boolean());
  }
  CHECK(is_string(resolve_plain_scalar("tRUE"), "tRUE"));
  CHECK(is_string(resolve_plain_scalar("fAlse"), "fAlse"));
}

TEST_CASE("plain scalars: YAML 1.1 booleans stay strings", "[yaml_scalar]") {
  for (const char* text : {"yes", "no", "on", "off", "Yes", "NO", "On", "OFF", "y", "n", "Y"}) {
    INFO(text);
    CHECK(is_string(resolve_plain_scalar(text), text));
  }
}

TEST_CASE("plain scalars: decimal integers with signs", "[yaml_scalar]") {
  CHECK(is_integer(resolve_plain_scalar("0"), 0));
  CHECK(is_integer(resolve_plain_scalar("3"), 3));
  CHECK(is_integer(resolve_plain_scalar("-12"), -12));
  CHECK(is_integer(resolve_plain_scalar("+12"), 12));
  CHECK(is_integer(resolve_plain_scalar("-0"), 0));
  CHECK(is_integer(resolve_plain_scalar("007"), 7));  // core schema: decimal, not octal
  CHECK(is_integer(resolve_plain_scalar("08"), 8));
  CHECK(is_integer(resolve_plain_scalar("9223372036854775807"),
                   std::numeric_limits<std::int64_t>::max()));
  CHECK(is_integer(resolve_plain_scalar("-9223372036854775808"),
                   std::numeric_limits<std::int64_t>::min()));
}

TEST_CASE("plain scalars: 0o octal and 0x hexadecimal integers", "[yaml_scalar]") {
  CHECK(is_integer(resolve_plain_scalar("0o17"), 15));
  CHECK(is_integer(resolve_plain_scalar("0o0"), 0));
  CHECK(is_integer(resolve_plain_scalar("0x1F"), 31));
  CHECK(is_integer(resolve_plain_scalar("0xff"), 255));
  CHECK(is_integer(resolve_plain_scalar("0x7FFFFFFFFFFFFFFF"),
                   std::numeric_limits<std::int64_t>::max()));
  // Not core-schema integers: no sign on 0o/0x, lower-case prefix only, valid digits only.
  for (const char* text : {"0o", "0x", "0o8", "0o17a", "0xG1", "0X1F", "0O17", "-0x1F", "+0o7"}) {
    INFO(text);
    CHECK(is_string(resolve_plain_scalar(text), text));
  }
}

TEST_CASE("plain scalars: 0b binary and other 1.1 forms are strings", "[yaml_scalar]") {
  for (const char* text : {"0b1", "0b101", "1_000", "1:30", "0x_1F", "+", "-", "1 2", "12abc"}) {
    INFO(text);
    CHECK(is_string(resolve_plain_scalar(text), text));
  }
}

TEST_CASE("plain scalars: integers beyond 64 bits become floats", "[yaml_scalar]") {
  json big = resolve_plain_scalar("9223372036854775808");
  CHECK(is_float(big, 9223372036854775808.0));
  json negative = resolve_plain_scalar("-9223372036854775809");
  CHECK(is_float(negative, -9223372036854775808.0));
  json huge = resolve_plain_scalar("123456789012345678901234567890");
  CHECK(is_float(huge, 123456789012345678901234567890.0));
  CHECK(is_float(resolve_plain_scalar("0x10000000000000000"), 18446744073709551616.0));
  // 0o1 followed by 21 zeros is 8^21 = 2^63, one beyond the largest int64.
  CHECK(is_float(resolve_plain_scalar("0o1000000000000000000000"), 9223372036854775808.0));
}

TEST_CASE("plain scalars: floats of every core-schema form", "[yaml_scalar]") {
  CHECK(is_float(resolve_plain_scalar("1.5"), 1.5));
  CHECK(is_float(resolve_plain_scalar(".5"), 0.5));
  CHECK(is_float(resolve_plain_scalar("-.5"), -0.5));
  CHECK(is_float(resolve_plain_scalar("+.5"), 0.5));
  CHECK(is_float(resolve_plain_scalar("1."), 1.0));
  CHECK(is_float(resolve_plain_scalar("1e3"), 1000.0));
  CHECK(is_float(resolve_plain_scalar("1E3"), 1000.0));
  CHECK(is_float(resolve_plain_scalar("1.5e-2"), 0.015));
  CHECK(is_float(resolve_plain_scalar("-2.5E+2"), -250.0));
  CHECK(is_float(resolve_plain_scalar(".5e1"), 5.0));
  CHECK(is_float(resolve_plain_scalar("0.0"), 0.0));
}

TEST_CASE("plain scalars: 1.20 is the float 1.2, so versions must be quoted", "[yaml_scalar]") {
  json value = resolve_plain_scalar("1.20");
  CHECK(is_float(value, 1.2));
  CHECK(value.dump() == "1.2");
  CHECK(is_float(resolve_plain_scalar("1.17"), 1.17));
}

TEST_CASE("plain scalars: .inf and .nan", "[yaml_scalar]") {
  double inf = std::numeric_limits<double>::infinity();
  for (const char* text : {".inf", ".Inf", ".INF", "+.inf", "+.INF"}) {
    INFO(text);
    CHECK(is_float(resolve_plain_scalar(text), inf));
  }
  for (const char* text : {"-.inf", "-.Inf", "-.INF"}) {
    INFO(text);
    CHECK(is_float(resolve_plain_scalar(text), -inf));
  }
  for (const char* text : {".nan", ".NaN", ".NAN"}) {
    INFO(text);
    json value = resolve_plain_scalar(text);
    REQUIRE(value.is_number_float());
    CHECK(std::isnan(value.get<double>()));
  }
  // No sign on .nan, and only the three spellings of each.
  for (const char* text : {"-.nan", "+.nan", ".iNf", ".nAn", "inf", "nan", "infinity", "NaN"}) {
    INFO(text);
    CHECK(is_string(resolve_plain_scalar(text), text));
  }
}

TEST_CASE("plain scalars: things that only look numeric are strings", "[yaml_scalar]") {
  for (const char* text : {"1.17.9", "1.2.3.4", ".", "1e", "e3", "1e+", "1.5e", "--1", "+-1",
                           "1..2", "10.0.0.0/16", "1,000", " 1", "1 ", "Standard_D3_v2"}) {
    INFO(text);
    CHECK(is_string(resolve_plain_scalar(text), text));
  }
}

TEST_CASE("tagged scalars: !!str keeps the text", "[yaml_scalar]") {
  CHECK(is_string(resolve_tagged_scalar(kStr, "3"), "3"));
  CHECK(is_string(resolve_tagged_scalar(kStr, "true"), "true"));
  CHECK(is_string(resolve_tagged_scalar(kStr, "null"), "null"));
  CHECK(is_string(resolve_tagged_scalar(kStr, "1.20"), "1.20"));
  CHECK(is_string(resolve_tagged_scalar(kStr, ""), ""));
}

TEST_CASE("tagged scalars: !!int, !!float, !!bool and !!null", "[yaml_scalar]") {
  CHECK(is_integer(resolve_tagged_scalar(kInt, "3"), 3));
  CHECK(is_integer(resolve_tagged_scalar(kInt, "0x10"), 16));
  CHECK(is_integer(resolve_tagged_scalar(kInt, "-4"), -4));
  CHECK(is_float(resolve_tagged_scalar(kFloat, "1"), 1.0));
  CHECK(is_float(resolve_tagged_scalar(kFloat, "2.5"), 2.5));
  CHECK(resolve_tagged_scalar(kBool, "True") == json(true));
  CHECK(resolve_tagged_scalar(kBool, "false") == json(false));
  CHECK(resolve_tagged_scalar(kNull, "~").is_null());
  CHECK(resolve_tagged_scalar(kNull, "").is_null());
}

TEST_CASE("tagged scalars: text that does not fit its tag stays a string", "[yaml_scalar]") {
  CHECK(is_string(resolve_tagged_scalar(kInt, "abc"), "abc"));
  CHECK(is_string(resolve_tagged_scalar(kInt, "1.5"), "1.5"));
  CHECK(is_string(resolve_tagged_scalar(kFloat, "x"), "x"));
  CHECK(is_string(resolve_tagged_scalar(kBool, "yes"), "yes"));
  CHECK(is_string(resolve_tagged_scalar(kNull, "nothing"), "nothing"));
}

TEST_CASE("tagged scalars: unknown tags keep the text as a string", "[yaml_scalar]") {
  CHECK(is_string(resolve_tagged_scalar("!custom", "5"), "5"));
  CHECK(is_string(resolve_tagged_scalar("tag:example.com,2024:int", "5"), "5"));
  CHECK(is_string(resolve_tagged_scalar("tag:yaml.org,2002:binary", "R0lG"), "R0lG"));
  CHECK(
      is_string(resolve_tagged_scalar("tag:yaml.org,2002:timestamp", "2024-01-01"), "2024-01-01"));
}
