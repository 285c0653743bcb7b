#include "policy/policy_eval.h"

#include <optional>

#include <fmt/format.h>

#include "frontend/yaml_document.h"
#include "resolve/resolved_spec.h"

namespace aksc {
namespace {

// "load_balancer.type" for "/load_balancer/type"; "the spec" for "".
std::string field_path(std::string_view pointer) {
  if (pointer.empty()) return "the spec";
  std::string path;
  std::string scratch;
  while (!pointer.empty()) {
    std::optional<std::string_view> token = take_pointer_token(pointer, scratch);
    if (!token) break;
    bool index = !token->empty() && token->find_first_not_of("0123456789") == std::string::npos;
    if (index) {
      path += fmt::format("[{}]", *token);
    } else {
      path += (path.empty() ? "" : ".") + std::string(*token);
    }
  }
  return path;
}

// valijson's "Missing required property 'type'." as "missing required property 'type'".
std::string plain_description(std::string description) {
  if (!description.empty() && description.back() == '.') description.pop_back();
  if (!description.empty() && description[0] >= 'A' && description[0] <= 'Z')
    description[0] = static_cast<char>(description[0] - 'A' + 'a');
  return description;
}

std::string help_of(const Policy& policy) {
  if (policy.source.empty()) return policy.help;
  if (policy.help.empty()) return "see " + policy.source;
  return fmt::format("{}; see {}", policy.help, policy.source);
}

class PolicyRun {
 public:
  PolicyRun(const ir::Spec& spec, FindingSink& sink) : spec_(spec), sink_(sink) {}

  void run(const Policy& policy) {
    if (!policy.selects(spec_)) return;
    if (policy.when) {
      if (refuse_long_value(policy, *policy.when)) return;
      if (!policy.when->matches(resolved())) return;
    }
    if (refuse_long_value(policy, *policy.require)) return;
    std::optional<PolicyFailure> failure = policy.require->failure(resolved());
    if (!failure) return;
    report(policy, failure->pointer,
           fmt::format("{} ({}: {})", policy.message, field_path(failure->pointer),
                       plain_description(failure->description)),
           help_of(policy));
  }

 private:
  const nlohmann::json& resolved() {
    if (!resolved_) resolved_ = resolve_spec(spec_);
    return *resolved_;
  }
  const ResolvedRanges& ranges() {
    if (!ranges_) {
      ranges_.emplace();
      resolve_spec(spec_, &*ranges_);
    }
    return *ranges_;
  }

  // The spec's first value too long for a pattern, found once for all its policies.
  const std::optional<LongPolicySubject>& long_subject() {
    if (!long_subject_) long_subject_ = find_long_subject(resolved());
    return *long_subject_;
  }

  // A value the schema's patterns cannot be matched against safely is a finding, never a pass.
  bool refuse_long_value(const Policy& policy, const PolicySchema& schema) {
    if (!schema.has_patterns()) return false;
    const std::optional<LongPolicySubject>& long_value = long_subject();
    if (!long_value) return false;
    report(policy, long_value->pointer,
           fmt::format("{} cannot be checked: {} is {} bytes long, and policy patterns are matched "
                       "against values of up to {}",
                       policy.id, field_path(long_value->pointer), long_value->length,
                       PolicySchema::kMaxPatternSubject),
           "shorten the value, or ask the policy's authors to check it without a pattern");
    return true;
  }

  void report(const Policy& policy, const std::string& pointer, std::string message,
              std::string help) {
    SourceRange range = ranges().locate(pointer);
    Finding& finding = sink_.report(policy.id, spec_.file, range.known() ? range : spec_.range,
                                    std::move(message), std::move(help));
    finding.severity = policy.severity;
    finding.keep_severity = true;
  }

  const ir::Spec& spec_;
  FindingSink& sink_;
  std::optional<nlohmann::json> resolved_;
  std::optional<ResolvedRanges> ranges_;
  std::optional<std::optional<LongPolicySubject>> long_subject_;  // outer: not looked for yet
};

}  // namespace

void run_policies(const ir::Spec& spec, const PolicySet& policies, FindingSink& sink) {
  PolicyRun run(spec, sink);
  for (const Policy& policy : policies.policies)
    run.run(policy);
}

}  // namespace aksc
