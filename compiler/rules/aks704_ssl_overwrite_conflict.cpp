// AKS704 ssl-overwrite-conflict — rules/AKS704-ssl-overwrite-conflict.md
#include "rules/attach_rules.h"
#include "rules/ssl_fields.h"

namespace aksc::rules {

// enable_ssl: "Overwrite of an existing domain only applies to leaf domain label. When this
// parameter is provided, CNAME, cert PEM file, and key PEM file should not be provided."
void check_ssl_overwrite_conflict(const ir::Spec& spec, const RuleContext& /*context*/,
                                  RuleReporter& out) {
  const ir::Ssl& ssl = spec.ssl;
  if (!ssl.overwrite_existing_domain.written() || !ssl.overwrite_existing_domain.value) return;
  // With leaf_domain_label too, AKS703 reports the mix of the two kinds of certificate.
  if (!custom_certificate_given(ssl) || ssl_field_given(ssl.leaf_domain_label)) return;
  out.report(ssl.overwrite_existing_domain.range,
             "overwrite_existing_domain: true applies only to leaf_domain_label (a certificate "
             "from Microsoft), but ssl gives a custom certificate (cname, cert_file, key_file)",
             "remove overwrite_existing_domain, or set it to false");
}

}  // namespace aksc::rules
