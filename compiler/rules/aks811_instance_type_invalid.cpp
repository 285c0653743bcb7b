// AKS811 instance-type-invalid — rules/AKS811-instance-type-invalid.md
#include <map>
#include <optional>

#include <fmt/format.h>

#include "rules/extension_common.h"
#include "rules/migration_rules.h"
#include "rules/quantity.h"

namespace aksc::rules {
namespace {

// The built-in instance type: "an instance type called defaultinstancetype is created when you
// attach a Kubernetes cluster" (how-to-manage-kubernetes-instance-types.md).
constexpr std::string_view kBuiltInInstanceType = "defaultinstancetype";

std::string instance_type_label(const ir::InstanceType& type, std::size_t index) {
  if (type.name.usable() && !type.name.value.empty())
    return fmt::format("instance type '{}'", type.name.value);
  return fmt::format("instance type #{}", index + 1);
}

bool is_label_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Why `text` is not a label name or value (Kubernetes "Labels and Selectors", syntax and
// character set): at most 63 characters of alphanumerics, '-', '_' and '.', beginning and
// ending with an alphanumeric; a value may be empty, a name not.
std::string label_segment_problem(std::string_view text, bool may_be_empty) {
  if (text.empty()) return may_be_empty ? std::string() : std::string("it is empty");
  if (text.size() > 63) return fmt::format("it is {} characters long; at most 63", text.size());
  for (char c : text) {
    if (!is_label_alnum(c) && c != '-' && c != '_' && c != '.')
      return fmt::format(
          "it has the character '{}'; only letters, digits, '-', '_' and '.' are "
          "allowed",
          std::string_view(&c, 1));
  }
  if (!is_label_alnum(text.front()) || !is_label_alnum(text.back()))
    return "it must begin and end with a letter or digit";
  return {};
}

// Why `key` is not a label key: an optional DNS-subdomain prefix and '/', then a name.
std::string label_key_problem(std::string_view key) {
  const std::size_t slash = key.rfind('/');
  if (slash != std::string_view::npos) {
    if (std::string problem = dns1123_subdomain_problem(key.substr(0, slash)); !problem.empty())
      return fmt::format("its prefix '{}' is not a DNS subdomain: {}", key.substr(0, slash),
                         problem);
    key = key.substr(slash + 1);
  }
  return label_segment_problem(key, false);
}

// Reports on one instance type's selectors and resources; `out` as the rule's.
class InstanceTypeChecker {
 public:
  InstanceTypeChecker(const ir::Spec& spec, RuleReporter& out) : spec_(spec), out_(out) {}

  void check(const ir::InstanceType& type, std::size_t index) {
    label_ = instance_type_label(type, index);
    type_ = &type;
    check_resource(type.requests, "requests", type.requests.cpu, "cpu");
    check_resource(type.requests, "requests", type.requests.memory, "memory");
    check_resource(type.limits, "limits", type.limits.cpu, "cpu");
    check_resource(type.limits, "limits", type.limits.memory, "memory");
    check_gpu(type);
    check_requests_within_limits(type.requests.cpu, type.limits.cpu, "cpu");
    check_requests_within_limits(type.requests.memory, type.limits.memory, "memory");
    check_node_selector(type);
  }

 private:
  void check_resource(const ir::ResourceList& list, std::string_view list_name,
                      const ir::Field<std::string>& field, std::string_view resource) {
    if (field.origin == ir::Origin::kInvalid) return;  // AKS002 reported it
    if (!field.usable() || field.value.empty()) {
      const SourceRange where = field.written()      ? field.range
                                : list.range.known() ? list.range
                                                     : type_->range;
      out_.report(
          where,
          fmt::format("{} has no {}.{}: Azure ML requires cpu and memory in both "
                      "requests and limits, and refuses the instance type without them",
                      label_, list_name, resource),
          fmt::format("write {}.{}, e.g. {}", list_name, resource,
                      resource == "cpu" ? "cpu: 500m (half a vCPU) or cpu: \"2\"" : "memory: 4Gi"));
      return;
    }
    QuantityParse parsed = parse_quantity(field.value);
    if (!parsed.value) {
      out_.report(field.range,
                  fmt::format("{}: {}.{} '{}' is not a Kubernetes quantity: {}", label_, list_name,
                              resource, field.value, parsed.error),
                  resource == "cpu"
                      ? "write vCPUs as a number or in millicores: \"2\", 1.5, 500m"
                      : "write bytes with a binary or decimal suffix: 4Gi, 1500Mi, 8G");
      return;
    }
    if (parsed.value->is_negative() || parsed.value->is_zero()) {
      out_.report(field.range,
                  fmt::format("{}: {}.{} is {}; Azure ML requires a value above zero", label_,
                              list_name, resource, field.value),
                  fmt::format("write a positive {}.{}, e.g. {}", list_name, resource,
                              resource == "cpu" ? "500m" : "4Gi"));
    }
  }

  void check_gpu(const ir::InstanceType& type) {
    if (type.requests.gpu.origin != ir::Origin::kAbsent) {
      out_.report(type.requests.gpu.range,
                  fmt::format("{}: nvidia.com/gpu is in requests; Azure ML takes the GPU count "
                              "only in limits",
                              label_),
                  "move nvidia.com/gpu to limits (Kubernetes requests as many GPUs as the "
                  "limit)");
    }
    const ir::Field<std::string>& gpu = type.limits.gpu;
    if (!gpu.usable()) return;
    QuantityParse parsed = parse_quantity(gpu.value);
    std::string problem;
    if (!parsed.value) {
      problem = "it is not a number: " + parsed.error;
    } else if (parsed.value->is_negative()) {
      problem = "it is negative";
    } else if (!parsed.value->is_whole()) {
      problem = "it is not a whole number";
    }
    if (problem.empty()) return;
    out_.report(gpu.range,
                fmt::format("{}: limits nvidia.com/gpu '{}' is not a GPU count: {}; Azure ML "
                            "takes an integer",
                            label_, gpu.value, problem),
                "write a whole number of GPUs, e.g. nvidia.com/gpu: 1 (0 for none)");
  }

  void check_requests_within_limits(const ir::Field<std::string>& request,
                                    const ir::Field<std::string>& limit,
                                    std::string_view resource) {
    if (!request.usable() || !limit.usable()) return;
    QuantityParse requested = parse_quantity(request.value);
    QuantityParse limited = parse_quantity(limit.value);
    if (!requested.value || !limited.value || limited.value->is_negative() ||
        limited.value->is_zero())
      return;  // reported above
    if (!(*requested.value > *limited.value)) return;
    out_.report(request.range,
                fmt::format("{}: requests.{} {} is more than limits.{} {}; Kubernetes refuses a "
                            "request above its limit",
                            label_, resource, request.value, resource, limit.value),
                fmt::format("lower requests.{} to {} or less, or raise limits.{}", resource,
                            limit.value, resource));
  }

  void check_node_selector(const ir::InstanceType& type) {
    if (!type.node_selector.usable()) return;
    const auto& extension_selector = spec_.kubernetes->extension.node_selector;
    const bool extension_selects = extension_selector.usable() && !extension_selector.value.empty();
    for (const auto& [key, value] : type.node_selector.value) {
      if (std::string problem = label_key_problem(key); !problem.empty()) {
        out_.report(type.node_selector.range,
                    fmt::format("{}: node selector key '{}' is not a Kubernetes label key: {}",
                                label_, key, problem),
                    "write a label key as [prefix/]name: a name of up to 63 letters, digits, "
                    "'-', '_' or '.', beginning and ending with a letter or digit");
        continue;
      }
      if (std::string problem = label_segment_problem(value, true); !problem.empty()) {
        out_.report(type.node_selector.range,
                    fmt::format("{}: node selector value '{}' of '{}' is not a Kubernetes label "
                                "value: {}",
                                label_, value, key, problem),
                    "write a label value of up to 63 letters, digits, '-', '_' or '.', "
                    "beginning and ending with a letter or digit");
        continue;
      }
      if (!extension_selects) continue;
      auto match = extension_selector.value.find(key);
      if (match != extension_selector.value.end() && match->second == value) continue;
      out_.report(
          type.node_selector.range,
          match == extension_selector.value.end()
              ? fmt::format("{}: node selector {}={} is not in the extension's node selector; "
                            "Azure ML requires each instance type's node selector to be a "
                            "subset of the extension's",
                            label_, key, value)
              : fmt::format("{}: node selector {}={} contradicts the extension's {}={}: no node "
                            "matches both, so its workloads are never scheduled",
                            label_, key, value, key, match->second),
          "select only labels that extension.node_selector selects too (or add the label "
          "there), or remove the instance type's node_selector");
    }
  }

  const ir::Spec& spec_;
  RuleReporter& out_;
  const ir::InstanceType* type_ = nullptr;
  std::string label_;
};

}  // namespace

// "Custom instance type creation must meet the following parameters and definition rules, or
// it fails" (how-to-manage-kubernetes-instance-types.md): name unique; cpu and memory requests
// and limits required, not zero or empty; GPU only in limits, an integer; nodeSelector within
// the extension's.
void check_instance_type_invalid(const ir::Spec& spec, const RuleContext& /*context*/,
                                 RuleReporter& out) {
  const auto& types = spec.kubernetes->instance_types;
  std::map<std::string, const ir::InstanceType*, std::less<>> seen;
  if (types.usable()) {
    InstanceTypeChecker checker(spec, out);
    for (std::size_t i = 0; i < types.value.size(); ++i) {
      const ir::InstanceType& type = types.value[i];
      const ir::Field<std::string>& name = type.name;
      if (!name.written()) {
        // Absent or invalid: the schema (AKS002) reported it.
      } else if (name.value.empty()) {
        out.report(name.range,
                   fmt::format("instance type #{} has no name; Azure ML requires one, unique "
                               "in the cluster",
                               i + 1),
                   "write name: a lower-case DNS name such as gpu-small");
      } else if (std::string problem = dns1123_subdomain_problem(name.value); !problem.empty()) {
        out.report(name.range,
                   fmt::format("instance type name '{}' is not a Kubernetes resource name (a "
                               "DNS-1123 subdomain): {}",
                               name.value, problem),
                   "use lower-case letters, digits, '-' and '.', starting and ending with a "
                   "letter or digit, e.g. gpu-small");
      } else if (auto [first, fresh] = seen.emplace(name.value, &type); !fresh) {
        Finding& finding =
            out.report(name.range,
                       fmt::format("instance type name '{}' is listed twice; names must be "
                                   "unique in the cluster (the second would replace the first)",
                                   name.value),
                       "rename one of the two, or merge them into one instance type");
        finding.related.push_back(
            {{spec.file, first->second->name.range}, "the first instance type of that name"});
      }
      checker.check(type, i);
    }
  }
  const ir::Field<std::string>& default_type = spec.kubernetes->default_instance_type;
  if (!default_type.written() || default_type.value == kBuiltInInstanceType) return;
  if (seen.count(default_type.value)) return;
  std::string listed;
  for (const auto& [name, type] : seen)
    listed += (listed.empty() ? "" : ", ") + name;
  out.report(default_type.range,
             fmt::format("default_instance_type '{}' is not an instance type of this spec ({}); "
                         "Azure ML knows only the listed ones and the built-in {}",
                         default_type.value, listed.empty() ? "none listed" : listed,
                         kBuiltInInstanceType),
             fmt::format("name one of instance_types, add an instance type named '{}', or "
                         "remove default_instance_type to keep {}",
                         default_type.value, kBuiltInInstanceType));
}

}  // namespace aksc::rules
