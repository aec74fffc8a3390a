// Deduplicates vertices keyed on three 32-bit words (OBJ v/vt/vn index triples, or STL float
// bit patterns) and hands out dense indices in first-seen order.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace limner {

class VertexWelder {
 public:
  using Key = std::array<uint32_t, 3>;

  explicit VertexWelder(size_t expected_keys = 0);

  // Returns the dense index of key; `inserted` is true when key was new (its index is then
  // size() - 1), so the caller knows to append the vertex's attributes.
  uint32_t insert(const Key& key, bool& inserted);
  size_t size() const { return count_; }

 private:
  // Open addressing with linear probing: std::unordered_map's per-node allocations made
  // welding a million-vertex mesh several times slower than parsing it.
  struct Slot {
    Key key;
    uint32_t value;
  };
  static constexpr uint32_t kEmpty = 0xffffffffu;

  void rehash(size_t slot_count);
  size_t find_slot(const Key& key) const;

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t count_ = 0;
};

}  // namespace limner
