#include "renderer/geometry/obj_face_scan.h"

#include <cstring>
#include <string>

namespace limner {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

// Splits lines the way tinyobjloader's safeGetline does: "\n", "\r\n" and a lone "\r" each end
// a line, so line numbers agree with its error messages.
class LineReader {
 public:
  explicit LineReader(std::string_view text) : p_(text.data()), end_(text.data() + text.size()) {}

  bool next(std::string_view& line) {
    if (p_ >= end_) return false;
    const char* start = p_;
    // memchr is many times faster than a byte loop on the ~100 MB files this must handle.
    const char* nl = static_cast<const char*>(std::memchr(p_, '\n', size_t(end_ - p_)));
    if (!nl) nl = end_;
    const char* cr = static_cast<const char*>(std::memchr(p_, '\r', size_t(nl - p_)));
    const char* stop = cr ? cr : nl;
    line = std::string_view(start, static_cast<size_t>(stop - start));
    if (cr && cr + 1 != nl) {
      p_ = cr + 1;  // a lone '\r' ends the line by itself
    } else {
      p_ = nl < end_ ? nl + 1 : end_;
    }
    ++number_;
    return true;
  }
  uint32_t number() const { return number_; }

 private:
  const char* p_;
  const char* end_;
  uint32_t number_ = 0;
};

// Words after "f": tinyobjloader parses one corner per blank-separated word.
uint32_t count_words(std::string_view s) {
  uint32_t words = 0;
  bool in_word = false;
  for (char c : s) {
    if (c == '\0') break;  // tinyobjloader parses C strings
    bool word_char = !is_blank(c);
    if (word_char && !in_word) ++words;
    in_word = word_char;
  }
  return words;
}

// tinyobjloader's parseString: skip blanks, take up to the next blank.
std::string first_word(std::string_view s) {
  size_t b = 0;
  while (b < s.size() && is_blank(s[b])) ++b;
  size_t e = b;
  while (e < s.size() && !is_blank(s[e]) && s[e] != '\0') ++e;
  return std::string(s.substr(b, e - b));
}

// A word (before any '#' comment) that strtod would read as nan or inf.
bool has_non_finite_word(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && s[i] != '#') {
    while (i < s.size() && is_blank(s[i])) ++i;
    size_t b = i;
    while (i < s.size() && !is_blank(s[i]) && s[i] != '#') ++i;
    std::string_view w = s.substr(b, i - b);
    if (!w.empty() && (w[0] == '+' || w[0] == '-')) w.remove_prefix(1);
    if (w.size() >= 3) {
      char a = char(w[0] | 0x20), c = char(w[1] | 0x20), d = char(w[2] | 0x20);
      if ((a == 'n' && c == 'a' && d == 'n') || (a == 'i' && c == 'n' && d == 'f')) return true;
    }
  }
  return false;
}

}  // namespace

ObjFaceTags scan_obj_faces(std::string_view text, PartNames& parts) {
  ObjFaceTags tags;
  uint32_t usemtl = Mesh::kNoPart;
  LineReader lines(text);
  std::string_view line;
  while (lines.next(line)) {
    size_t b = 0;
    while (b < line.size() && is_blank(line[b])) ++b;
    line.remove_prefix(b);
    if (line.size() >= 2 && line[0] == 'f' && is_blank(line[1])) {
      uint32_t corners = count_words(line.substr(2));
      if (corners < 3) continue;
      tags.usemtl.push_back(usemtl);
      tags.line.push_back(lines.number());
      tags.corner_count.push_back(corners);
    } else if (line.size() >= 2 && line[0] == 'v' && is_blank(line[1])) {
      if (!tags.non_finite_vertex_line && has_non_finite_word(line.substr(2)))
        tags.non_finite_vertex_line = lines.number();
    } else if (line.substr(0, 6) == "usemtl") {
      usemtl = parts.intern(first_word(line.substr(6)));
    }
  }
  return tags;
}

}  // namespace limner
