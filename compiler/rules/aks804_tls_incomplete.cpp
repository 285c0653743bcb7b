// AKS804 tls-incomplete — rules/AKS804-tls-incomplete.md
#include <fmt/format.h>

#include "rules/extension_common.h"
#include "rules/migration_rules.h"

namespace aksc::rules {
namespace {

bool tls_value_given(const ir::Field<std::string>& field) {
  return field.usable() && !field.value.empty();
}

}  // namespace

// sslCname: "Required if allowInsecureConnections=False"; sslSecret: "Use this config or a
// combination of sslCertPemFile and sslKeyPemFile protected config settings"
// (how-to-deploy-kubernetes-extension.md). The CLI refuses both cases
// (AzureMLKubernetes.py, __validate_scoring_fe_settings).
void check_tls_incomplete(const ir::Spec& spec, const RuleContext& /*context*/, RuleReporter& out) {
  const ir::Inference& inference = spec.kubernetes->extension.inference;
  const ir::InferenceSsl& ssl = inference.ssl;
  if (!inference_enabled(spec)) return;
  if (!inference.allow_insecure_connections.usable() || inference.allow_insecure_connections.value)
    return;
  const std::string why = inference.allow_insecure_connections.written()
                              ? "allow_insecure_connections is false"
                              : "allow_insecure_connections is false by default";
  const SourceRange block = ssl.range.known()         ? ssl.range
                            : inference.range.known() ? inference.range
                                                      : inference.enabled.range;
  // Invalid values were reported by the schema (AKS002).
  const bool invalid = ssl.secret.origin == ir::Origin::kInvalid ||
                       ssl.cert_file.origin == ir::Origin::kInvalid ||
                       ssl.key_file.origin == ir::Origin::kInvalid;
  const bool secret = tls_value_given(ssl.secret);
  const bool cert = tls_value_given(ssl.cert_file);
  const bool key = tls_value_given(ssl.key_file);
  if (!invalid && secret && (cert || key)) {
    // "They don't configure sslSecret and sslCertPemFile/sslKeyPemFile at the same time."
    // (how-to-secure-kubernetes-online-endpoint.md); the CLI takes the files and drops the secret.
    out.report(ssl.secret.range,
               fmt::format("extension.inference.ssl.secret is given together with ssl.{}: the "
                           "extension takes the "
                           "certificate from a Secret or from the PEM files, not both (the CLI "
                           "uses the files and ignores the secret)",
                           cert ? "cert_file" : "key_file"),
               "keep one under extension.inference.ssl: secret (a Kubernetes Secret in the "
               "azureml namespace), or cert_file and key_file");
  } else if (!invalid && !secret && cert != key) {
    const ir::Field<std::string>& given = cert ? ssl.cert_file : ssl.key_file;
    out.report(given.range,
               fmt::format("extension.inference.ssl.{} is given without ssl.{}: HTTPS ({}) needs "
                           "both PEM files, "
                           "or a Secret in ssl.secret",
                           cert ? "cert_file" : "key_file", cert ? "key_file" : "cert_file", why),
               fmt::format("add ssl.{} (the {} in PEM), or write ssl.secret: the name of a "
                           "Kubernetes Secret in the azureml namespace holding cert.pem and "
                           "key.pem",
                           cert ? "key_file" : "cert_file", cert ? "private key" : "certificate"));
  } else if (!invalid && !secret && !cert) {
    out.report(block,
               fmt::format("inference serves HTTPS ({}) but no certificate is given: write "
                           "extension.inference.ssl.secret, or its cert_file and key_file; az "
                           "k8s-extension create refuses the extension without one",
                           why),
               "write extension.inference.ssl.secret (a Kubernetes Secret in the azureml namespace "
               "holding cert.pem "
               "and key.pem) or ssl.cert_file and ssl.key_file (PEM files, the key without a "
               "passphrase); for a development cluster only, allow_insecure_connections: true "
               "serves plain HTTP");
  }
  if (ssl.cname.origin == ir::Origin::kInvalid || tls_value_given(ssl.cname)) return;
  out.report(ssl.cname.written() ? ssl.cname.range : block,
             fmt::format("inference serves HTTPS ({}) but extension.inference.ssl.cname is {}: "
                         "the extension "
                         "requires sslCname, the host name clients call, when insecure "
                         "connections are off",
                         why, ssl.cname.written() ? "empty" : "missing"),
             "write extension.inference.ssl.cname: the DNS name of the scoring endpoint that the "
             "certificate "
             "covers, e.g. scoring.contoso.com");
}

}  // namespace aksc::rules
