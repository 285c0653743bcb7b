// The network rules (AKS301–AKS314) called directly on IR specs, with the real data tables:
// table-driven AKS304 coverage over every region pair of rules/data/region-pairs.csv, and the
// messages of the other rules.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "catalog/catalog.h"
#include "diag/finding_sink.h"
#include "frontend/config.h"
#include "ir/spec.h"
#include "rules/net/ip.h"
#include "rules/network_rules.h"
#include "rules/rule.h"

namespace ir = aksc::ir;
using aksc::Catalog;
using aksc::Config;
using aksc::Finding;

namespace {

int next_line = 1;  // every written field gets its own line, so findings can be told apart

template <typename T>
ir::Field<T> written(T value) {
  ir::Field<T> field;
  field.value = std::move(value);
  field.origin = ir::Origin::kWritten;
  field.range = {{next_line, 1}, {next_line, 2}};
  ++next_line;
  return field;
}

template <typename T>
ir::Field<T> defaulted(T value) {
  ir::Field<T> field = written(std::move(value));
  field.origin = ir::Origin::kDefaulted;
  return field;
}

ir::Spec make_spec(ir::Mode mode, const std::string& location) {
  ir::Spec spec;
  spec.file = "spec.yaml";
  spec.range = {{1, 1}, {1, 1}};
  spec.mode = written(mode);
  spec.workspace.location = written(location);
  if (mode == ir::Mode::kProvisionAndAttach) {
    spec.load_balancer.sku = defaulted(ir::LoadBalancerSku::kStandard);
    spec.load_balancer.type = defaulted(ir::LoadBalancerType::kPublicIp);
    spec.outbound_type = defaulted(ir::OutboundType::kLoadBalancer);
    spec.private_cluster = defaulted(false);
  } else if (mode == ir::Mode::kCreate) {
    spec.load_balancer.sku = defaulted(ir::LoadBalancerSku::kBasic);
    spec.load_balancer.type = defaulted(ir::LoadBalancerType::kPublicIp);
    spec.outbound_type = defaulted(ir::OutboundType::kLoadBalancer);
    spec.private_cluster = defaulted(false);
  }
  return spec;
}

ir::Field<std::vector<ir::Field<std::string>>> ranges(const std::vector<std::string>& items) {
  std::vector<ir::Field<std::string>> entries;
  for (const std::string& item : items)
    entries.push_back(written(item));
  return written(std::move(entries));
}

std::vector<Finding> run(aksc::SpecCheck check, const ir::Spec& spec,
                         const Config& config = Config{}) {
  aksc::FindingSink sink;
  aksc::RuleReporter out("AKS3xx", spec, sink);
  aksc::RuleContext context{Catalog::embedded(), config};
  check(spec, context, out);
  return sink.take();
}

std::vector<std::string> ipv4_only(std::optional<std::span<const std::string_view>> prefixes) {
  std::vector<std::string> result;
  if (!prefixes) return result;
  for (std::string_view prefix : *prefixes) {
    if (prefix.find(':') == std::string_view::npos) result.emplace_back(prefix);
  }
  return result;
}

// The rows of rules/data/region-pairs.csv: (region, paired region or "").
std::vector<std::pair<std::string, std::string>> region_pairs() {
  std::ifstream in(std::string(AKSC_SOURCE_DIR) + "/rules/data/region-pairs.csv");
  REQUIRE(in);
  std::vector<std::pair<std::string, std::string>> rows;
  bool header = true;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    if (header) {
      CHECK(line == "region,paired_region");
      header = false;
      continue;
    }
    std::size_t comma = line.find(',');
    REQUIRE(comma != std::string::npos);
    rows.emplace_back(line.substr(0, comma), line.substr(comma + 1));
  }
  return rows;
}

