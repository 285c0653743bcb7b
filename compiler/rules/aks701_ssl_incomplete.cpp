// AKS701 ssl-incomplete — rules/AKS701-ssl-incomplete.md
#include <string>
#include <vector>

#include <fmt/format.h>

#include "rules/attach_rules.h"
#include "rules/ssl_fields.h"

namespace aksc::rules {

// enable_ssl: "To enable SSL validation, you must provide the three related parameters: CNAME,
// cert PEM file, and key PEM file."
void check_ssl_incomplete(const ir::Spec& spec, const RuleContext& /*context*/, RuleReporter& out) {
  const ir::Ssl& ssl = spec.ssl;
  // With leaf_domain_label too, the fix is to drop the custom parts: AKS703 says so.
  if (!custom_certificate_given(ssl) || ssl_field_given(ssl.leaf_domain_label)) return;
  std::vector<std::string> given;
  std::vector<std::string> missing;
  for (auto [name, field] : {std::pair{"cname", &ssl.cname}, std::pair{"cert_file", &ssl.cert_file},
                             std::pair{"key_file", &ssl.key_file}}) {
    (ssl_field_given(*field) ? given : missing).push_back(name);
  }
  if (missing.empty()) return;
  auto join = [](const std::vector<std::string>& names) {
    std::string text;
    for (std::size_t i = 0; i < names.size(); ++i) {
      text += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
    }
    return text;
  };
  // At the first missing field written blank, else at the `ssl` key.
  SourceRange where = ssl.range;
  for (const ir::Field<std::string>* field : {&ssl.cname, &ssl.cert_file, &ssl.key_file}) {
    if (field->written() && !ssl_field_given(*field)) {
      where = field->range;
      break;
    }
  }
  out.report(where,
             fmt::format("a custom certificate needs cname, cert_file and key_file together; "
                         "ssl has {} but not {}",
                         join(given), join(missing)),
             fmt::format("add {}, or remove {} and use leaf_domain_label for a certificate "
                         "from Microsoft",
                         join(missing), join(given)));
}

}  // namespace aksc::rules
