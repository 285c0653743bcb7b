#include "driver/spec_list.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace {

using aksc::SpecList;

aksc::ir::Spec spec_named(const std::string& name) {
  aksc::ir::Spec spec;
  spec.name.value = name;
  return spec;
}

std::vector<aksc::ir::Spec> specs_named(std::initializer_list<const char*> names) {
  std::vector<aksc::ir::Spec> specs;
  for (const char* name : names)
    specs.push_back(spec_named(name));
  return specs;
}

std::vector<std::string> names_of(const SpecList& list) {
  std::vector<std::string> names;
  for (const aksc::ir::Spec& spec : list)
    names.push_back(spec.name.value);
  return names;
}

TEST_CASE("SpecList: files' specs in order, by index and by iteration") {
  SpecList list;
  CHECK(list.empty());
  CHECK(list.begin() == list.end());
  list.append(specs_named({"a", "b"}));
  list.append({});  // a file without specs adds nothing
  list.push_back(spec_named("c"));
  list.append(specs_named({"d", "e", "f"}));
  REQUIRE(list.size() == 6);
  CHECK(names_of(list) == std::vector<std::string>{"a", "b", "c", "d", "e", "f"});
  for (std::size_t i = 0; i < list.size(); ++i)
    CHECK(list[i].name.value == std::string(1, static_cast<char>('a' + i)));
  list[4].name.value = "E";
  CHECK(names_of(list)[4] == "E");
}

TEST_CASE("SpecList: a file's specs are kept where they were, not copied") {
  SpecList list;
  std::vector<aksc::ir::Spec> specs = specs_named({"x", "y"});
  const aksc::ir::Spec* first = specs.data();
  list.append(std::move(specs));
  for (int i = 0; i < 100; ++i)
    list.push_back(spec_named("more"));
  CHECK(&list[0] == first);
  CHECK(&list[1] == first + 1);
}

}  // namespace
