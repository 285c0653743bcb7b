#pragma once

#include <memory>
#include <optional>
#include <string>
#include <variant>

#include <nlohmann/json.hpp>

namespace aksc {

/// Why a policy's `when` or `require` cannot be used, and where in it (a JSON pointer relative
/// to the schema; "" for the schema itself).
struct PolicySchemaError {
  std::string pointer;
  std::string message;
};

/// Where a resolved spec failed a schema: the deepest failing member (a JSON pointer into the
/// spec) and valijson's words for it.
struct PolicyFailure {
  std::string pointer;
  std::string description;
};

/// A value too long for a policy's regular expressions (see find_long_subject).
struct LongPolicySubject {
  std::string pointer;
  std::size_t length = 0;
};

/// One `when` or `require` of a policy: a JSON Schema (draft-07) compiled once per run.
class PolicySchema {
 public:
  /// Strings longer than this are not matched against a policy's patterns: std::regex, which
  /// valijson uses, recurses once per character and would overflow the stack.
  static constexpr std::size_t kMaxPatternSubject = 1024;

  /// Compiles `json`, or says why it cannot be used: a keyword valijson rejects, a `$ref` that
  /// leaves the schema, a `$ref` loop that never descends into the spec (valijson would recurse
  /// forever), a pattern that is not an ECMAScript regular expression.
  static std::variant<std::shared_ptr<const PolicySchema>, PolicySchemaError> compile(
      const nlohmann::json& json);

  ~PolicySchema();
  PolicySchema(const PolicySchema&) = delete;
  PolicySchema& operator=(const PolicySchema&) = delete;

  bool matches(const nlohmann::json& instance) const;
  /// nullopt when `instance` matches; else its deepest failing member.
  std::optional<PolicyFailure> failure(const nlohmann::json& instance) const;
  /// Whether the schema has a `pattern` or `patternProperties`: then it may not be asked about
  /// an instance that find_long_subject finds a value in.
  bool has_patterns() const { return has_patterns_; }

 private:
  struct Compiled;
  PolicySchema();
  std::unique_ptr<Compiled> compiled_;
  bool has_patterns_ = false;
};

/// The first string or key of `instance` longer than PolicySchema::kMaxPatternSubject, if any:
/// found once per spec, whatever the number of policies with patterns.
std::optional<LongPolicySubject> find_long_subject(const nlohmann::json& instance);

}  // namespace aksc
