#include "renderer/spectral/rgb_table.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <thread>

#include "renderer/spectral/sigmoid.h"

namespace limner {

namespace {

float smoothstep(float x) { return x * x * (3.0f - 2.0f * x); }

// Coefficients (nm) of the fitted spectrum for rgb; grey comes back flat.
glm::vec3 fit_node(const glm::vec3& rgb) {
  const Spectrum s = Spectrum::rgb_albedo(rgb.r, rgb.g, rgb.b);
  if (const auto* a = std::get_if<RgbAlbedoSpectrum>(&s.variant())) return {a->c0, a->c1, a->c2};
  const double y = std::clamp(double(std::get<ConstantSpectrum>(s.variant()).value), 1e-9,
                              1.0 - 1e-9);
  return {0.0f, 0.0f, float((y - 0.5) / std::sqrt(y * (1.0 - y)))};
}

}  // namespace

RgbSpectrumTable::RgbSpectrumTable(int resolution, int threads) : res_(resolution) {
  auto t0 = std::chrono::steady_clock::now();
  for (int i = 0; i < res_; ++i) z_nodes_.push_back(smoothstep(float(i) / (res_ - 1)));
  coeffs_.resize(size_t(3) * res_ * res_ * res_);
  std::atomic<size_t> next{0};
  const size_t rows = size_t(3) * res_ * res_;  // one (m, y, x) chain of z nodes per task
  const int start = int(std::lower_bound(z_nodes_.begin(), z_nodes_.end(), 0.2f) - z_nodes_.begin());
  auto work = [&] {
    for (size_t row; (row = next.fetch_add(1)) < rows;) {
      const int m = int(row / (size_t(res_) * res_)), yi = int(row / res_ % res_),
                xi = int(row % res_);
      glm::dvec3 t_start(0.0), t(0.0);
      auto fit = [&](int zi, bool warm) {
        const double z = std::max(double(z_nodes_[size_t(zi)]), 1e-4);  // black has no hue
        glm::dvec3 rgb;
        rgb[m] = z;
        rgb[(m + 1) % 3] = z * xi / double(res_ - 1);
        rgb[(m + 2) % 3] = z * yi / double(res_ - 1);
        glm::vec3& out = coeffs_[((size_t(m) * res_ + size_t(zi)) * res_ + size_t(yi)) * res_ +
                                 size_t(xi)];
        if (rgb.x == rgb.y && rgb.y == rgb.z) {
          out = fit_node(glm::vec3(rgb));
          return;
        }
        RgbAlbedoSpectrum a = rgb_albedo_fit_from(rgb, t, warm);
        out = glm::vec3(a.c0, a.c1, a.c2);
      };
      fit(start, false);
      t_start = t;
      for (int zi = start + 1; zi < res_; ++zi) fit(zi, true);
      t = t_start;
      for (int zi = start - 1; zi >= 0; --zi) fit(zi, true);
    }
  };
  std::vector<std::thread> pool;
  for (int i = 1; i < std::max(1, threads); ++i) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  build_seconds_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

RgbAlbedoSpectrum RgbSpectrumTable::lookup(glm::vec3 rgb) const {
  rgb = glm::clamp(rgb, glm::vec3(0.0f), glm::vec3(1.0f));
  if (rgb.r == rgb.g && rgb.g == rgb.b) {
    const glm::vec3 c = fit_node(rgb);  // exactly flat, no table error for grey
    return {c.x, c.y, c.z};
  }
  const int m = rgb.r >= rgb.g ? (rgb.r >= rgb.b ? 0 : 2) : (rgb.g >= rgb.b ? 1 : 2);
  const float z = rgb[m];
  const float x = rgb[(m + 1) % 3] / z * float(res_ - 1);
  const float y = rgb[(m + 2) % 3] / z * float(res_ - 1);
  const int xi = std::min(int(x), res_ - 2), yi = std::min(int(y), res_ - 2);
  const int zi = int(std::upper_bound(z_nodes_.begin(), z_nodes_.end(), z) - z_nodes_.begin()) - 1;
  const int z0 = std::clamp(zi, 0, res_ - 2);
  const float dx = x - float(xi), dy = y - float(yi);
  const float dz = std::clamp((z - z_node(z0)) / (z_node(z0 + 1) - z_node(z0)), 0.0f, 1.0f);
  glm::vec3 c(0.0f);
  for (int k = 0; k < 8; ++k) {
    const int bx = k & 1, by = (k >> 1) & 1, bz = k >> 2;
    const float w = (bx ? dx : 1.0f - dx) * (by ? dy : 1.0f - dy) * (bz ? dz : 1.0f - dz);
    c += w * at(m, z0 + bz, yi + by, xi + bx);
  }
  return {c.x, c.y, c.z};
}

const RgbSpectrumTable& RgbSpectrumTable::shared() {
  static const RgbSpectrumTable table(kDefaultResolution,
                                      int(std::max(1u, std::thread::hardware_concurrency())));
  return table;
}

SampledSpectrum sample_rgb_albedo(const RgbAlbedoSpectrum& s, const SampledWavelengths& wl) {
  SampledSpectrum out;
  for (int i = 0; i < kLambdas; ++i) out[i] = eval_rgb_albedo(s, wl.lambda[i]);
  return out;
}

}  // namespace limner
