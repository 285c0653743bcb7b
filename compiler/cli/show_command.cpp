// aksc show --facts: what aksc believed about each spec's existing cluster, after facts_from
// and inline facts were merged, so that a user can check it against the cluster. aksc show
// --resolved: each spec as organisation policies see it (resolve/).
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/options.h"
#include "driver/lint.h"
#include "ir/spelling.h"
#include "resolve/resolved_spec.h"
#include "resolve/resolved_yaml.h"

namespace aksc::cli {
namespace po = boost::program_options;
namespace {

// Values come from files anyone may write: control characters are shown escaped, so that
// nothing printed can drive the terminal.
std::string printable(std::string_view text) {
  std::string out;
  for (char c : text) {
    unsigned char byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned>(byte));
    } else {
      out += c;
    }
  }
  return out;
}

// Where a fact came from: the facts file (its fields carry the facts_from range), inline
// facts with their line, or aksc's default for an absent profile.
template <typename T>
std::string origin_of(const ir::Field<T>& field, const ir::Spec& spec) {
  const ir::Field<std::string>& from = spec.cluster->facts_from;
  bool from_file = from.written() && field.range == from.range;
  if (field.origin == ir::Origin::kDefaulted) {
    return from_file ? fmt::format("default: absent from {}", printable(from.value)) : "default";
  }
  if (from_file) return fmt::format("from {}", printable(from.value));
  return fmt::format("cluster.facts, line {}", field.range.begin.line);
}

template <typename T, typename Show>
std::string fact_line(const char* name, const ir::Field<T>& field, const ir::Spec& spec,
                      Show show) {
  if (field.origin == ir::Origin::kAbsent) return fmt::format("  {}: unknown\n", name);
  if (field.origin == ir::Origin::kInvalid)
    return fmt::format("  {}: unusable, see the findings ({})\n", name, origin_of(field, spec));
  return fmt::format("  {}: {} ({})\n", name, show(field.value), origin_of(field, spec));
}

std::string text_of(const std::string& value) {
  return printable(value);
}

template <typename Enum>
std::string enum_text(Enum value) {
  return std::string(ir::to_string(value));
}

std::string pool_text(const ir::NodePool& pool) {
  auto part = [](const auto& field, auto show) -> std::string {
    if (field.origin == ir::Origin::kAbsent) return "unknown";
    if (field.origin == ir::Origin::kInvalid) return "unusable";
    return show(field.value);
  };
  return fmt::format("    - name {}, mode {}{}, vm_size {}, count {}\n", part(pool.name, text_of),
                     part(pool.mode, enum_text<ir::NodePoolMode>),
                     pool.mode.origin == ir::Origin::kDefaulted ? " (default: the lone pool)" : "",
                     part(pool.vm_size, text_of),
                     part(pool.count, [](std::int64_t count) { return std::to_string(count); }));
}

std::string facts_text(const ir::Spec& spec) {
  std::string name = spec.name.usable() ? printable(spec.name.value) : "(no name)";
  std::string text = fmt::format("{}:{}:{}: {}\n", printable(spec.file), spec.range.begin.line,
                                 spec.range.begin.column, name);
  if (!spec.mode.usable() || spec.mode.value != ir::Mode::kAttach) {
    return text + "  no existing cluster: only mode: attach has cluster facts\n";
  }
  const ir::ClusterFacts& facts = spec.cluster->facts;
  if (spec.cluster->facts_from.written())
    text += fmt::format("  facts_from: {}\n", printable(spec.cluster->facts_from.value));
  text += fact_line("location", facts.location, spec, text_of);
  std::string version = fact_line("kubernetes_version", facts.kubernetes_version, spec, text_of);
  if (!facts.kubernetes_version_field.empty() && facts.kubernetes_version.usable()) {
    version.insert(version.size() - 2, ", field " + facts.kubernetes_version_field);
  }
  text += version;
  text +=
      fact_line("load_balancer_sku", facts.load_balancer_sku, spec, enum_text<ir::LoadBalancerSku>);
  text += fact_line("private_cluster", facts.private_cluster, spec,
                    [](bool value) -> std::string { return value ? "true" : "false"; });
  text += fact_line("authorized_ip_ranges", facts.authorized_ip_ranges, spec,
                    [](const std::vector<ir::Field<std::string>>& ranges) {
                      std::string list;
                      for (const auto& range : ranges)
                        list += (list.empty() ? "" : ", ") +
                                (range.usable() ? printable(range.value) : "unusable");
                      return list.empty() ? std::string("none") : "[" + list + "]";
                    });
  text += fact_line("outbound_type", facts.outbound_type, spec, enum_text<ir::OutboundType>);
  if (spec.kind == ir::Kind::kKubernetesCompute) {  // the facts only the v2 attach reads
    text += fact_line("identity_type", facts.identity_type, spec, enum_text<ir::IdentityType>);
    text += fact_line("local_accounts_disabled", facts.local_accounts_disabled, spec,
                      [](bool value) -> std::string { return value ? "true" : "false"; });
  }
  text +=
      fact_line("node_pools", facts.node_pools, spec, [](const std::vector<ir::NodePool>& pools) {
        return pools.empty() ? std::string("none") : fmt::format("{}", pools.size());
      });
  if (facts.node_pools.usable()) {
    for (const ir::NodePool& pool : facts.node_pools.value)
      text += pool_text(pool);
  }
  for (const std::string& profile : facts.null_profiles)
    text += fmt::format("  note: {} is null in the facts file\n", profile);
  return text;
}

