#pragma once

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <vector>

#include "ir/spec.h"

namespace aksc {

/// The specs of a lint run, in input order. Each file's specs stay in the vector that loading
/// put them in, moved here whole: moving them one by one into one container copied every spec
/// while the loading threads' copies were still held, a large part of a big run's peak
/// memory. A spec never moves once added.
class SpecList {
 public:
  class const_iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = ir::Spec;
    using difference_type = std::ptrdiff_t;
    using pointer = const ir::Spec*;
    using reference = const ir::Spec&;

    const_iterator() = default;
    reference operator*() const { return (*chunks_)[chunk_][index_]; }
    pointer operator->() const { return &**this; }
    const_iterator& operator++() {
      if (++index_ == (*chunks_)[chunk_].size()) {
        index_ = 0;
        ++chunk_;
      }
      return *this;
    }
    const_iterator operator++(int) {
      const_iterator before = *this;
      ++*this;
      return before;
    }
    bool operator==(const const_iterator& other) const {
      return chunk_ == other.chunk_ && index_ == other.index_;
    }

   private:
    friend class SpecList;
    const_iterator(const std::vector<std::vector<ir::Spec>>* chunks, std::size_t chunk)
        : chunks_(chunks), chunk_(chunk) {}
    const std::vector<std::vector<ir::Spec>>* chunks_ = nullptr;
    std::size_t chunk_ = 0;
    std::size_t index_ = 0;
  };

  /// Adds a file's specs, keeping them where they are.
  void append(std::vector<ir::Spec>&& specs) {
    if (specs.empty()) return;
    size_ += specs.size();
    chunks_.push_back(std::move(specs));
    ends_.push_back(size_);
  }
  void push_back(ir::Spec spec) {
    std::vector<ir::Spec> one;
    one.push_back(std::move(spec));
    append(std::move(one));
  }

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const ir::Spec& operator[](std::size_t i) const { return at(i); }
  ir::Spec& operator[](std::size_t i) { return const_cast<ir::Spec&>(at(i)); }
  const_iterator begin() const { return {&chunks_, 0}; }
  const_iterator end() const { return {&chunks_, chunks_.size()}; }

 private:
  const ir::Spec& at(std::size_t i) const {
    auto chunk =
        static_cast<std::size_t>(std::upper_bound(ends_.begin(), ends_.end(), i) - ends_.begin());
    std::size_t first = chunk == 0 ? 0 : ends_[chunk - 1];
    return chunks_[chunk][i - first];
  }

  std::vector<std::vector<ir::Spec>> chunks_;  // never empty ones: iteration relies on it
  std::vector<std::size_t> ends_;              // one past each chunk's last index
  std::size_t size_ = 0;
};

}  // namespace aksc
