// AKS705 internal-lb-microsoft-cert — rules/AKS705-internal-lb-microsoft-cert.md
#include <fmt/format.h>

#include "rules/attach_rules.h"
#include "rules/ssl_fields.h"

namespace aksc::rules {

// "If your AKS cluster is configured with an Internal Load Balancer, using a Microsoft provided
// certificate isn't supported and you must use custom certificate to enable TLS." (v1 article,
// Create or attach an AKS cluster to use Internal Load Balancer with private IP)
void check_internal_lb_microsoft_cert(const ir::Spec& spec, const RuleContext& /*context*/,
                                      RuleReporter& out) {
  const ir::Field<ir::LoadBalancerType>& type = spec.load_balancer.type;
  if (!type.usable() || type.value != ir::LoadBalancerType::kInternal) return;
  const ir::Ssl& ssl = spec.ssl;
  if (!ssl_field_given(ssl.leaf_domain_label)) return;
  if (ssl.status.usable() && ssl.status.value == ir::SslStatus::kDisabled) return;
  Finding& finding = out.report(
      ssl.leaf_domain_label.range,
      "ssl.leaf_domain_label asks for a Microsoft-provided certificate, which Azure ML does not "
      "support on a cluster with an internal load balancer",
      "remove leaf_domain_label and give your own certificate: ssl.cname, ssl.cert_file and "
      "ssl.key_file (and point the cname's DNS record at the endpoint's private IP address)");
  finding.related.push_back({{spec.file, type.range}, "load_balancer.type internal is here"});
}

}  // namespace aksc::rules
