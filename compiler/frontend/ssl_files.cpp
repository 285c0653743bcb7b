#include "frontend/ssl_files.h"

#include <fstream>
#include <iterator>
#include <string>

#include <fmt/format.h>

#include "diag/text_util.h"

namespace aksc {
namespace {

// Whether the PEM block whose BEGIN line ends at `after` has an RFC 1421 header
// "Proc-Type: 4,ENCRYPTED" (OpenSSL's traditional encrypted keys) before its END line.
bool has_encrypted_header(std::string_view text, std::size_t after) {
  std::size_t end = text.find("-----END ", after);
  std::string_view block = text.substr(after, end == std::string_view::npos ? end : end - after);
  std::size_t header = block.find("Proc-Type:");
  if (header == std::string_view::npos) return false;
  std::string_view line = block.substr(header, block.find('\n', header) - header);
  return line.find("ENCRYPTED") != std::string_view::npos;
}

}  // namespace

PemContents scan_pem(std::string_view text) {
  constexpr std::string_view kBegin = "-----BEGIN ";
  constexpr std::string_view kDashes = "-----";
  constexpr std::string_view kPrivateKey = "PRIVATE KEY";
  PemContents contents;
  for (std::size_t at = text.find(kBegin); at != std::string_view::npos;
       at = text.find(kBegin, at + 1)) {
    std::size_t label_begin = at + kBegin.size();
    std::size_t label_end = text.find(kDashes, label_begin);
    if (label_end == std::string_view::npos) break;
    std::string_view label = text.substr(label_begin, label_end - label_begin);
    if (label.find('\n') != std::string_view::npos) continue;  // not one header line
    if (label == "CERTIFICATE") contents.certificate = true;
    if (label.size() >= kPrivateKey.size() &&
        label.substr(label.size() - kPrivateKey.size()) == kPrivateKey) {
      contents.private_key = true;
      if (label == "ENCRYPTED PRIVATE KEY" || has_encrypted_header(text, label_end)) {
        contents.encrypted_key = true;
      }
    }
  }
  return contents;
}

PemInspection inspect_pem_file(const std::filesystem::path& path, bool want_key) {
  std::error_code error;
  auto status = std::filesystem::status(path, error);
  if (status.type() == std::filesystem::file_type::not_found) return {ir::PemFile::kMissing, {}};
  if (error) return {ir::PemFile::kUnreadable, {}};
  if (!std::filesystem::is_regular_file(status)) return {ir::PemFile::kNotAFile, {}};
  std::ifstream in(path, std::ios::binary);
  if (!in) return {ir::PemFile::kUnreadable, {}};
  std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) return {ir::PemFile::kUnreadable, {}};
  PemContents contents = scan_pem(text);
  bool wanted = want_key ? contents.private_key : contents.certificate;
  bool other = want_key ? contents.certificate : contents.private_key;
  if (wanted) return {ir::PemFile::kUsable, contents};
  return {other ? ir::PemFile::kSwapped : ir::PemFile::kNotPem, contents};
}

ir::PemFile check_pem_file(const std::filesystem::path& path, bool want_key) {
  return inspect_pem_file(path, want_key).file;
}

namespace {

PemInspection check_fenced(const ir::Spec& spec, const ir::Field<std::string>& field,
                           std::string_view name, bool want_key,
                           const std::filesystem::path& spec_folder, const PathFence& fence,
                           FindingSink& sink) {
  if (!field.written() || trim(field.value).empty()) return {ir::PemFile::kUnchecked, {}};
  FencedPath path = fence_path(field.value, spec_folder, fence);
  if (!path.admitted()) {
    sink.report("AKS007", spec.file, field.range,
                fmt::format("{} '{}' is not read: {}", name, field.value, path.refusal),
                fence_help("the spec file"));
    return {ir::PemFile::kUnchecked, {}};
  }
  return inspect_pem_file(path.path, want_key);
}

// AksCompute's `ssl`.
void check_v1_ssl_files(ir::Spec& spec, const std::filesystem::path& spec_folder,
                        const PathFence& fence, FindingSink& sink) {
  if (!spec.ssl.has_value()) return;  // no files named, and no block to create
  ir::Ssl& ssl = *spec.ssl;
  ssl.cert_file_check =
      check_fenced(spec, ssl.cert_file, "ssl.cert_file", false, spec_folder, fence, sink).file;
  ssl.key_file_check =
      check_fenced(spec, ssl.key_file, "ssl.key_file", true, spec_folder, fence, sink).file;
}

// KubernetesCompute's `extension.inference.ssl`, whose key the extension must read without a
// passphrase (AKS805).
void check_v2_ssl_files(ir::Spec& spec, const std::filesystem::path& spec_folder,
                        const PathFence& fence, FindingSink& sink) {
  ir::InferenceSsl& ssl = spec.kubernetes->extension.inference.ssl;
  ssl.cert_file_check = check_fenced(spec, ssl.cert_file, "extension.inference.ssl.cert_file",
                                     false, spec_folder, fence, sink)
                            .file;
  PemInspection key = check_fenced(spec, ssl.key_file, "extension.inference.ssl.key_file", true,
                                   spec_folder, fence, sink);
  ssl.key_file_check = key.file;
  if (key.file == ir::PemFile::kUsable) {
    ssl.key_protection = key.contents.encrypted_key ? ir::PemKeyProtection::kEncrypted
                                                    : ir::PemKeyProtection::kPlain;
  }
}

}  // namespace

void check_ssl_files(ir::Spec& spec, const std::filesystem::path& spec_folder,
                     const PathFence& fence, FindingSink& sink) {
  if (spec.kind == ir::Kind::kKubernetesCompute) {
    check_v2_ssl_files(spec, spec_folder, fence, sink);
  } else {
    check_v1_ssl_files(spec, spec_folder, fence, sink);
  }
}

}  // namespace aksc
