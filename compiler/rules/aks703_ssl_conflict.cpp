// AKS703 ssl-conflict — rules/AKS703-ssl-conflict.md
#include <fmt/format.h>

#include "rules/attach_rules.h"
#include "rules/ssl_fields.h"

namespace aksc::rules {

// enable_ssl: "When leaf domain label is provided, do not specify CNAME, cert PEM file, or key
// PEM file."
void check_ssl_conflict(const ir::Spec& spec, const RuleContext& /*context*/, RuleReporter& out) {
  const ir::Ssl& ssl = spec.ssl;
  if (!ssl_field_given(ssl.leaf_domain_label) || !custom_certificate_given(ssl)) return;
  std::string custom;
  for (auto [name, field] : {std::pair{"cname", &ssl.cname}, std::pair{"cert_file", &ssl.cert_file},
                             std::pair{"key_file", &ssl.key_file}}) {
    if (ssl_field_given(*field)) custom += (custom.empty() ? "" : ", ") + std::string(name);
  }
  out.report(ssl.leaf_domain_label.range,
             fmt::format("ssl has both leaf_domain_label (a certificate from Microsoft) and {} (a "
                         "custom certificate); Azure ML takes one or the other",
                         custom),
             "keep leaf_domain_label and remove cname, cert_file and key_file, or keep the custom "
             "certificate and remove leaf_domain_label");
}

}  // namespace aksc::rules
