#include "driver/select_documents.h"

#include <algorithm>
#include <iterator>

#include <fmt/format.h>

#include "diag/text_util.h"

namespace aksc {
namespace {

std::string string_at(const nlohmann::json& root, const char* key) {
  return root.contains(key) && root[key].is_string() ? root[key].get<std::string>() : "";
}

bool is_spec_kind(std::string_view kind) {
  return std::find(std::begin(kSpecKinds), std::end(kSpecKinds), kind) != std::end(kSpecKinds);
}

bool is_spec_kind_in_any_case(std::string_view kind) {
  return std::any_of(std::begin(kSpecKinds), std::end(kSpecKinds),
                     [kind](std::string_view known) { return iequals(known, kind); });
}

}  // namespace

DocumentKind classify_document(const YamlDocument& doc) {
  if (!doc.root.is_object()) return DocumentKind::kOther;
  std::string api_version = string_at(doc.root, "apiVersion");
  std::string kind = string_at(doc.root, "kind");
  if (api_version == kSpecApiVersion && is_spec_kind(kind)) return DocumentKind::kSpec;
  // An organisation policy is read through aksc.yaml's policies: (policy/), not as a spec.
  if (api_version == kSpecApiVersion && kind == "Policy") return DocumentKind::kPolicy;
  if (api_version.rfind("aksc/", 0) == 0 || is_spec_kind_in_any_case(kind)) {
    return DocumentKind::kNearMiss;
  }
  return DocumentKind::kOther;
}

void report_near_miss(const YamlDocument& doc, const std::string& file, FindingSink& sink) {
  std::string api_version = string_at(doc.root, "apiVersion");
  std::string kind = string_at(doc.root, "kind");
  if (api_version != kSpecApiVersion) {
    std::string pointer = doc.root.contains("apiVersion") ? "/apiVersion" : "";
    sink.report("AKS002", file, doc.locate(pointer),
                api_version.empty()
                    ? "this looks like an aksc spec but has no apiVersion, so it is not checked"
                    : fmt::format("apiVersion '{}' is not supported, so this document is not "
                                  "checked",
                                  api_version),
                "write 'apiVersion: aksc/v1'");
  } else {
    std::string pointer = doc.root.contains("kind") ? "/kind" : "";
    sink.report(
        "AKS002", file, doc.locate(pointer),
        kind.empty() ? std::string("this aksc/v1 document has no kind, so it is not checked")
                     : fmt::format("kind '{}' is not {}, so this document is not checked", kind,
                                   kSpecKindsText),
        "write 'kind: KubernetesCompute' (Azure ML v2, recommended) or 'kind: AksCompute' (the "
        "legacy v1 AKS compute)");
  }
}

bool may_hold_spec(std::string_view text) {
  std::string lower = to_lower(text);
  return lower.find("aksc/") != std::string::npos ||
         lower.find("akscompute") != std::string::npos ||
         lower.find("kubernetescompute") != std::string::npos;
}

}  // namespace aksc
