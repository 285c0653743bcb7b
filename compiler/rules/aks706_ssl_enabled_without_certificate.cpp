// AKS706 ssl-enabled-without-certificate — rules/AKS706-ssl-enabled-without-certificate.md
#include "rules/attach_rules.h"
#include "rules/ssl_fields.h"

namespace aksc::rules {

// enable_ssl takes a certificate one of two ways: enable_ssl(leaf_domain_label = "contoso") for
// a Microsoft certificate, or enable_ssl(ssl_cert_pem_file=..., ssl_key_pem_file=...,
// ssl_cname=...) for your own (v1 article, Create or attach an AKS cluster with TLS
// termination). TLS turned on with neither has no certificate to serve.
void check_ssl_enabled_without_certificate(const ir::Spec& spec, const RuleContext& /*context*/,
                                           RuleReporter& out) {
  const ir::Ssl& ssl = spec.ssl;
  if (!ssl.status.usable() || ssl.status.value != ir::SslStatus::kEnabled) return;
  // A partial custom certificate is AKS701's case; a label with one, AKS703's.
  if (ssl_field_given(ssl.leaf_domain_label) || custom_certificate_given(ssl)) return;
  out.report(ssl.status.range,
             "ssl.status is enabled but ssl names no certificate: TLS needs either "
             "leaf_domain_label (a certificate from Microsoft) or cname, cert_file and key_file "
             "(your own)",
             "add leaf_domain_label, or cname, cert_file and key_file; or set status: disabled "
             "to serve plain HTTP");
}

}  // namespace aksc::rules
