#pragma once

namespace aksc::ir {

/// What the front end found at a certificate or key path (frontend/ssl_files); rules read this,
/// never the file.
enum class PemFile {
  kUnchecked,   ///< Not looked at: the path is absent, invalid or blank.
  kUsable,      ///< A PEM file of the expected kind.
  kMissing,     ///< Nothing at the path.
  kNotAFile,    ///< A folder or other non-regular file.
  kUnreadable,  ///< Exists but cannot be read.
  kNotPem,      ///< Readable but holds no PEM block of the expected kind.
  kSwapped,     ///< Holds the other kind: a private key as cert_file, a certificate as key_file.
};

}  // namespace aksc::ir
