#include "renderer/lights/distribution.h"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>

namespace limner {

namespace {

// Sums func (clipped at 0) in double, in two passes so that no scratch memory is needed: the
// total, then the normalised running sum into cdf (n + 1 entries). Returns the mean of func.
float build_cdf(float* func, float* cdf, int n) {
  double total = 0.0;
  for (int i = 0; i < n; ++i) {
    func[i] = std::max(0.0f, func[i]);
    total += func[i];
  }
  cdf[0] = 0.0f;
  if (total <= 0.0) {
    for (int i = 1; i <= n; ++i) cdf[i] = float(i) / float(n);
    return 0.0f;
  }
  double acc = 0.0, inv = 1.0 / total;
  for (int i = 0; i < n; ++i) {
    acc += func[i];
    cdf[i + 1] = float(acc * inv);
  }
  cdf[n] = 1.0f;
  return float(total / n);
}

float cell_pdf(const float* func, float integral, int i) {
  return integral > 0.0f ? func[i] / integral : 1.0f;
}

// Continuous sample in [0, 1) of the cells, skipping empty ones.
float sample_cells(const float* func, const float* cdf, int n, float integral, float u,
                   float& pdf, int& index) {
  int i = int(std::upper_bound(cdf, cdf + n + 1, u) - cdf) - 1;
  i = std::clamp(i, 0, n - 1);
  while (i > 0 && cdf[i + 1] <= cdf[i]) --i;
  while (i < n - 1 && cdf[i + 1] <= cdf[i]) ++i;
  index = i;
  pdf = cell_pdf(func, integral, i);
  float width = cdf[i + 1] - cdf[i];
  float t = width > 0.0f ? (u - cdf[i]) / width : 0.5f;
  float x = (float(i) + std::clamp(t, 0.0f, 1.0f)) / float(n);
  return std::min(x, std::nextafter(1.0f, 0.0f));
}

}  // namespace

Distribution1D::Distribution1D(const float* func, int n) : func_(func, func + n), cdf_(n + 1) {
  integral_ = build_cdf(func_.data(), cdf_.data(), n);
}

float Distribution1D::pdf(int index) const { return cell_pdf(func_.data(), integral_, index); }

float Distribution1D::sample(float u, float& pdf_out, int& index) const {
  return sample_cells(func_.data(), cdf_.data(), size(), integral_, u, pdf_out, index);
}

// Rows are independent, so they are built in parallel; each row sums in its own fixed order, so
// the tables do not depend on the thread count.
Distribution2D::Distribution2D(std::vector<float> func, int width, int height)
    : width_(width), height_(height), func_(std::move(func)),
      cdf_(size_t(height) * size_t(width + 1)), row_integral_(static_cast<size_t>(height)) {
  tbb::parallel_for(0, height, [&](int y) {
    row_integral_[size_t(y)] = build_cdf(func_.data() + size_t(y) * size_t(width),
                                         cdf_.data() + size_t(y) * size_t(width + 1), width);
  });
  marginal_ = Distribution1D(row_integral_.data(), height);
}

glm::vec2 Distribution2D::sample(const glm::vec2& u, float& pdf) const {
  float pdf_v, pdf_u;
  int row, col;
  float v = marginal_.sample(u.y, pdf_v, row);
  float x = sample_cells(func_.data() + size_t(row) * size_t(width_),
                         cdf_.data() + size_t(row) * size_t(width_ + 1), width_,
                         row_integral_[size_t(row)], u.x, pdf_u, col);
  pdf = pdf_v * pdf_u;
  return {x, v};
}

float Distribution2D::pdf(const glm::vec2& uv) const {
  int row = std::clamp(int(uv.y * float(height_)), 0, height_ - 1);
  int col = std::clamp(int(uv.x * float(width_)), 0, width_ - 1);
  return marginal_.pdf(row) * cell_pdf(func_.data() + size_t(row) * size_t(width_),
                                       row_integral_[size_t(row)], col);
}

}  // namespace limner
