// driver/select_documents: which YAML documents are specs (apiVersion aksc/v1 with kind
// KubernetesCompute or AksCompute), near misses, or someone else's; --specs-only's quick test.
#include <catch2/catch.hpp>

#include <string>

#include "diag/finding_sink.h"
#include "diag/source_file.h"
#include "driver/select_documents.h"
#include "frontend/load.h"

namespace {

aksc::DocumentKind kind_of(const std::string& text) {
  aksc::FindingSink sink;
  auto documents = aksc::load_yaml(aksc::SourceFile("spec.yaml", text), sink);
  REQUIRE(documents.size() == 1);
  return aksc::classify_document(documents[0]);
}

}  // namespace

TEST_CASE("select_documents: both kinds are specs, other aksc documents near misses") {
  using aksc::DocumentKind;
  CHECK(kind_of("apiVersion: aksc/v1\nkind: KubernetesCompute\n") == DocumentKind::kSpec);
  CHECK(kind_of("apiVersion: aksc/v1\nkind: AksCompute\n") == DocumentKind::kSpec);
  CHECK(kind_of("apiVersion: aksc/v1\nkind: kubernetescompute\n") == DocumentKind::kNearMiss);
  CHECK(kind_of("apiVersion: aksc/v2\nkind: KubernetesCompute\n") == DocumentKind::kNearMiss);
  CHECK(kind_of("apiVersion: v1\nkind: KUBERNETESCOMPUTE\n") == DocumentKind::kNearMiss);
  CHECK(kind_of("apiVersion: aksc/v1\n") == DocumentKind::kNearMiss);
  CHECK(kind_of("apiVersion: v1\nkind: ConfigMap\n") == DocumentKind::kOther);
  CHECK(kind_of("apiVersion: aksc/v1\nkind: Policy\n") == DocumentKind::kPolicy);
}

TEST_CASE("select_documents: --specs-only keeps files that name either kind") {
  CHECK(aksc::may_hold_spec("kind: KubernetesCompute"));
  CHECK(aksc::may_hold_spec("KIND: akscompute"));
  CHECK(aksc::may_hold_spec("apiVersion: aksc/v1"));
  CHECK_FALSE(aksc::may_hold_spec("apiVersion: apps/v1\nkind: Deployment\n"));
}
