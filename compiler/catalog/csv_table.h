#pragma once

#include <cstddef>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace aksc {

/// A CSV table of aksc's data files: '#' comment lines, then a header row, then rows split on
/// ',' (scripts/update-data.py refuses fields with commas or quotes). The rows are read one at
/// a time and never stored, so that the 1,500 VM sizes cost no allocation per row at start-up.
/// Fields view the text, which must outlive their use.
class CsvTable {
 public:
  /// Reads the header; throws std::runtime_error if there is none or it lacks a `required`
  /// column.
  CsvTable(std::string_view text, const std::vector<std::string>& required);

  bool has(std::string_view column) const;
  /// The column's position; throws std::runtime_error naming a missing column.
  std::size_t index(std::string_view column) const;
  /// The column's position, or SIZE_MAX when the table does not have it.
  std::size_t optional_index(std::string_view column) const;

  using RowHandler = std::function<void(int line, std::span<const std::string_view> fields)>;
  /// Calls `handle` for each row in order, with its 1-based line number; throws
  /// std::runtime_error naming the line of a row with the wrong number of fields.
  void for_each_row(const RowHandler& handle) const;

 private:
  std::vector<std::string> header_;
  std::string_view rows_;   // the text after the header row
  int first_row_line_ = 0;  // the line number of the first line of rows_
};

}  // namespace aksc
