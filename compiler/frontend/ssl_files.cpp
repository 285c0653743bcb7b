#include "frontend/ssl_files.h"

#include <fstream>
#include <iterator>
#include <string>

#include "diag/text_util.h"

namespace aksc {

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
    }
  }
  return contents;
}

ir::PemFile check_pem_file(const std::filesystem::path& path, bool want_key) {
  std::error_code error;
  auto status = std::filesystem::status(path, error);
  if (status.type() == std::filesystem::file_type::not_found) return ir::PemFile::kMissing;
  if (error) return ir::PemFile::kUnreadable;
  if (!std::filesystem::is_regular_file(status)) return ir::PemFile::kNotAFile;
  std::ifstream in(path, std::ios::binary);
  if (!in) return ir::PemFile::kUnreadable;
  std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) return ir::PemFile::kUnreadable;
  PemContents contents = scan_pem(text);
  bool wanted = want_key ? contents.private_key : contents.certificate;
  bool other = want_key ? contents.certificate : contents.private_key;
  if (wanted) return ir::PemFile::kUsable;
  return other ? ir::PemFile::kSwapped : ir::PemFile::kNotPem;
}

void check_ssl_files(ir::Spec& spec, const std::filesystem::path& spec_folder) {
  ir::Ssl& ssl = spec.ssl;
  if (ssl.cert_file.written() && !trim(ssl.cert_file.value).empty()) {
    ssl.cert_file_check = check_pem_file(spec_folder / ssl.cert_file.value, false);
  }
  if (ssl.key_file.written() && !trim(ssl.key_file.value).empty()) {
    ssl.key_file_check = check_pem_file(spec_folder / ssl.key_file.value, true);
  }
}

}  // namespace aksc
