// The one edit-distance helper behind every "did you mean".
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "diag/spellcheck.h"

using aksc::closest_match;
using aksc::did_you_mean;
using aksc::edit_distance;

TEST_CASE("edit_distance counts insertions, deletions and replacements", "[spellcheck]") {
  CHECK(edit_distance("", "", 5) == 0);
  CHECK(edit_distance("abc", "abc", 5) == 0);
  CHECK(edit_distance("", "abc", 5) == 3);
  CHECK(edit_distance("abc", "", 5) == 3);
  CHECK(edit_distance("kitten", "sitting", 5) == 3);
  CHECK(edit_distance("vm_size", "vm_sizes", 5) == 1);
  CHECK(edit_distance("location", "locaton", 5) == 1);
  CHECK(edit_distance("sku", "skus", 5) == 1);
  CHECK(edit_distance("name", "nmae", 5) == 1);  // one swap of neighbours
}

TEST_CASE("edit_distance counts a swap of adjacent characters as one edit", "[spellcheck]") {
  CHECK(edit_distance("agnet_count", "agent_count", 5) == 1);
  CHECK(edit_distance("ab", "ba", 5) == 1);
  CHECK(edit_distance("abcd", "badc", 5) == 2);
  CHECK(edit_distance("ca", "abc", 5) == 3);  // optimal string alignment: no edit of a swap
}

TEST_CASE("edit_distance ignores ASCII case", "[spellcheck]") {
  CHECK(edit_distance("FastProd", "fastprod", 5) == 0);
  CHECK(edit_distance("AGENT_COUNT", "agent_count", 5) == 0);
  CHECK(edit_distance("Standard", "standerd", 5) == 1);
}

TEST_CASE("edit_distance gives up past the cutoff", "[spellcheck]") {
  CHECK(edit_distance("kitten", "sitting", 2) == 3);
  CHECK(edit_distance("kitten", "sitting", 3) == 3);
  CHECK(edit_distance("abc", "xyz", 0) == 1);
  CHECK(edit_distance("abc", "abc", 0) == 0);
  CHECK(edit_distance("a", "abcdefghij", 3) == 4);
  CHECK(edit_distance("completely", "unrelated words", 1) == 2);
  CHECK(edit_distance("", "abcdef", 2) == 3);
}

TEST_CASE("closest_match finds plausible typos", "[spellcheck]") {
  std::vector<std::string> keys = {"accelerator", "agent_count", "apiVersion", "location",
                                   "mode",        "name",        "vm_size",    "workspace"};
  CHECK(closest_match("agnet_count", keys) == std::optional<std::string>("agent_count"));
  CHECK(closest_match("agent_cont", keys) == std::optional<std::string>("agent_count"));
  CHECK(closest_match("vm_sise", keys) == std::optional<std::string>("vm_size"));
  CHECK(closest_match("nmae", keys) == std::optional<std::string>("name"));
  CHECK(closest_match("Location", keys) == std::optional<std::string>("location"));
  CHECK(closest_match("workspce", keys) == std::optional<std::string>("workspace"));
  CHECK(closest_match("apiversion", keys) == std::optional<std::string>("apiVersion"));
}

TEST_CASE("closest_match returns nothing for unrelated words", "[spellcheck]") {
  std::vector<std::string> keys = {"agent_count", "name", "vm_size", "workspace"};
  CHECK_FALSE(closest_match("description", keys).has_value());
  CHECK_FALSE(closest_match("totally_different", keys).has_value());
  CHECK_FALSE(closest_match("zzzz", keys).has_value());
  CHECK_FALSE(closest_match("anything", {}).has_value());
}

TEST_CASE("closest_match allows a third of the word's length, between 1 and 3 edits",
          "[spellcheck]") {
  // 4 letters: 1 edit.
  CHECK(closest_match("nam", {"name"}) == std::optional<std::string>("name"));
  CHECK_FALSE(closest_match("nxmx", {"name"}).has_value());
  // 6 letters: 2 edits.
  CHECK(closest_match("gpuxxx", {"gpuxyz"}) == std::optional<std::string>("gpuxyz"));
  CHECK_FALSE(closest_match("abcdef", {"abcxyz"}).has_value());
  // 9 letters: 3 edits; 15 letters: still 3.
  CHECK(closest_match("abcdefxyz", {"abcdefghi"}) == std::optional<std::string>("abcdefghi"));
  CHECK_FALSE(closest_match("abcdefghijkwxyz", {"abcdefghijklmno"}).has_value());
  CHECK(closest_match("abcdefghijklxyo", {"abcdefghijklmno"}) ==
        std::optional<std::string>("abcdefghijklmno"));
  // 1 or 2 letters: 1 edit.
  CHECK(closest_match("a", {"b"}) == std::optional<std::string>("b"));
  CHECK_FALSE(closest_match("ab", {"cd"}).has_value());
}

TEST_CASE("closest_match prefers the closest, then the earliest candidate", "[spellcheck]") {
  CHECK(closest_match("gpuu", {"fpga", "gpu", "none"}) == std::optional<std::string>("gpu"));
  CHECK(closest_match("AKS10", {"AKS101", "AKS102", "AKS103"}) ==
        std::optional<std::string>("AKS101"));
  CHECK(closest_match("AKS10", {"AKS103", "AKS102", "AKS101"}) ==
        std::optional<std::string>("AKS103"));
  // A closer candidate wins even when it comes later.
  CHECK(closest_match("basik", {"bastic", "basic"}) == std::optional<std::string>("basic"));
  // An exact (case-insensitive) match wins over an earlier near one.
  CHECK(closest_match("User", {"users", "user"}) == std::optional<std::string>("user"));
}

TEST_CASE("did_you_mean formats the suffix every message uses", "[spellcheck]") {
  std::vector<std::string> keys = {"agent_count", "vm_size"};
  CHECK(did_you_mean("agnet_count", keys) == " (did you mean 'agent_count'?)");
  CHECK(did_you_mean("VM_SIZE", keys) == " (did you mean 'vm_size'?)");
  CHECK(did_you_mean("unrelated_field", keys) == "");
  CHECK(did_you_mean("x", {}) == "");
}
