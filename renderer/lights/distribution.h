// Piecewise-constant distributions for importance sampling tabulated functions (environment
// maps): 1D by inverting the CDF, 2D as a marginal over rows and a conditional per row.
#pragma once
#include <glm/glm.hpp>
#include <vector>

namespace limner {

class Distribution1D {
 public:
  Distribution1D() = default;
  // func must be non-negative; an all-zero function is sampled uniformly.
  Distribution1D(const float* func, int n);
  // Continuous sample in [0, 1); pdf is the density there (integrates to 1 over [0, 1)).
  float sample(float u, float& pdf, int& index) const;
  float pdf(int index) const;  // density of the cell `index`
  float integral() const { return integral_; }  // mean of func over [0, 1)
  int size() const { return int(func_.size()); }

 private:
  std::vector<float> func_, cdf_;  // cdf_ has size() + 1 entries, cdf_[0] = 0, back = 1
  float integral_ = 0.0f;
};

class Distribution2D {
 public:
  Distribution2D() = default;
  // func is row-major, height rows of width values; rows are v, columns u. The flat form keeps
  // one array for all rows (a 4k map's tables without thousands of small allocations).
  Distribution2D(std::vector<float> func, int width, int height);
  Distribution2D(const float* func, int width, int height)
      : Distribution2D(std::vector<float>(func, func + size_t(width) * size_t(height)), width,
                       height) {}
  // Continuous (u, v) in [0, 1)^2 and its density.
  glm::vec2 sample(const glm::vec2& u, float& pdf) const;
  float pdf(const glm::vec2& uv) const;
  float integral() const { return marginal_.integral(); }

 private:
  int width_ = 0, height_ = 0;
  std::vector<float> func_, cdf_;  // cdf_: height rows of width + 1 entries
  std::vector<float> row_integral_;
  Distribution1D marginal_;
};

}  // namespace limner
