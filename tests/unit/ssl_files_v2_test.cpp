// frontend/ssl_files on kind KubernetesCompute: extension.inference.ssl's files get the same
// verdicts and path fence as AksCompute's ssl, and the key's protection (AKS805 reads it).
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "diag/finding_sink.h"
#include "frontend/ssl_files.h"

namespace fs = std::filesystem;
using aksc::ir::PemFile;
using aksc::ir::PemKeyProtection;

namespace {

aksc::ir::Field<std::string> written_path(const char* text) {
  return {text, {{20, 18}, {20, 30}}, aksc::ir::Origin::kWritten};
}

}  // namespace

TEST_CASE("scan_pem tells an encrypted private key from a plain one", "[ssl][v2]") {
  struct KeyCase {
    const char* text;
    bool key;
    bool encrypted;
  };
  const KeyCase cases[] = {
      {"-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", true, false},
      {"-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n", true,
       true},
      {"-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,00FF\n\n"
       "AAAA\n-----END RSA PRIVATE KEY-----\n",
       true, true},
      {"-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n", true, false},
      // The header of a later block is not this block's.
      {"-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n"
       "-----BEGIN CERTIFICATE-----\nProc-Type: 4,ENCRYPTED\n-----END CERTIFICATE-----\n",
       true, false},
      {"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", false, false},
  };
  for (const KeyCase& c : cases) {
    INFO(c.text);
    aksc::PemContents found = aksc::scan_pem(c.text);
    CHECK(found.encrypted_key == c.encrypted);
    CHECK(found.private_key == c.key);
  }
}

TEST_CASE("check_ssl_files reads extension.inference.ssl of a KubernetesCompute", "[ssl][v2]") {
  fs::path dir = fs::temp_directory_path() / ("aksc-ssl-v2-test-" + std::to_string(::getpid()));
  fs::create_directories(dir / "certs");
  auto write = [&](const char* name, const std::string& text) {
    std::ofstream(dir / name, std::ios::binary) << text;
  };
  write("certs/cert.pem", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
  write("certs/key.pem", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
  write("certs/locked.pem",
        "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n");
  aksc::PathFence fence{fs::canonical(dir), {}};

  auto checked = [&](const char* cert, const char* key, aksc::FindingSink& sink) {
    aksc::ir::Spec spec;
    spec.file = "spec.yaml";
    spec.kind = aksc::ir::Kind::kKubernetesCompute;
    spec.kubernetes = std::make_shared<aksc::ir::KubernetesComputeParts>();
    spec.kubernetes->extension.inference.ssl.cert_file = written_path(cert);
    spec.kubernetes->extension.inference.ssl.key_file = written_path(key);
    aksc::check_ssl_files(spec, dir, fence, sink);
    return spec;
  };
  SECTION("a plain key") {
    aksc::FindingSink sink;
    aksc::ir::Spec spec = checked("certs/cert.pem", "certs/key.pem", sink);
    const auto& ssl = spec.kubernetes->extension.inference.ssl;
    CHECK(sink.findings().empty());
    CHECK(ssl.cert_file_check == PemFile::kUsable);
    CHECK(ssl.key_file_check == PemFile::kUsable);
    CHECK(ssl.key_protection == PemKeyProtection::kPlain);
    CHECK(spec.ssl->cert_file_check == PemFile::kUnchecked);  // AksCompute's, untouched
  }
  SECTION("a passphrase-protected key") {
    aksc::FindingSink sink;
    aksc::ir::Spec spec = checked("certs/cert.pem", "certs/locked.pem", sink);
    CHECK(spec.kubernetes->extension.inference.ssl.key_protection == PemKeyProtection::kEncrypted);
  }
  SECTION("swapped files: no protection to tell") {
    aksc::FindingSink sink;
    aksc::ir::Spec spec = checked("certs/key.pem", "certs/cert.pem", sink);
    const auto& ssl = spec.kubernetes->extension.inference.ssl;
    CHECK(ssl.cert_file_check == PemFile::kSwapped);
    CHECK(ssl.key_file_check == PemFile::kSwapped);
    CHECK(ssl.key_protection == PemKeyProtection::kUnchecked);
  }
  SECTION("a path outside the fence is not read: AKS007 at the field") {
    aksc::FindingSink sink;
    aksc::ir::Spec spec = checked("certs/cert.pem", "/etc/ssl/private/key.pem", sink);
    REQUIRE(sink.findings().size() == 1);
    CHECK(sink.findings()[0].rule == "AKS007");
    CHECK(sink.findings()[0].message.rfind("extension.inference.ssl.key_file '/etc/", 0) == 0);
    CHECK(spec.kubernetes->extension.inference.ssl.key_file_check == PemFile::kUnchecked);
  }
  fs::remove_all(dir);
}
