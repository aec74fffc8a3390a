#include "renderer/geometry/vertex_welder.h"

#include <stdexcept>

namespace limner {
namespace {

size_t hash_key(const VertexWelder::Key& key) {
  // splitmix64 finaliser over the packed words; float bit patterns are poorly distributed in
  // their low bits, so a plain xor-combine would cluster badly under linear probing.
  uint64_t h = (uint64_t(key[0]) << 32 | key[1]) ^ (uint64_t(key[2]) * 0x9e3779b97f4a7c15ull);
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ull;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebull;
  h ^= h >> 31;
  return static_cast<size_t>(h);
}

size_t slot_count_for(size_t keys) {
  size_t n = 16;
  while (n < keys * 2) n *= 2;  // load factor <= 1/2 keeps probe sequences short
  return n;
}

}  // namespace

VertexWelder::VertexWelder(size_t expected_keys) { rehash(slot_count_for(expected_keys)); }

size_t VertexWelder::find_slot(const Key& key) const {
  size_t i = hash_key(key) & mask_;
  while (slots_[i].value != kEmpty && slots_[i].key != key) i = (i + 1) & mask_;
  return i;
}

uint32_t VertexWelder::insert(const Key& key, bool& inserted) {
  size_t i = find_slot(key);
  if (slots_[i].value != kEmpty) {
    inserted = false;
    return slots_[i].value;
  }
  if (count_ >= kEmpty - 1) throw std::length_error("mesh has more than 2^32 - 2 vertices");
  if ((count_ + 1) * 2 > slots_.size()) {
    rehash(slots_.size() * 2);
    i = find_slot(key);
  }
  slots_[i] = Slot{key, static_cast<uint32_t>(count_)};
  inserted = true;
  return static_cast<uint32_t>(count_++);
}

void VertexWelder::rehash(size_t slot_count) {
  std::vector<Slot> old;
  old.swap(slots_);
  slots_.assign(slot_count, Slot{Key{}, kEmpty});
  mask_ = slot_count - 1;
  for (const Slot& s : old) {
    if (s.value != kEmpty) slots_[find_slot(s.key)] = s;
  }
}

}  // namespace limner
