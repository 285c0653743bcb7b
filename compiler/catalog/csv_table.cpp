#include "catalog/csv_table.h"

#include <algorithm>
#include <cstdint>
#include <stdexcept>

#include <fmt/format.h>

#include "diag/text_util.h"

namespace aksc {
namespace {

void split(std::string_view line, std::vector<std::string_view>& fields) {
  fields.clear();
  while (true) {
    std::size_t comma = line.find(',');
    fields.push_back(trim(line.substr(0, comma)));
    if (comma == std::string_view::npos) break;
    line.remove_prefix(comma + 1);
  }
}

}  // namespace

CsvTable::CsvTable(std::string_view text, const std::vector<std::string>& required) {
  int number = 0;
  while (!text.empty()) {
    std::string_view line = trim(take_line(text));
    ++number;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string_view> columns;
    split(line, columns);
    header_.assign(columns.begin(), columns.end());
    rows_ = text;
    first_row_line_ = number + 1;
    break;
  }
  if (header_.empty()) throw std::runtime_error("no header row");
  for (const std::string& column : required)
    index(column);
}

bool CsvTable::has(std::string_view column) const {
  return std::find(header_.begin(), header_.end(), column) != header_.end();
}

std::size_t CsvTable::index(std::string_view column) const {
  auto found = std::find(header_.begin(), header_.end(), column);
  if (found == header_.end()) throw std::runtime_error(fmt::format("no column '{}'", column));
  return static_cast<std::size_t>(found - header_.begin());
}

std::size_t CsvTable::optional_index(std::string_view column) const {
  return has(column) ? index(column) : SIZE_MAX;
}

void CsvTable::for_each_row(const RowHandler& handle) const {
  std::vector<std::string_view> fields;
  fields.reserve(header_.size() + 1);
  std::string_view text = rows_;
  for (int number = first_row_line_; !text.empty(); ++number) {
    std::string_view line = trim(take_line(text));
    if (line.empty() || line[0] == '#') continue;
    split(line, fields);
    if (fields.size() != header_.size()) {
      throw std::runtime_error(fmt::format("line {}: {} fields, the header has {}", number,
                                           fields.size(), header_.size()));
    }
    handle(number, fields);
  }
}

}  // namespace aksc
