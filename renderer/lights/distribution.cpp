#include "renderer/lights/distribution.h"

#include <algorithm>
#include <cmath>

namespace limner {

Distribution1D::Distribution1D(const float* func, int n) : func_(func, func + n), cdf_(n + 1) {
  // Accumulate in double: a 4k row sums thousands of values of very different size.
  double acc = 0.0;
  cdf_[0] = 0.0f;
  std::vector<double> c(size_t(n) + 1, 0.0);
  for (int i = 0; i < n; ++i) {
    acc += std::max(0.0f, func_[i]);
    c[size_t(i) + 1] = acc;
  }
  integral_ = float(acc / n);
  if (acc <= 0.0) {
    for (int i = 0; i <= n; ++i) cdf_[i] = float(i) / float(n);
    return;
  }
  for (int i = 1; i <= n; ++i) cdf_[i] = float(c[size_t(i)] / acc);
  cdf_[n] = 1.0f;
}

float Distribution1D::pdf(int index) const {
  if (integral_ <= 0.0f) return 1.0f;
  return std::max(0.0f, func_[index]) / integral_;
}

float Distribution1D::sample(float u, float& pdf_out, int& index) const {
  const int n = size();
  // Last cell whose start is <= u, skipping empty cells.
  int i = int(std::upper_bound(cdf_.begin(), cdf_.end(), u) - cdf_.begin()) - 1;
  i = std::clamp(i, 0, n - 1);
  while (i > 0 && cdf_[i + 1] <= cdf_[i]) --i;
  while (i < n - 1 && cdf_[i + 1] <= cdf_[i]) ++i;
  index = i;
  pdf_out = pdf(i);
  float width = cdf_[i + 1] - cdf_[i];
  float t = width > 0.0f ? (u - cdf_[i]) / width : 0.5f;
  float x = (float(i) + std::clamp(t, 0.0f, 1.0f)) / float(n);
  return std::min(x, std::nextafter(1.0f, 0.0f));
}

Distribution2D::Distribution2D(const float* func, int width, int height) {
  rows_.reserve(size_t(height));
  std::vector<float> marginal(static_cast<size_t>(height));
  for (int y = 0; y < height; ++y) {
    rows_.emplace_back(func + size_t(y) * size_t(width), width);
    marginal[size_t(y)] = rows_.back().integral();
  }
  marginal_ = Distribution1D(marginal.data(), height);
}

glm::vec2 Distribution2D::sample(const glm::vec2& u, float& pdf) const {
  float pdf_v, pdf_u;
  int row, col;
  float v = marginal_.sample(u.y, pdf_v, row);
  float x = rows_[size_t(row)].sample(u.x, pdf_u, col);
  pdf = pdf_v * pdf_u;
  return {x, v};
}

float Distribution2D::pdf(const glm::vec2& uv) const {
  const int h = marginal_.size(), w = rows_.empty() ? 0 : rows_[0].size();
  int row = std::clamp(int(uv.y * float(h)), 0, h - 1);
  int col = std::clamp(int(uv.x * float(w)), 0, w - 1);
  return marginal_.pdf(row) * rows_[size_t(row)].pdf(col);
}

}  // namespace limner
