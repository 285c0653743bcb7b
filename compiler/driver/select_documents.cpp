#include "driver/select_documents.h"

#include <fmt/format.h>

#include "diag/text_util.h"

namespace aksc {
namespace {

std::string string_at(const nlohmann::json& root, const char* key) {
  return root.contains(key) && root[key].is_string() ? root[key].get<std::string>() : "";
}

}  // namespace

DocumentKind classify_document(const YamlDocument& doc) {
  if (!doc.root.is_object()) return DocumentKind::kOther;
  std::string api_version = string_at(doc.root, "apiVersion");
  std::string kind = string_at(doc.root, "kind");
  if (api_version == kSpecApiVersion && kind == kSpecKind) return DocumentKind::kSpec;
  if (api_version.rfind("aksc/", 0) == 0 || iequals(kind, kSpecKind)) {
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
    sink.report("AKS002", file, doc.locate(pointer),
                fmt::format("kind '{}' is not AksCompute, so this document is not checked", kind),
                "write 'kind: AksCompute'");
  }
}

bool may_hold_spec(std::string_view text) {
  std::string lower = to_lower(text);
  return lower.find("aksc/") != std::string::npos || lower.find("akscompute") != std::string::npos;
}

}  // namespace aksc