// The `source` object of rules/data/service-tags-azureml.json: the snapshot's changeNumber and
// date, which AKS304's findings name.
nlohmann::json service_tags_source() {
  std::ifstream in(std::string(AKSC_SOURCE_DIR) + "/rules/data/service-tags-azureml.json");
  REQUIRE(in);
  return nlohmann::json::parse(in)["source"];
}

// The regions of Azure's sovereign clouds, whose service tags the public download lacks.
bool is_sovereign(const std::string& region) {
  for (const char* cloud : {"china", "usgov", "usdod"}) {
    if (region.rfind(cloud, 0) == 0) return true;
  }
  return false;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("AKS304 over every region pair of the data tables") {
  const Catalog& catalog = Catalog::embedded();
  const nlohmann::json tags_source = service_tags_source();
  const std::string change = "changeNumber " + tags_source["changeNumber"].dump();
  const std::string date = tags_source["date"].get<std::string>();
  int checked = 0, without_pair = 0;
  for (const auto& [region, pair] : region_pairs()) {
    INFO("region " << region << ", pair '" << pair << "'");
    std::vector<std::string> own = ipv4_only(catalog.control_plane_prefixes(region));
    if (!catalog.control_plane_prefixes(region) ||
        (!pair.empty() && !catalog.control_plane_prefixes(pair))) {
      CHECK(is_sovereign(region));  // no AzureMachineLearning tags in the public download
      continue;
    }
    std::vector<std::string> theirs = ipv4_only(catalog.control_plane_prefixes(pair));
    if (pair.empty()) ++without_pair;
    std::vector<std::string> all = own;
    all.insert(all.end(), theirs.begin(), theirs.end());
    REQUIRE_FALSE(all.empty());

    // Its own prefixes and its pair's: nothing to report, and nothing for AKS314 or AKS312.
    ir::Spec spec = make_spec(ir::Mode::kProvisionAndAttach, region);
    spec.api_server_authorized_ip_ranges = ranges(all);
    CHECK(run(aksc::rules::check_authorized_ip_ranges_miss_aml_control_plane, spec).empty());
    CHECK(run(aksc::rules::check_authorized_ip_ranges_not_public, spec).empty());
    CHECK(run(aksc::rules::check_bad_address, spec).empty());

    // The same in attach mode, from the cluster's facts.
    ir::Spec attached = make_spec(ir::Mode::kAttach, region);
    attached.cluster->facts.authorized_ip_ranges = ranges(all);
    CHECK(run(aksc::rules::check_authorized_ip_ranges_miss_aml_control_plane, attached).empty());

    // Drop one prefix at a time: the finding names it and the region it belongs to.
    for (std::size_t drop = 0; drop < all.size(); ++drop) {
      std::vector<std::string> fewer = all;
      fewer.erase(fewer.begin() + static_cast<std::ptrdiff_t>(drop));
      // No ranges left means no restriction at all (the API server is open): nothing to check.
      if (fewer.empty()) continue;
      // Still covered when another listed prefix holds it (checked pairwise, not with CidrSet).
      auto dropped = aksc::net::parse_cidr(all[drop]);
      REQUIRE(dropped);
      bool held = std::any_of(fewer.begin(), fewer.end(), [&](const std::string& other) {
        auto range = aksc::net::parse_cidr(other);
        return range && range->contains(*dropped);
      });
      INFO("dropped " << all[drop]);
      ir::Spec less = make_spec(ir::Mode::kProvisionAndAttach, region);
      less.api_server_authorized_ip_ranges = ranges(fewer);
      std::vector<Finding> findings =
          run(aksc::rules::check_authorized_ip_ranges_miss_aml_control_plane, less);
      if (held) {
        CHECK(findings.empty());
        continue;
      }
      REQUIRE(findings.size() == 1);
      const std::string& message = findings[0].message;
      CHECK(contains(message, all[drop]));
      CHECK(contains(message, "leave out 1 of the " + std::to_string(all.size())));
      bool in_own = drop < own.size();
      CHECK(contains(message, in_own
                                  ? region + " (workspace region): 1 of " +
                                        std::to_string(own.size()) + " missing: " + all[drop]
                                  : pair + " (paired region of " + region + "): 1 of " +
                                        std::to_string(theirs.size()) + " missing: " + all[drop]));
      if (pair.empty()) CHECK(contains(message, region + " has no paired region"));
      CHECK(contains(message, change));
      CHECK(contains(message, date));
      CHECK(findings[0].location.range == less.api_server_authorized_ip_ranges.range);
    }
    ++checked;
  }
  CHECK(checked >= 50);      // the public-cloud rows
  CHECK(without_pair >= 5);  // austriaeast, italynorth, ...
}

TEST_CASE("AKS304: pairs missing from the table, regions without tags, IPv6 prefixes") {
  const Catalog& catalog = Catalog::embedded();
  // A tagged region the pair table has no row for: its own prefixes, and a note.
  REQUIRE(catalog.control_plane_prefixes("belgiumcentral"));
  REQUIRE_FALSE(catalog.paired_region("belgiumcentral"));
  ir::Spec spec = make_spec(ir::Mode::kProvisionAndAttach, "belgiumcentral");
  spec.api_server_authorized_ip_ranges = ranges({"85.10.16.0/28"});
  auto findings = run(aksc::rules::check_authorized_ip_ranges_miss_aml_control_plane, spec);
  REQUIRE(findings.size() == 1);
  CHECK(contains(findings[0].message, "belgiumcentral (workspace region): 1 of 1 missing"));
  CHECK(contains(findings[0].message, "region-pairs.csv has no row for belgiumcentral"));
  spec.api_server_authorized_ip_ranges =
      ranges(ipv4_only(catalog.control_plane_prefixes("belgiumcentral")));
  CHECK(run(aksc::rules::check_authorized_ip_ranges_miss_aml_control_plane, spec).empty());

  // A sovereign-cloud region: nothing can be checked, and the finding says so.
  ir::Spec china = make_spec(ir::Mode::kProvisionAndAttach, "chinaeast2");
  china.api_server_authorized_ip_ranges = ranges({"85.10.16.0/28"});
  findings = run(aksc::rules::check_authorized_ip_ranges_miss_aml_control_plane, china);
  REQUIRE(findings.size() == 1);
  CHECK(contains(findings[0].message, "cannot be checked"));
  CHECK(contains(findings[0].message, "chinaeast2 (workspace region)"));
  CHECK(contains(findings[0].message, "chinanorth2 (paired region of chinaeast2)"));
  CHECK(contains(findings[0].help, "data.service_tags"));

  // The IPv6 prefixes of a tag are never required: australiacentral has one.
  auto prefixes = *catalog.control_plane_prefixes("australiacentral");
  CHECK(std::any_of(prefixes.begin(), prefixes.end(),
                    [](std::string_view p) { return p.find(':') != std::string_view::npos; }));

  // Wider ranges and adjacent halves cover; 0.0.0.0/32 covers nothing.
  ir::Spec wide = make_spec(ir::Mode::kProvisionAndAttach, "australiacentral");
  wide.api_server_authorized_ip_ranges = ranges({"20.0.0.0/8"});
  CHECK(run(aksc::rules::check_authorized_ip_ranges_miss_aml_control_plane, wide).empty());
  wide.api_server_authorized_ip_ranges = ranges({"0.0.0.0/32"});
  findings = run(aksc::rules::check_authorized_ip_ranges_miss_aml_control_plane, wide);
  REQUIRE(findings.size() == 1);
  CHECK(contains(findings[0].message, "leave out 3 of the 3"));

  // Silent: private clusters, empty lists, only malformed entries, unknown regions.
  ir::Spec quiet = make_spec(ir::Mode::kProvisionAndAttach, "eastus");
  quiet.api_server_authorized_ip_ranges = ranges({"85.10.16.0/28"});
  quiet.private_cluster = written(true);
  CHECK(run(aksc::rules::check_authorized_ip_ranges_miss_aml_control_plane, quiet).empty());
  quiet.private_cluster = written(false);
  quiet.cluster->facts.private_cluster = written(true);
  CHECK(run(aksc::rules::check_authorized_ip_ranges_miss_aml_control_plane, quiet).empty());
  quiet.cluster->facts.private_cluster = {};
  quiet.api_server_authorized_ip_ranges = ranges({});
  CHECK(run(aksc::rules::check_authorized_ip_ranges_miss_aml_control_plane, quiet).empty());
  quiet.api_server_authorized_ip_ranges = ranges({"85.10.16.1/28", "300.1.1.1"});
  CHECK(run(aksc::rules::check_authorized_ip_ranges_miss_aml_control_plane, quiet).empty());
  quiet.api_server_authorized_ip_ranges = ranges({"85.10.16.0/28"});
  quiet.workspace.location = written(std::string("eastus22"));
  CHECK(run(aksc::rules::check_authorized_ip_ranges_miss_aml_control_plane, quiet).empty());
  quiet.workspace.location = written(std::string("EastUS"));  // case-insensitive
  CHECK(run(aksc::rules::check_authorized_ip_ranges_miss_aml_control_plane, quiet).size() == 1);
}

TEST_CASE("AKS302 follows policy.deny_public_ip") {
  Config config;
  config.file = "aksc.yaml";
  ir::Spec create = make_spec(ir::Mode::kCreate, "eastus");
  CHECK(run(aksc::rules::check_public_ip_denied_by_policy, create, config).empty());
  config.deny_public_ip = written(false);
  CHECK(run(aksc::rules::check_public_ip_denied_by_policy, create, config).empty());
  config.deny_public_ip = written(true);
  auto findings = run(aksc::rules::check_public_ip_denied_by_policy, create, config);
  REQUIRE(findings.size() == 1);
  CHECK(contains(findings[0].message, "policy.deny_public_ip in aksc.yaml"));
  CHECK(contains(findings[0].help, "user-defined-routing"));
  CHECK(findings[0].location.range == create.mode.range);

  ir::Spec provision = make_spec(ir::Mode::kProvisionAndAttach, "eastus");
  findings = run(aksc::rules::check_public_ip_denied_by_policy, provision, config);
  REQUIRE(findings.size() == 2);
  CHECK(contains(findings[0].message, "outbound_type load-balancer (defaulted)"));
  CHECK(contains(findings[1].message, "load_balancer.type public-ip (defaulted)"));
  provision.outbound_type = written(ir::OutboundType::kUserDefinedRouting);
  provision.load_balancer.type = written(ir::LoadBalancerType::kInternal);
  CHECK(run(aksc::rules::check_public_ip_denied_by_policy, provision, config).empty());
  // "When trying to create or attach an AKS cluster, you might receive a message that the
  // request is denied because "Load Balancers shouldn't have public IPs."" (current v1 article)
  ir::Spec attach = make_spec(ir::Mode::kAttach, "eastus");
  findings = run(aksc::rules::check_public_ip_denied_by_policy, attach, config);
  REQUIRE(findings.size() == 1);
  CHECK(contains(findings[0].message, "load_balancer.type unset"));
  attach.load_balancer.type = written(ir::LoadBalancerType::kPublicIp);
  REQUIRE(run(aksc::rules::check_public_ip_denied_by_policy, attach, config).size() == 1);
  attach.load_balancer.type = written(ir::LoadBalancerType::kInternal);
  CHECK(run(aksc::rules::check_public_ip_denied_by_policy, attach, config).empty());
}

TEST_CASE("AKS314 names the special-purpose block") {
  ir::Spec spec = make_spec(ir::Mode::kProvisionAndAttach, "eastus");
  spec.api_server_authorized_ip_ranges =
      ranges({"100.64.0.0/16", "10.0.0.0/7", "2001:db8::/32", "85.10.16.0/28", "0.0.0.0/32"});
  auto findings = run(aksc::rules::check_authorized_ip_ranges_not_public, spec);
  REQUIRE(findings.size() == 4);
  CHECK(contains(findings[0].message,
                 "is in 100.64.0.0/10 (shared address space (carrier-grade NAT), RFC 6598)"));
  CHECK(contains(findings[1].message, "overlaps 10.0.0.0/8 (private-use, RFC 1918)"));
  CHECK(contains(findings[2].message, "IPv6"));
  CHECK(contains(findings[3].message, "must be the only entry"));
  spec.api_server_authorized_ip_ranges = ranges({"0.0.0.0/32"});
  CHECK(run(aksc::rules::check_authorized_ip_ranges_not_public, spec).empty());
}

TEST_CASE("AKS303, AKS313: where the ranges, SKU and privacy come from") {
  ir::Spec attach = make_spec(ir::Mode::kAttach, "australiacentral");
  attach.cluster->facts.authorized_ip_ranges = ranges({"20.36.0.0/16"});
  attach.cluster->facts.load_balancer_sku = written(ir::LoadBalancerSku::kBasic);
  auto findings = run(aksc::rules::check_authorized_ip_ranges_require_standard_lb, attach);
  REQUIRE(findings.size() == 1);
  CHECK(contains(findings[0].message,
                 "cluster.facts.authorized_ip_ranges lists 1 range, but "
                 "cluster.facts.load_balancer_sku is basic"));
  attach.cluster->facts.private_cluster = written(true);
  CHECK(run(aksc::rules::check_authorized_ip_ranges_require_standard_lb, attach).empty());
  findings = run(aksc::rules::check_authorized_ip_ranges_with_private_cluster, attach);
  REQUIRE(findings.size() == 1);
  CHECK(contains(findings[0].message, "cluster.facts.private_cluster is true"));

  ir::Spec create = make_spec(ir::Mode::kCreate, "australiacentral");
  create.api_server_authorized_ip_ranges = ranges({"20.36.0.0/16", "20.213.0.0/16"});
  findings = run(aksc::rules::check_authorized_ip_ranges_require_standard_lb, create);
  REQUIRE(findings.size() == 1);
  CHECK(contains(findings[0].message,
                 "lists 2 ranges, but load_balancer.sku is basic (the "
                 "default of mode create)"));
}

TEST_CASE("AKS310, AKS311, AKS312: addresses in messages") {
  ir::Spec spec = make_spec(ir::Mode::kCreate, "eastus");
  spec.network->service_cidr = written(std::string("10.0.0.0/16"));
  spec.network->dns_service_ip = written(std::string("10.1.0.10"));
  auto findings = run(aksc::rules::check_dns_ip_outside_service_cidr, spec);
  REQUIRE(findings.size() == 1);
  CHECK(contains(findings[0].message,
                 "outside service_cidr 10.0.0.0/16 (10.0.0.0 to "
                 "10.0.255.255)"));
  CHECK(contains(findings[0].help, "such as 10.0.0.10"));
  spec.network->service_cidr = written(std::string("10.0.0.0/30"));
  spec.network->dns_service_ip = written(std::string("10.0.0.0"));
  findings = run(aksc::rules::check_dns_ip_outside_service_cidr, spec);
  REQUIRE(findings.size() == 1);
  CHECK(contains(findings[0].message, "is the network address"));
  CHECK(contains(findings[0].help, "such as 10.0.0.2"));
  // "Don't use the first IP address in your address range, such as .1": the address after the
  // network address, which Kubernetes gives to kubernetes.default.
  spec.network->dns_service_ip = written(std::string("10.0.0.1"));
  findings = run(aksc::rules::check_dns_ip_outside_service_cidr, spec);
  REQUIRE(findings.size() == 1);
  CHECK(contains(findings[0].message, "is the first address"));
  CHECK(contains(findings[0].message, "kubernetes.default"));
  spec.network->dns_service_ip = written(std::string("10.0.0.2"));
  CHECK(run(aksc::rules::check_dns_ip_outside_service_cidr, spec).empty());
  spec.network->service_cidr = written(std::string("10.0.0.0/31"));
  spec.network->dns_service_ip = written(std::string("10.0.0.1"));
  findings = run(aksc::rules::check_dns_ip_outside_service_cidr, spec);
  REQUIRE(findings.size() == 1);
  CHECK(contains(findings[0].help, "too few addresses"));
  spec.network->service_cidr = written(std::string("10.0.0.0/32"));
  spec.network->dns_service_ip = written(std::string("10.0.0.0"));
  findings = run(aksc::rules::check_dns_ip_outside_service_cidr, spec);
  REQUIRE(findings.size() == 1);
  CHECK(contains(findings[0].help, "too few addresses"));

  ir::Spec overlap = make_spec(ir::Mode::kCreate, "eastus");
  overlap.network->service_cidr = written(std::string("172.17.0.0/16"));
  overlap.network->docker_bridge_cidr = written(std::string("172.17.0.1/16"));
  overlap.network->subnet_prefix = written(std::string("172.16.0.0/12"));
  findings = run(aksc::rules::check_cidr_overlap, overlap);
  REQUIRE(findings.size() == 3);
  CHECK(findings[0].location.range == overlap.network->service_cidr.range);
  CHECK(contains(findings[0].message,
                 "service_cidr 172.17.0.0/16 (172.17.0.0 to 172.17.255.255) "
                 "overlaps subnet_prefix 172.16.0.0/12"));
  CHECK(findings[1].location.range == overlap.network->docker_bridge_cidr.range);
  REQUIRE(findings[1].related.size() == 1);
  CHECK(findings[1].related[0].location.range == overlap.network->service_cidr.range);

  ir::Spec bad = make_spec(ir::Mode::kCreate, "eastus");
  bad.network->service_cidr = written(std::string("010.0.0.0/16"));
  bad.api_server_authorized_ip_ranges = ranges({"85.10.16.0/28", "137.117.106.90/29"});
  findings = run(aksc::rules::check_bad_address, bad);
  REQUIRE(findings.size() == 2);
  CHECK(contains(findings[0].message, "leading zero"));
  CHECK(contains(findings[1].message, "api_server_authorized_ip_ranges[1]"));
  CHECK(contains(findings[1].message, "write 137.117.106.88/29"));
  CHECK(findings[1].location.range == bad.api_server_authorized_ip_ranges.value[1].range);
}

TEST_CASE("AKS309 groups: six for create, two of three for provision-and-attach") {
  ir::Spec create = make_spec(ir::Mode::kCreate, "eastus");
  create.network->range = {{40, 1}, {40, 8}};
  create.network->vnet_name = written(std::string("ml-vnet"));
  create.network->vnet_resource_group = written(std::string("net-rg"));
  create.network->subnet_name = written(std::string("aks-subnet"));
  auto findings = run(aksc::rules::check_network_incomplete, create);
  REQUIRE(findings.size() == 1);
  CHECK(contains(findings[0].message,
                 "sets 3 of the 6 fields that Azure ML create takes "
                 "together (vnet_resource_group, vnet_name, subnet_name) "
                 "but not service_cidr, dns_service_ip, docker_bridge_cidr"));
  ir::Spec provision = create;
  provision.mode = written(ir::Mode::kProvisionAndAttach);
  CHECK(run(aksc::rules::check_network_incomplete, provision).empty());
  provision.network->dns_service_ip = written(std::string("10.0.0.10"));
  findings = run(aksc::rules::check_network_incomplete, provision);
  REQUIRE(findings.size() == 1);
  CHECK(contains(findings[0].message, "1 of the 3 service network fields"));
}
