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

/// A spec lowered, with the findings of the schema.
struct LoweredSpec {
  ir::Spec spec;
  std::vector<Finding> findings;
};

/// The front end as `aksc lint` runs it on a one-document spec: load, schema, lower.
inline LoweredSpec lowered_with_findings(const std::string& text, const std::string& file) {
  SourceFile source(file, text);
  FindingSink sink;
  std::vector<YamlDocument> documents = load_yaml(source, sink);
  REQUIRE(documents.size() == 1);
  const Schema& schema = Schema::embedded("aksc-spec.schema.json");
  canonicalize_enums(documents[0], schema);
  aksc::InvalidPointers invalid = validate_document(documents[0], schema, file, "AKS002", sink);
  return {lower_spec(documents[0], invalid, file, 0), sink.findings()};
}

inline ir::Spec lowered_spec(const std::string& text, const std::string& file = "specs/spec.yaml") {
  return lowered_with_findings(text, file).spec;
}

/// lowered_spec of a spec the schema must accept: a finding fails the test, and is shown.
inline ir::Spec lowered_valid_spec(const std::string& text,
                                   const std::string& file = "specs/spec.yaml") {
  LoweredSpec lowered = lowered_with_findings(text, file);
  for (const Finding& f : lowered.findings)
    UNSCOPED_INFO(f.location.range.begin.line << ":" << f.location.range.begin.column << ": "
                                              << f.message);
  REQUIRE(lowered.findings.empty());
  return std::move(lowered.spec);
}

/// Columns `column` to `end_column` of one line.
inline SourceRange line_range(int line, int column, int end_column) {
  return {{line, column}, {line, end_column}};
}

template <typename T>
void check_written(const ir::Field<T>& field, const T& value) {
  CHECK(field.origin == ir::Origin::kWritten);
  CHECK(field.value == value);
}

template <typename T>
void check_written(const ir::Field<T>& field, const T& value, SourceRange where) {
  check_written(field, value);
  CHECK(field.range == where);
}

template <typename T>
void check_defaulted(const ir::Field<T>& field, const T& value, SourceRange where) {
  CHECK(field.origin == ir::Origin::kDefaulted);
  CHECK(field.value == value);
  CHECK(field.range == where);
}

}  // namespace aksc::test
