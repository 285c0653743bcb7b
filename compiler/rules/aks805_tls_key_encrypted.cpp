// AKS805 tls-key-encrypted — rules/AKS805-tls-key-encrypted.md
#include <fmt/format.h>

#include "rules/migration_rules.h"

namespace aksc::rules {

// "Note PEM file with pass phrase protected isn't supported" (sslCertPemFile, sslKeyPemFile in
// how-to-deploy-kubernetes-extension.md); the front end reads the key file (ssl.key_protection).
void check_tls_key_encrypted(const ir::Spec& spec, const RuleContext& /*context*/,
                             RuleReporter& out) {
  const ir::InferenceSsl& ssl = spec.kubernetes->extension.inference.ssl;
  if (ssl.key_protection != ir::PemKeyProtection::kEncrypted || !ssl.key_file.usable()) return;
  out.report(ssl.key_file.range,
             fmt::format("the key in '{}' is protected by a passphrase (an encrypted PEM key); "
                         "the Azure ML extension does not support passphrase-protected keys, so "
                         "azureml-fe cannot serve HTTPS with it",
                         ssl.key_file.value),
             "write the key without a passphrase, e.g. `openssl pkey -in key.pem -out "
             "key-plain.pem` (it asks for the passphrase), keep it out of version control, and "
             "point key_file at it; or store certificate and key in a Kubernetes Secret and "
             "write ssl.secret instead");
}

}  // namespace aksc::rules
