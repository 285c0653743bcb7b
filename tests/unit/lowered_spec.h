#pragma once

#include <set>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "diag/finding_sink.h"
#include "diag/source_file.h"
#include "frontend/load.h"
#include "frontend/lower.h"
#include "frontend/schema.h"
#include "ir/spec.h"

namespace aksc::test {

/// The front end as `aksc lint` runs it on a one-document spec: load, schema, lower.
inline ir::Spec lowered_spec(const std::string& text, const std::string& file = "specs/spec.yaml") {
  SourceFile source(file, text);
  FindingSink sink;
  std::vector<YamlDocument> documents = load_yaml(source, sink);
  REQUIRE(documents.size() == 1);
  const Schema& schema = Schema::embedded("aksc-spec.schema.json");
  canonicalize_enums(documents[0], schema);
  aksc::InvalidPointers invalid = validate_document(documents[0], schema, file, "AKS002", sink);
  return lower_spec(documents[0], invalid, file, 0);
}

}  // namespace aksc::test
