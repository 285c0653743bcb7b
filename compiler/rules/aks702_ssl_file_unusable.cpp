// AKS702 ssl-file-unusable — rules/AKS702-ssl-file-unusable.md
#include <fmt/format.h>

#include "rules/attach_rules.h"

namespace aksc::rules {
namespace {

// The front end (frontend/ssl_files) looked at the file; this rule reads its verdict.
void check_file(const ir::Field<std::string>& field, ir::PemFile verdict, bool key,
                std::string_view ssl_key, RuleReporter& out) {
  std::string what = fmt::format("{}.{}", ssl_key, key ? "key_file" : "cert_file");
  const char* kind = key ? "private key" : "certificate";
  const char* header =
      key ? "-----BEGIN PRIVATE KEY----- (or RSA/EC PRIVATE KEY)" : "-----BEGIN CERTIFICATE-----";
  std::string reason;
  std::string help;
  switch (verdict) {
    case ir::PemFile::kUnchecked:
    case ir::PemFile::kUsable:
      return;
    case ir::PemFile::kMissing:
      reason = "does not exist";
      help = "fix the path: it is relative to the folder of the spec file";
      break;
    case ir::PemFile::kNotAFile:
      reason = "is not a regular file (a folder?)";
      help = fmt::format("point {} at the PEM {} file itself", what, kind);
      break;
    case ir::PemFile::kUnreadable:
      reason = "cannot be read";
      help = "make the file readable by the user running aksc and the deployment";
      break;
    case ir::PemFile::kNotPem:
      reason = fmt::format("is not a PEM-encoded {}: it has no {} line", kind, header);
      help = fmt::format(
          "convert the {} to PEM, e.g. with openssl {} -inform DER -in <file> -out <file>.pem",
          kind, key ? "pkey" : "x509");
      break;
    case ir::PemFile::kSwapped:
      reason =
          key ? "holds a certificate, not a private key" : "holds a private key, not a certificate";
      help =
          "cert_file and key_file look swapped: cert_file takes the certificate (with its "
          "chain), key_file the private key";
      break;
  }
  out.report(field.range, fmt::format("{} '{}' {}", what, field.value, reason), help);
}

}  // namespace

// "The certificate must contain the full certificate chain, and it must be "PEM-encoded."" and
// "The key must also be PEM-encoded." (v1 how-to-secure-web-service); "A certificate that
// contains the full certificate chain and is PEM encoded" and "A key that's PEM encoded" (v2
// how-to-secure-kubernetes-online-endpoint).
void check_ssl_file_unusable(const ir::Spec& spec, const RuleContext& /*context*/,
                             RuleReporter& out) {
  if (spec.kubernetes) {
    const ir::InferenceSsl& ssl = spec.kubernetes->extension.inference.ssl;
    check_file(ssl.cert_file, ssl.cert_file_check, false, "extension.inference.ssl", out);
    check_file(ssl.key_file, ssl.key_file_check, true, "extension.inference.ssl", out);
    return;
  }
  check_file(spec.ssl->cert_file, spec.ssl->cert_file_check, false, "ssl", out);
  check_file(spec.ssl->key_file, spec.ssl->key_file_check, true, "ssl", out);
}

}  // namespace aksc::rules
