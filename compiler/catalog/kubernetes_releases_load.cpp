// Loads rules/data/aks-kubernetes-versions.csv, the AKS release calendar by minor version, or
// an aksc.yaml `data: kubernetes_versions:` override of the same format.
#include <algorithm>
#include <memory>
#include <stdexcept>

#include <fmt/format.h>

#include "catalog/catalog.h"
#include "catalog/csv_table.h"
#include "diag/text_util.h"

namespace aksc {
namespace {

bool is_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  return true;
}

// The "# snapshot_date:" line among the comment lines at the top: the day the verdicts hold on.
std::string_view snapshot_date(std::string_view text) {
  while (!text.empty() && text[0] == '#') {
    std::string_view line = take_line(text);
    constexpr std::string_view kKey = "# snapshot_date:";
    if (line.substr(0, kKey.size()) == kKey) {
      std::string_view date = trim(line.substr(kKey.size()));
      if (!is_iso_date(date)) {
        throw std::runtime_error(
            fmt::format("snapshot_date '{}' is not a date such as 2026-08-21", date));
      }
      return date;
    }
  }
  throw std::runtime_error(
      "no '# snapshot_date: YYYY-MM-DD' line before the header: versions are judged as of "
      "that date");
}

// "1.34" as its two numbers, or nullopt.
std::optional<std::pair<unsigned, unsigned>> minor_numbers(std::string_view text) {
  std::size_t dot = text.find('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 == text.size()) return std::nullopt;
  unsigned numbers[2] = {0, 0};
  std::string_view parts[2] = {text.substr(0, dot), text.substr(dot + 1)};
  for (int i = 0; i < 2; ++i) {
    const std::string_view part = parts[i];
    if (part.size() > 4 || (part.size() > 1 && part[0] == '0')) return std::nullopt;
    for (char c : part) {
      if (c < '0' || c > '9') return std::nullopt;
      numbers[i] = numbers[i] * 10 + static_cast<unsigned>(c - '0');
    }
  }
  return std::pair{numbers[0], numbers[1]};
}

}  // namespace

void Catalog::load_kubernetes_releases(std::string_view csv) {
  auto text = std::make_shared<const std::string>(csv);  // the releases view it
  std::string_view as_of = snapshot_date(*text);
  CsvTable table(*text, {"version", "preview", "ga", "end_of_life"});
  std::size_t version = table.index("version"), preview = table.index("preview");
  std::size_t ga = table.index("ga"), end = table.index("end_of_life");
  std::size_t platform = table.optional_index("platform_support_until");
  std::size_t lts = table.optional_index("lts_end");
  std::vector<std::pair<std::pair<unsigned, unsigned>, KubernetesRelease>> rows;
  table.for_each_row([&](int line, std::span<const std::string_view> fields) {
    KubernetesRelease release;
    release.version = fields[version];
    std::optional<std::pair<unsigned, unsigned>> numbers = minor_numbers(release.version);
    if (!numbers) {
      throw std::runtime_error(
          fmt::format("line {}: version '{}' is not a minor version such "
                      "as 1.34",
                      line, release.version));
    }
    auto date = [&](std::size_t column, const char* name, bool required) -> std::string_view {
      std::string_view value = column == SIZE_MAX ? std::string_view() : fields[column];
      if ((required || !value.empty()) && !is_iso_date(value)) {
        throw std::runtime_error(
            fmt::format("line {}: {} '{}' is not a date such as 2026-08-21", line, name, value));
      }
      return value;
    };
    release.preview = date(preview, "preview", false);
    release.ga = date(ga, "ga", true);
    release.end_of_life = date(end, "end_of_life", true);
    release.platform_support_until = date(platform, "platform_support_until", false);
    release.lts_end = date(lts, "lts_end", false);
    rows.emplace_back(*numbers, release);
  });
  if (rows.empty()) throw std::runtime_error("no versions");
  std::sort(rows.begin(), rows.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  for (std::size_t i = 1; i < rows.size(); ++i) {
    if (rows[i].first == rows[i - 1].first) {
      throw std::runtime_error(fmt::format("version {} is listed twice", rows[i].second.version));
    }
  }
  auto releases = std::make_shared<std::vector<KubernetesRelease>>();
  for (const auto& row : rows)
    releases->push_back(row.second);
  releases_ = *releases;
  releases_as_of_ = as_of;
  owned_.push_back(std::move(text));
  owned_.push_back(std::move(releases));
}

}  // namespace aksc
