// glob_match: the globs of aksc.yaml `ignore: - paths:` against '/'-separated relative paths.
#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include "driver/glob.h"

using aksc::glob_match;

TEST_CASE("glob_match: literal patterns match only themselves", "[glob]") {
  CHECK(glob_match("a.yaml", "a.yaml"));
  CHECK(glob_match("legacy/a.yaml", "legacy/a.yaml"));
  CHECK_FALSE(glob_match("a.yaml", "b.yaml"));
  CHECK_FALSE(glob_match("a.yaml", "a.yaml.bak"));
  CHECK_FALSE(glob_match("a.yaml", "x/a.yaml"));
  CHECK_FALSE(glob_match("A.yaml", "a.yaml"));  // paths are case-sensitive
  CHECK(glob_match("", ""));
  CHECK_FALSE(glob_match("", "a"));
  CHECK_FALSE(glob_match("a", ""));
}

TEST_CASE("glob_match: '*' matches within one segment", "[glob]") {
  CHECK(glob_match("*.yaml", "prod.yaml"));
  CHECK(glob_match("*.yaml", ".yaml"));
  CHECK(glob_match("legacy/*.yaml", "legacy/a.yaml"));
  CHECK(glob_match("legacy/*", "legacy/a.yaml"));
  CHECK(glob_match("*/*.yaml", "vision/prod.yaml"));
  CHECK(glob_match("pr*d*.yaml", "prod-create.yaml"));
  CHECK_FALSE(glob_match("*.yaml", "legacy/a.yaml"));
  CHECK_FALSE(glob_match("legacy/*.yaml", "legacy/old/a.yaml"));
  CHECK_FALSE(glob_match("legacy/*", "legacy/old/a.yaml"));
  CHECK_FALSE(glob_match("*.yaml", "a.yml"));
  CHECK(glob_match("legacy*", "legacy"));
  CHECK_FALSE(glob_match("legacy*", "legacy/a"));
}

TEST_CASE("glob_match: '**' spans segments", "[glob]") {
  CHECK(glob_match("**", "a.yaml"));
  CHECK(glob_match("**", "a/b/c.yaml"));
  CHECK(glob_match("**", ""));
  CHECK(glob_match("legacy/**", "legacy/a.yaml"));
  CHECK(glob_match("legacy/**", "legacy/x/y/z.yaml"));
  CHECK_FALSE(glob_match("legacy/**", "other/a.yaml"));
  CHECK(glob_match("**.yaml", "a/b/c.yaml"));
  CHECK_FALSE(glob_match("**.yaml", "a/b/c.yml"));
}

TEST_CASE("glob_match: '**/' matches zero or more whole segments", "[glob]") {
  CHECK(glob_match("**/*.yaml", "a.yaml"));
  CHECK(glob_match("**/*.yaml", "x/a.yaml"));
  CHECK(glob_match("**/*.yaml", "x/y/a.yaml"));
  CHECK(glob_match("legacy/**/*.yaml", "legacy/a.yaml"));
  CHECK(glob_match("legacy/**/*.yaml", "legacy/x/a.yaml"));
  CHECK(glob_match("legacy/**/*.yaml", "legacy/x/y/a.yaml"));
  CHECK_FALSE(glob_match("legacy/**/*.yaml", "legacyx/a.yaml"));
  CHECK_FALSE(glob_match("legacy/**/*.yaml", "other/legacy/a.yaml"));
  CHECK(glob_match("a/**/b", "a/b"));
  CHECK(glob_match("a/**/b", "a/x/b"));
  CHECK_FALSE(glob_match("a/**/b", "a/xb"));  // segments, not partial names
  CHECK_FALSE(glob_match("a/**/b", "ab"));
}

TEST_CASE("glob_match: '?' is one character other than '/'", "[glob]") {
  CHECK(glob_match("spec?.yaml", "spec1.yaml"));
  CHECK(glob_match("??.yaml", "ab.yaml"));
  CHECK_FALSE(glob_match("spec?.yaml", "spec.yaml"));
  CHECK_FALSE(glob_match("spec?.yaml", "spec12.yaml"));
  CHECK_FALSE(glob_match("a?b", "a/b"));
}

TEST_CASE("glob_match: character classes, negated classes and ranges", "[glob]") {
  CHECK(glob_match("[abc].yaml", "a.yaml"));
  CHECK(glob_match("[abc].yaml", "c.yaml"));
  CHECK_FALSE(glob_match("[abc].yaml", "d.yaml"));
  CHECK(glob_match("[!a].yaml", "b.yaml"));
  CHECK_FALSE(glob_match("[!a].yaml", "a.yaml"));
  CHECK(glob_match("[^a].yaml", "b.yaml"));
  CHECK_FALSE(glob_match("[^a].yaml", "a.yaml"));
  CHECK(glob_match("env-[0-9].yaml", "env-7.yaml"));
  CHECK_FALSE(glob_match("env-[0-9].yaml", "env-x.yaml"));
  CHECK(glob_match("[a-cx-z]", "b"));
  CHECK(glob_match("[a-cx-z]", "y"));
  CHECK_FALSE(glob_match("[a-cx-z]", "m"));
  CHECK(glob_match("[!0-9]x", "ax"));
  CHECK_FALSE(glob_match("[!0-9]x", "5x"));
  // ']' first in a class is a member; '-' last is a member.
  CHECK(glob_match("[]a]", "]"));
  CHECK(glob_match("[a-]", "-"));
  CHECK_FALSE(glob_match("[a-]", "b"));
  // A class never matches the separator, even negated.
  CHECK_FALSE(glob_match("a[!x]b", "a/b"));
  // An unterminated '[' is literal.
  CHECK(glob_match("[abc", "[abc"));
  CHECK_FALSE(glob_match("[abc", "a"));
}

TEST_CASE("glob_match: a leading './' of the pattern is ignored", "[glob]") {
  CHECK(glob_match("./legacy/*.yaml", "legacy/a.yaml"));
  CHECK(glob_match("./a.yaml", "a.yaml"));
  CHECK_FALSE(glob_match("./a.yaml", "b.yaml"));
  CHECK(glob_match("./**", "x/y.yaml"));
}

TEST_CASE("glob_match: pathological patterns finish quickly", "[glob]") {
  std::string as(2000, 'a');
  auto start = std::chrono::steady_clock::now();
  CHECK_FALSE(glob_match("a*a*a*a*a*b", as));
  CHECK(glob_match("a*a*a*a*a*", as));
  CHECK_FALSE(glob_match("**a**a**a**a**b", as));
  CHECK_FALSE(glob_match("*?*?*?*?*?*b", as));
  std::string segments;
  for (int i = 0; i < 200; ++i)
    segments += "a/";
  segments += "a";
  CHECK_FALSE(glob_match("**/a/**/a/**/a/**/b", segments));
  CHECK(glob_match("**/a/**/a/**/a", segments));
  auto elapsed = std::chrono::steady_clock::now() - start;
  CHECK(elapsed < std::chrono::seconds(2));
}
