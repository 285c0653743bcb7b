#include "frontend/ssl_files.h"

#include <fstream>
#include <iterator>
#include <string>

#include <fmt/format.h>

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

namespace {

ir::PemFile check_fenced(const ir::Spec& spec, const ir::Field<std::string>& field,
                         const char* name, bool want_key, const std::filesystem::path& spec_folder,
                         const PathFence& fence, FindingSink& sink) {
  if (!field.written() || trim(field.value).empty()) return ir::PemFile::kUnchecked;
  FencedPath path = fence_path(field.value, spec_folder, fence);
  if (!path.admitted()) {
    sink.report("AKS007", spec.file, field.range,
                fmt::format("{} '{}' is not read: {}", name, field.value, path.refusal),
                fence_help("the spec file"));
    return ir::PemFile::kUnchecked;
  }
  return check_pem_file(path.path, want_key);
}

}  // namespace

void check_ssl_files(ir::Spec& spec, const std::filesystem::path& spec_folder,
                     const PathFence& fence, FindingSink& sink) {
  ir::Ssl& ssl = spec.ssl;
  ssl.cert_file_check =
      check_fenced(spec, ssl.cert_file, "ssl.cert_file", false, spec_folder, fence, sink);
  ssl.key_file_check =
      check_fenced(spec, ssl.key_file, "ssl.key_file", true, spec_folder, fence, sink);
}

}  // namespace aksc
