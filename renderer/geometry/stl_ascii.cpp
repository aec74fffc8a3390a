#include <charconv>
#include <string_view>

#include "renderer/errors.h"
#include "renderer/geometry/stl_loader.h"

namespace limner {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

// Keywords are matched case-insensitively: some CAD exporters write "FACET NORMAL".
bool keyword_is(std::string_view token, std::string_view keyword) {
  if (token.size() != keyword.size()) return false;
  for (size_t i = 0; i < token.size(); ++i) {
    char c = token[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != keyword[i]) return false;
  }
  return true;
}

class AsciiStlParser {
 public:
  AsciiStlParser(const std::string& path, const std::string& text)
      : path_(path), p_(text.data()), end_(text.data() + text.size()) {}

  void run(std::vector<glm::vec3>& soup) {
    expect("solid");
    skip_line();  // the solid's name, possibly empty or several words
    for (std::string_view tok = next(); !tok.empty(); tok = next()) {
      if (keyword_is(tok, "facet")) {
        parse_facet(soup);
      } else if (keyword_is(tok, "endsolid")) {
        skip_line();
        std::string_view after = next();
        if (after.empty()) return;
        if (!keyword_is(after, "solid")) fail("'solid' or end of file", after);
        skip_line();  // several solids in one file are concatenated
      } else {
        fail("'facet' or 'endsolid'", tok);
      }
    }
    // A missing "endsolid" is tolerated: the facets are complete.
  }

 private:
  void parse_facet(std::vector<glm::vec3>& soup) {
    expect("normal");
    // Facet normals are ignored (often wrong, sometimes "nan"): skip them unparsed.
    for (int i = 0; i < 3; ++i) next();
    expect("outer");
    expect("loop");
    corners_.clear();
    std::string_view tok = next();
    for (; keyword_is(tok, "vertex"); tok = next()) {
      float x = number(), y = number(), z = number();
      corners_.emplace_back(x, y, z);
    }
    if (!keyword_is(tok, "endloop")) fail("'vertex' or 'endloop'", tok);
    if (corners_.size() < 3) fail("at least 3 vertices before 'endloop'", tok);
    expect("endfacet");
    for (size_t i = 1; i + 1 < corners_.size(); ++i) {
      soup.push_back(corners_[0]);
      soup.push_back(corners_[i]);
      soup.push_back(corners_[i + 1]);
    }
  }

  std::string_view next() {
    while (p_ < end_ && is_space(*p_)) {
      if (*p_ == '\n') ++line_;
      ++p_;
    }
    const char* start = p_;
    while (p_ < end_ && !is_space(*p_)) ++p_;
    return std::string_view(start, static_cast<size_t>(p_ - start));
  }

  void skip_line() {
    while (p_ < end_ && *p_ != '\n') ++p_;
  }

  void expect(std::string_view keyword) {
    std::string_view tok = next();
    if (!keyword_is(tok, keyword)) fail("'" + std::string(keyword) + "'", tok);
  }

  float number() {
    std::string_view tok = next();
    const char* b = tok.data();
    const char* e = b + tok.size();
    if (b != e && *b == '+') ++b;  // from_chars rejects a leading '+'
    float value = 0.0f;
    auto [ptr, ec] = std::from_chars(b, e, value);
    if (tok.empty() || ec != std::errc() || ptr != e) fail("a number", tok);
    return value;
  }

  [[noreturn]] void fail(const std::string& expected, std::string_view found) {
    std::string shown = found.empty() ? "end of file" : "'" + std::string(found.substr(0, 40)) + "'";
    throw input_error(path_, "", "ASCII STL line " + std::to_string(line_) + ": expected " +
                                     expected + ", found " + shown);
  }

  const std::string& path_;
  const char* p_;
  const char* end_;
  size_t line_ = 1;
  std::vector<glm::vec3> corners_;
};

}  // namespace

void parse_ascii_stl(const std::string& path, const std::string& text,
                     std::vector<glm::vec3>& soup) {
  AsciiStlParser(path, text).run(soup);
}

}  // namespace limner
