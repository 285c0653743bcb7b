#include "policy/policy_file.h"

#include <fmt/format.h>

#include "frontend/load.h"
#include "frontend/schema.h"
#include "ir/spelling.h"

namespace aksc {
namespace {

constexpr const char* kFixHelp =
    "fix the policy ('aksc schema policy' prints what a policy may hold); until then it does not "
    "run";

std::string policy_text_at(const YamlDocument& doc, const char* key) {
  auto found = doc.root.find(key);
  return found != doc.root.end() && found->is_string() ? found->get<std::string>() : "";
}

template <typename Enum>
std::vector<Enum> read_list(const YamlDocument& doc, const char* key) {
  std::vector<Enum> values;
  const nlohmann::json* list = node_at(doc.root, std::string("/applies_to/") + key);
  if (!list || !list->is_array()) return values;
  for (const nlohmann::json& item : *list)
    if (item.is_string())
      if (auto value = ir::parse_spelling<Enum>(item.get_ref<const std::string&>()))
        values.push_back(*value);
  return values;
}

// Compiles `when` or `require`; reports why it cannot be used and returns null then.
bool compile_schema(const YamlDocument& doc, const char* key, const std::string& file,
                    std::shared_ptr<const PolicySchema>& out, FindingSink& sink) {
  auto found = doc.root.find(key);
  if (found == doc.root.end()) return true;
  auto compiled = PolicySchema::compile(*found);
  if (auto* schema = std::get_if<std::shared_ptr<const PolicySchema>>(&compiled)) {
    out = std::move(*schema);
    return true;
  }
  const PolicySchemaError& problem = std::get<PolicySchemaError>(compiled);
  std::string pointer = std::string("/") + key + problem.pointer;
  sink.report("AKS008", file, doc.locate(pointer), fmt::format("{}: {}", key, problem.message),
              kFixHelp);
  return false;
}

std::optional<Policy> read_policy(const YamlDocument& doc, const std::string& file,
                                  FindingSink& sink) {
  const Schema& schema = Schema::embedded("aksc-policy.schema.json");
  if (!validate_document(doc, schema, file, "AKS008", sink).empty()) return std::nullopt;
  Policy policy;
  policy.id = policy_text_at(doc, "id");
  policy.title = policy_text_at(doc, "title");
  policy.severity = parse_severity(policy_text_at(doc, "severity")).value_or(Severity::kError);
  policy.message = policy_text_at(doc, "message");
  policy.help = policy_text_at(doc, "help");
  policy.source = policy_text_at(doc, "source");
  policy.kinds = read_list<ir::Kind>(doc, "kinds");
  policy.modes = read_list<ir::Mode>(doc, "modes");
  policy.file = file;
  policy.range = doc.locate("/id");
  bool usable = compile_schema(doc, "when", file, policy.when, sink);
  usable = compile_schema(doc, "require", file, policy.require, sink) && usable;
  if (!usable) return std::nullopt;
  return policy;
}

// Lines `first` to `last` of `source`, without a closing document marker.
std::string document_text(const SourceFile& source, int first, int last) {
  std::string text;
  for (int line = std::max(first, 1); line <= last; ++line) {
    std::string_view content = source.line(line);
    if (line == last && (content == "---" || content == "...")) break;
    text.append(content);
    text += '\n';
  }
  while (text.size() >= 2 && text.ends_with("\n\n"))  // the blank lines before the next document
    text.pop_back();
  return text;
}

}  // namespace

std::vector<Policy> parse_policy_file(const SourceFile& source, FindingSink& sink) {
  FindingSink yaml_sink;
  std::vector<YamlDocument> documents = load_yaml(source, yaml_sink);
  // A file YAML cannot read whole (a syntax error, a repeated key) may say something else than
  // what the documents before the error seem to say: none of its policies runs.
  if (!yaml_sink.findings().empty()) {
    for (Finding& finding : yaml_sink.take()) {
      finding.rule = "AKS008";
      finding.help = kFixHelp;
      sink.add(std::move(finding));
    }
    return {};
  }
  if (documents.empty()) {
    sink.report("AKS008", source.path(), {{1, 1}, {1, 1}}, "the policy file holds no policy",
                "write a kind: Policy document, or take the file out of aksc.yaml's policies:");
  }
  std::vector<Policy> policies;
  for (std::size_t i = 0; i < documents.size(); ++i) {
    std::optional<Policy> policy = read_policy(documents[i], source.path(), sink);
    if (!policy) continue;
    int last =
        i + 1 < documents.size() ? documents[i + 1].range.begin.line - 1 : source.line_count();
    policy->text = document_text(source, documents[i].range.begin.line, last);
    policies.push_back(std::move(*policy));
  }
  return policies;
}

}  // namespace aksc