// --resolved: each spec as policies see it. One spec prints as itself, several as a list (JSON)
// or as YAML documents, each after a comment naming where it starts.
void print_resolved(const LintResult& result, const std::string& format) {
  if (format == "json") {
    nlohmann::json all = nlohmann::json::array();
    for (const ir::Spec& spec : result.specs)
      all.push_back(resolve_spec(spec));
    // ASCII only: nothing a spec holds can drive the terminal.
    std::cout << (all.size() == 1 ? all[0] : all).dump(2, ' ', true) << "\n";
    return;
  }
  bool first = true;
  for (const ir::Spec& spec : result.specs) {
    std::cout << (first ? "" : "---\n")
              << fmt::format("# {}:{}:{}\n", printable(spec.file), spec.range.begin.line,
                             spec.range.begin.column)
              << resolved_yaml(resolve_spec(spec));
    first = false;
  }
}

}  // namespace

int run_show(const std::vector<std::string>& args) {
  po::options_description options("aksc show options");
  options.add_options()("facts", po::bool_switch(),
                        "print each spec's cluster facts, as aksc resolved them")(
      "resolved", po::bool_switch(),
      "print each spec as policies see it: defaults applied, facts read (docs/policies.md)")(
      "format,f", po::value<std::string>()->default_value("yaml"), "--resolved as yaml or json")(
      "config,c", po::value<std::string>(), "aksc.yaml to use instead of the nearest one")(
      "path", po::value<std::vector<std::string>>(), "spec files or folders");
  add_max_file_size_option(options);
  po::variables_map values;
  if (!parse_options(args, "aksc show (--resolved [--format yaml|json] | --facts) [PATH...]",
                     options, values, "path")) {
    return kExitClean;
  }
  bool facts = values["facts"].as<bool>();
  bool resolved = values["resolved"].as<bool>();
  if (facts == resolved) throw UsageError{"aksc show needs one of --resolved and --facts"};
  std::string format = values["format"].as<std::string>();
  if (format != "yaml" && format != "json") {
    throw UsageError{"--format must be yaml or json, not '" + format + "'"};
  }
  if (facts && !values["format"].defaulted()) {
    throw UsageError{"--format goes with --resolved; --facts prints text"};
  }
  LintRequest request;
  if (values.count("path")) request.paths = values["path"].as<std::vector<std::string>>();
  if (values.count("config")) request.config_path = values["config"].as<std::string>();
  request.max_file_size = parse_max_file_size(values);
  const LintResult result = run_lint(request);
  for (const std::string& error : result.input_errors)
    std::cerr << "aksc: error: " << error << "\n";
  if (resolved) {
    print_resolved(result, format);
    return result.input_errors.empty() ? kExitClean : kExitUsage;
  }
  bool first = true;
  for (const ir::Spec& spec : result.specs) {
    std::cout << (first ? "" : "\n") << facts_text(spec);
    first = false;
  }
  return result.input_errors.empty() ? kExitClean : kExitUsage;
}

}  // namespace aksc::cli
