#pragma once

#include <filesystem>
#include <string_view>

#include "diag/finding_sink.h"
#include "frontend/path_fence.h"
#include "ir/spec.h"

namespace aksc {

/// What a PEM file holds, by its `-----BEGIN <label>-----` lines.
struct PemContents {
  bool certificate = false;  ///< A `-----BEGIN CERTIFICATE-----` block.
  bool private_key = false;  ///< A `-----BEGIN ...PRIVATE KEY-----` block (PKCS#8, RSA, EC, ...).
  /// A private key behind a passphrase: `ENCRYPTED PRIVATE KEY` (PKCS#8) or a block with the
  /// header `Proc-Type: 4,ENCRYPTED` (OpenSSL's traditional format).
  bool encrypted_key = false;
};

/// What one look at a PEM path found: the verdict and, for a readable file, its contents.
struct PemInspection {
  ir::PemFile file = ir::PemFile::kUnchecked;
  PemContents contents;
};

/// Scans text for PEM block headers.
PemContents scan_pem(std::string_view text);

/// Looks at one path: missing, not a regular file, unreadable, or the PEM kinds it holds.
/// `want_key` picks which kind makes it usable.
ir::PemFile check_pem_file(const std::filesystem::path& path, bool want_key);
/// check_pem_file with the contents it found.
PemInspection inspect_pem_file(const std::filesystem::path& path, bool want_key);

/// Front-end step after lowering: checks the certificate and key paths (relative to
/// `spec_folder`) of `ssl` (AksCompute, for AKS702) or `extension.inference.ssl`
/// (KubernetesCompute, also whether the key is encrypted, for AKS805), and records the verdicts
/// in the IR. Rules never read files. A path outside `fence` is not looked at: an AKS007
/// finding at the field.
void check_ssl_files(ir::Spec& spec, const std::filesystem::path& spec_folder,
                     const PathFence& fence, FindingSink& sink);

}  // namespace aksc
