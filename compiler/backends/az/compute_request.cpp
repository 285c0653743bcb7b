#include "backends/az/compute_request.h"

#include <fmt/format.h>

#include "backends/arm/arm_template.h"
#include "backends/az/shell_quote.h"
#include "backends/compute_body.h"
#include "diag/text_util.h"

namespace aksc::az {
namespace {

// A body value deploy.sh fills in at run time: a string holding a NUL byte, which no spec
// value can (lowering refuses them), so it cannot be mistaken for one in the JSON text.
std::string hole(std::string_view variable) {
  return fmt::format("{}{}{}", '\0', variable, '\0');
}

// A path segment: '/' is encoded too.
std::string percent_encoded(std::string_view segment) {
  return percent_encode(segment);
}

std::string compute_path(const intent::Workspace& workspace, std::string_view compute,
                         std::string (*segment)(std::string_view)) {
  return fmt::format(
      "/subscriptions/{}/resourceGroups/{}/providers/Microsoft.MachineLearningServices/"
      "workspaces/{}/computes/{}",
      segment(workspace.subscription_id), segment(workspace.resource_group),
      segment(workspace.name), segment(compute));
}

std::string as_is(std::string_view segment) {
  return std::string(segment);
}

}  // namespace

std::string compute_url(const intent::Workspace& workspace, std::string_view compute) {
  return fmt::format("https://management.azure.com{}?api-version={}",
                     compute_path(workspace, compute, percent_encoded),
                     arm::kMachineLearningApiVersion);
}

std::string compute_resource_id(const intent::Workspace& workspace, std::string_view compute) {
  return compute_path(workspace, compute, as_is);
}

bool body_needs_cluster_id(const intent::Deployment& d) {
  return d.attached && (d.provisioned || !d.attached->id_written);
}

std::string compute_body_word(const intent::Deployment& d) {
  ComputeBodyStyle style;
  style.text = [](std::string_view value) { return std::string(value); };
  style.subnet_id = [](const intent::Subnet& subnet) { return subnet.resource_id(); };
  if (d.attached) {
    style.cluster_id = body_needs_cluster_id(d) ? hole(kClusterIdJson) : d.attached->resource_id;
  }
  style.ssl_cert = hole(kSslCertJson);
  style.ssl_key = hole(kSslKeyJson);
  std::string json =
      compute_body(d, style).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  // Each hole is dumped as a JSON string "\u0000name\u0000"; the variable replaces it whole.
  std::string word;
  std::size_t done = 0;
  while (true) {
    std::size_t start = json.find("\"\\u0000", done);
    if (start == std::string::npos) break;
    std::size_t name = start + 7;
    std::size_t end = json.find("\\u0000\"", name);
    word += shell_quote(json.substr(done, start - done));
    word += "\"$" + json.substr(name, end - name) + "\"";
    done = end + 7;
  }
  return word + shell_quote(json.substr(done));
}

}  // namespace aksc::az
