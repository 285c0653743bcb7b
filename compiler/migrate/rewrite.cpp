#include "migrate/rewrite.h"

#include <algorithm>

#include <fmt/format.h>

#include "migrate/yaml_layout.h"

namespace aksc::migrate {
namespace {

constexpr const char* kMigrateNewKind = "KubernetesCompute";
constexpr const char* kMigrateNewMode = "provision-and-attach";

bool migrate_inside(std::string_view pointer, std::string_view parent) {
  return pointer.size() > parent.size() && pointer.starts_with(parent) &&
         pointer[parent.size()] == '/';
}

Refusal migrate_layout_refusal(const ir::Spec& spec, const YamlDocument& document,
                               std::string_view pointer) {
  return Refusal{fmt::format("the entry {} is written in a layout aksc migrate does not edit "
                             "(its key does not start its line)",
                             pointer.substr(1)),
                 "write the entry as a block mapping entry on its own line, then migrate again",
                 {spec.file, document.locate_key(pointer)}};
}

// Replaces a scalar's written text (quotes included) with `text`.
TextEdit migrate_replace_scalar(const SourceFile& source, const YamlDocument& document,
                                std::string_view pointer, std::string text) {
  const NodeLocation& at = document.locations.find(pointer)->second;
  return {offset_of(source, at.value.begin), offset_of(source, at.value.end), std::move(text)};
}

// Deletion spans of flow entries of one mapping may share a comma: merged into one, which then
// takes the comma before it when it reaches the closing bracket.
void migrate_merge_spans(std::string_view text, std::vector<EntrySpan>& spans) {
  std::sort(spans.begin(), spans.end(),
            [](const EntrySpan& a, const EntrySpan& b) { return a.begin < b.begin; });
  std::vector<EntrySpan> merged;
  for (const EntrySpan& span : spans) {
    if (!merged.empty() && span.begin <= merged.back().end) {
      merged.back().end = std::max(merged.back().end, span.end);
      if (span.begin < merged.back().begin) merged.back().begin = span.begin;
      continue;
    }
    merged.push_back(span);
  }
  for (EntrySpan& span : merged) {
    if (!span.flow || (span.begin < text.size() && text[span.begin] == ',')) continue;
    std::size_t after = text.find_first_not_of(" \t\r\n", span.end);
    if (after == std::string_view::npos || text[after] != '}') continue;
    std::size_t before = span.begin;
    while (before > 0 && std::string_view(" \t\r\n").find(text[before - 1]) != text.npos)
      --before;
    if (before > 0 && text[before - 1] == ',') span.begin = before - 1;
  }
  spans = std::move(merged);
}

// The top-level entry written last: the extension block goes after it.
std::optional<std::string> migrate_last_top_level(const YamlDocument& document) {
  std::optional<std::string> last;
  SourcePosition last_at;
  for (const auto& [pointer, location] : document.locations) {
    if (pointer.empty() || pointer.find('/', 1) != std::string::npos) continue;
    if (!last || last_at < location.key.begin) {
      last = pointer;
      last_at = location.key.begin;
    }
  }
  return last;
}

std::string migrate_spaces(int count) {
  return std::string(static_cast<std::size_t>(count), ' ');
}

}  // namespace

std::string extension_block(const SourceFile& source, const YamlDocument& document,
                            const ExtensionPlan& plan, int step, std::string_view line_break) {
  CommentIndex comments(source.text());
  std::string out;
  auto line = [&](int level, std::string_view text) {
    out += migrate_spaces(level * step);
    out += text;
    out += line_break;
  };
  // The comments that ended the lines of ssl and ssl.status say why TLS is as it is: they go to
  // the line that now says it.
  std::string tls_comment;
  for (const char* pointer : {"/ssl", "/ssl/status"}) {
    auto at = document.locations.find(pointer);
    if (at == document.locations.end() || !at->second.key.known()) continue;
    std::string_view comment = comments.trailing(offset_of(source, at->second.key.end));
    if (comment.empty() || tls_comment.find(comment) != std::string::npos) continue;
    tls_comment += "   " + std::string(comment);
  }
  line(0, "extension:");
  line(1, "inference:");
  line(2, "enabled: true");
  line(2, "router_service_type: load-balancer");
  if (plan.internal_load_balancer) line(2, "internal_load_balancer: true");
  if (plan.router_ha_off) line(2, "router_ha: false");
  if (plan.allow_insecure_connections) {
    line(2, "allow_insecure_connections: true" + (plan.ssl.empty() ? tls_comment : ""));
  }
  if (!plan.leaf_domain_label.empty()) {
    line(2, "# aksc migrate: choose a certificate. v1's leaf_domain_label '" +
                plan.leaf_domain_label + "' (a Microsoft certificate");
    line(2, "# for a name under " + plan.leaf_domain_location +
                ".cloudapp.azure.com) has no v2 equivalent. For HTTPS, remove");
    line(2, "# allow_insecure_connections and write a name you own with its certificate:");
    line(2, "# ssl:");
    line(2, "#   cname: scoring.example.com");
    line(2, "#   secret: azureml-tls   # kubectl create secret tls azureml-tls -n azureml ...");
  }
  if (!plan.ssl.empty()) {
    line(2, "ssl:" + tls_comment);
    for (const MovedField& field : plan.ssl) {
      std::string text =
          field.key + ": " + std::string(scalar_text(source, document, field.pointer));
      auto at = document.locations.find(field.pointer);
      std::string_view comment = comments.trailing(offset_of(source, at->second.value.end));
      if (!comment.empty()) text += "   " + std::string(comment);
      line(3, text);
    }
  }
  if (plan.install_nvidia_device_plugin) line(1, "install_nvidia_device_plugin: true");
  return out;
}

DocumentEdits edits_for(const SourceFile& source, const YamlDocument& document,
                        const ir::Spec& spec, const MigrationPlan& plan) {
  DocumentEdits result;
  std::string_view text = source.text();
  if (is_flow_mapping(source, document, "")) {
    result.refusal = Refusal{
        "the spec is one flow mapping ({...}); aksc migrate edits block "
        "mappings, line by line",
        "write the top level as a block mapping (one key per line)",
        {spec.file, document.range}};
    return result;
  }
  result.edits.push_back(migrate_replace_scalar(source, document, "/kind", kMigrateNewKind));
  if (plan.mode_to_provision_and_attach)
    result.edits.push_back(migrate_replace_scalar(source, document, "/mode", kMigrateNewMode));

  std::vector<EntrySpan> spans;
  std::optional<EntrySpan> ssl_span;
  for (const std::string& pointer : plan.removed) {
    bool parent_goes =
        std::any_of(plan.removed.begin(), plan.removed.end(),
                    [&](const std::string& p) { return migrate_inside(pointer, p); });
    if (parent_goes) continue;
    std::optional<EntrySpan> span = entry_span(source, document, pointer);
    if (!span) {
      result.refusal = migrate_layout_refusal(spec, document, pointer);
      return result;
    }
    if (pointer == "/ssl") {
      ssl_span = span;
      continue;
    }
    spans.push_back(*span);
  }
  migrate_merge_spans(text, spans);
  for (const EntrySpan& span : spans)
    result.edits.push_back({span.begin, span.end, ""});

  std::string_view line_break = line_break_of(text);
  std::string block =
      extension_block(source, document, plan.extension, indent_step(source, document), line_break);
  if (ssl_span) {
    result.edits.push_back({ssl_span->begin, ssl_span->end, std::move(block)});
    return result;
  }
  std::optional<std::string> last = migrate_last_top_level(document);
  std::optional<EntrySpan> last_span = last ? entry_span(source, document, *last) : std::nullopt;
  if (!last_span) {
    result.refusal = migrate_layout_refusal(spec, document, last.value_or("/kind"));
    return result;
  }
  std::size_t at = last_span->end;
  if (at > 0 && text[at - 1] != '\n') block = std::string(line_break) + block;
  result.edits.push_back({at, at, std::move(block)});
  return result;
}

}  // namespace aksc::migrate
