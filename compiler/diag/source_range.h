#pragma once

namespace aksc {

/// A 1-based line and column (columns count Unicode code points); 0 means unknown.
struct SourcePosition {
  int line = 0;
  int column = 0;

  bool known() const { return line > 0; }
  friend auto operator<=>(const SourcePosition&, const SourcePosition&) = default;
};

/// A half-open range [begin, end) in one source file.
struct SourceRange {
  SourcePosition begin;
  SourcePosition end;

  bool known() const { return begin.known(); }
  friend bool operator==(const SourceRange&, const SourceRange&) = default;
};

}  // namespace aksc
