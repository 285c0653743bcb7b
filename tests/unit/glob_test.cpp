// glob_match: the globs of aksc.yaml `ignore: - paths:` against '/'-separated relative paths.
#include <catch2/catch.hpp>

#include <random>
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

TEST_CASE("glob_match: work stays within a bound linear in pattern x path", "[glob]") {
  // Each case once sent a backtracking or memoized-with-scan matcher into a scan of the rest
  // of the path per '*' and per position; the bound is what the table-filling matcher allows.
  std::string as(2000, 'a');
  std::string segments;
  for (int i = 0; i < 200; ++i)
    segments += "a/";
  segments += "a";
  struct Case {
    std::string pattern;
    const std::string& path;
    bool matches;
  };
  const Case cases[] = {
      {"a*a*a*a*a*b", as, false},
      {"a*a*a*a*a*", as, true},
      {"**a**a**a**a**b", as, false},
      {"*?*?*?*?*?*b", as, false},
      {"**/a/**/a/**/a/**/b", segments, false},
      {"**/a/**/a/**/a", segments, true},
      {"[a-z]*[!b]*[a]*c", as, false},
  };
  for (const Case& c : cases) {
    INFO("pattern " << c.pattern << " against " << c.path.size() << " characters");
    aksc::GlobOutcome outcome = aksc::glob_match_traced(c.pattern, c.path);
    CHECK(outcome.matched == c.matches);
    CHECK(outcome.steps <= 2 * (c.pattern.size() + 1) * (c.path.size() + 1));
  }
}

namespace {

// The rules of glob.h written as plain backtracking: exponential, so only for short inputs.
bool reference_match(std::string_view p, std::string_view s) {
  if (p.empty()) return s.empty();
  if (p.substr(0, 3) == "**/") {
    if (reference_match(p.substr(3), s)) return true;
    for (std::size_t k = 0; k < s.size(); ++k)
      if (s[k] == '/' && reference_match(p.substr(3), s.substr(k + 1))) return true;
    return false;
  }
  if (p.substr(0, 2) == "**") {
    for (std::size_t k = 0; k <= s.size(); ++k)
      if (reference_match(p.substr(2), s.substr(k))) return true;
    return false;
  }
  if (p[0] == '*') {
    for (std::size_t k = 0; k <= s.size(); ++k) {
      if (reference_match(p.substr(1), s.substr(k))) return true;
      if (k < s.size() && s[k] == '/') return false;
    }
    return false;
  }
  if (s.empty() || (p[0] != s[0] && p[0] != '?' && p[0] != '[')) return false;
  if (p[0] == '?') return s[0] != '/' && reference_match(p.substr(1), s.substr(1));
  if (p[0] == '[') {
    std::size_t close = p.find(']', p.size() > 1 && (p[1] == '!' || p[1] == '^') ? 3 : 2);
    if (close != std::string_view::npos) {
      std::string_view body = p.substr(1, close - 1);
      bool negate = body[0] == '!' || body[0] == '^';
      if (negate) body.remove_prefix(1);
      bool in = false;
      for (std::size_t i = 0; i < body.size(); ++i) {
        if (i + 2 < body.size() && body[i + 1] == '-') {
          in = in || (s[0] >= body[i] && s[0] <= body[i + 2]);
          i += 2;
        } else {
          in = in || s[0] == body[i];
        }
      }
      return s[0] != '/' && in != negate && reference_match(p.substr(close + 1), s.substr(1));
    }
    if (s[0] != '[') return false;
  }
  return reference_match(p.substr(1), s.substr(1));
}

}  // namespace

TEST_CASE("glob_match: agrees with plain backtracking on every short input tried", "[glob]") {
  // A fixed seed, so a disagreement names the same pattern and path on every run.
  std::mt19937 random(20261128);
  const std::string pattern_alphabet = "ab/*?[]!-";
  const std::string path_alphabet = "ab/-[";
  auto draw = [&](const std::string& alphabet, std::size_t max_length) {
    std::string text(random() % (max_length + 1), ' ');
    for (char& c : text)
      c = alphabet[random() % alphabet.size()];
    return text;
  };
  int matches = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string pattern = draw(pattern_alphabet, 7);
    std::string path = draw(path_alphabet, 7);
    INFO("pattern '" << pattern << "' path '" << path << "'");
    bool expected = reference_match(pattern, path);
    REQUIRE(glob_match(pattern, path) == expected);
    matches += expected ? 1 : 0;
  }
  // Both answers were exercised, not only "no match".
  CHECK(matches > 500);
}
