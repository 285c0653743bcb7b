#pragma once

#include <string>
#include <string_view>

#include "diag/finding_sink.h"
#include "frontend/yaml_document.h"

namespace aksc {

/// What a spec document says it is (SPEC §1): apiVersion aksc/v1 with one of the kinds.
inline constexpr std::string_view kSpecApiVersion = "aksc/v1";
inline constexpr std::string_view kSpecKinds[] = {"KubernetesCompute", "AksCompute"};
/// The kinds as messages name them: "KubernetesCompute or AksCompute".
inline constexpr std::string_view kSpecKindsText = "KubernetesCompute or AksCompute";

/// What a YAML document of a linted file is to aksc.
enum class DocumentKind {
  kSpec,      ///< apiVersion aksc/v1 and one of kSpecKinds: checked.
  kNearMiss,  ///< Plainly meant as a spec (apiVersion aksc/..., or a spec kind in any case).
  kPolicy,    ///< An organisation policy (kind: Policy), read through aksc.yaml: skipped.
  kOther,     ///< Not aksc's: skipped with a note.
};

DocumentKind classify_document(const YamlDocument& doc);

/// Reports a near miss as AKS002, at its apiVersion or kind, rather than skipping it silently.
void report_near_miss(const YamlDocument& doc, const std::string& file, FindingSink& sink);

/// --specs-only: whether `text` may hold a spec or a near miss, which has apiVersion aksc/...
/// or a spec kind (in any case).
bool may_hold_spec(std::string_view text);

}  // namespace aksc
