#include "renderer/lights/envmap.h"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>

#include "renderer/lights/light.h"
#include "renderer/spectral/color.h"

namespace limner {

namespace {

constexpr float kPiE = 3.14159265358979323846f;
constexpr int kBasisCount = int(kLambdaMax - kLambdaMin) + 1;  // 1 nm steps

float smoothstep_band(float lambda, float edge, float width) {
  return 1.0f / (1.0f + std::exp(-(lambda - edge) / width));
}

// The sampling function (texel luminance times sin theta at the row's centre: the solid angle
// of the row's texels) and the map's mean weights over the sphere. Rows run in parallel; the
// mean is summed per row, then over rows in order, so the result is thread-count independent.
glm::dvec3 importance(const EnvMapData& d, std::vector<float>& func) {
  const int w = d.width, h = d.height;
  func.assign(size_t(w) * size_t(h), 0.0f);
  std::vector<glm::dvec3> row_sum(static_cast<size_t>(h));
  tbb::parallel_for(0, h, [&](int y) {
    float s = std::sin(kPiE * (float(y) + 0.5f) / float(h));
    glm::dvec3 row(0.0);
    for (int x = 0; x < w; ++x) {
      size_t i = size_t(y) * size_t(w) + size_t(x);
      func[i] = std::max(0.0f, glm::dot(d.weights(i), d.basis_y)) * s;
      row += glm::dvec3(d.weights(i));
    }
    row_sum[size_t(y)] = row * double(s);
  });
  glm::dvec3 mean(0.0);
  double wsum = 0.0;
  for (int y = 0; y < h; ++y) {
    mean += row_sum[size_t(y)];
    wsum += std::sin(kPiE * (float(y) + 0.5f) / float(h)) * double(w);
  }
  return mean / std::max(wsum, 1e-30);
}

// weights . basis, clipped at 0, every 5 nm.
Spectrum combine(const std::array<Spectrum, 3>& basis, const glm::dvec3& weights) {
  std::vector<float> lambda, value;
  for (int l = 0; l < kBasisCount; l += 5) {
    float lf = kLambdaMin + float(l);
    lambda.push_back(lf);
    value.push_back(std::max(0.0f, float(weights.x) * basis[0].eval(lf) +
                                       float(weights.y) * basis[1].eval(lf) +
                                       float(weights.z) * basis[2].eval(lf)));
  }
  return Spectrum::piecewise(std::move(lambda), std::move(value));
}

}  // namespace

glm::vec3 envmap_direction(const glm::vec2& uv) {
  float theta = uv.y * kPiE, psi = 2.0f * kPiE * (uv.x - 0.5f);
  float s = std::sin(theta);
  return {s * std::sin(psi), std::cos(theta), -s * std::cos(psi)};
}

glm::vec2 envmap_uv(const glm::vec3& d) {
  float psi = std::atan2(d.x, -d.z);
  float u = 0.5f + psi / (2.0f * kPiE);
  // atan2 rather than acos(y): accurate near the poles, where the pdf divides by sin theta.
  float v = std::atan2(std::sqrt(d.x * d.x + d.z * d.z), d.y) / kPiE;
  return {u - std::floor(u), std::clamp(v, 0.0f, std::nextafter(1.0f, 0.0f))};
}

SampledSpectrum EnvMapData::eval_texel(size_t texel, const SampledWavelengths& wl) const {
  const glm::vec3 c = weights(texel);
  SampledSpectrum out(0.0f);
  for (int i = 0; i < kLambdas; ++i) {
    float f = std::clamp(wl.lambda[i] - kLambdaMin, 0.0f, float(kBasisCount - 1));
    int j = std::min(int(f), kBasisCount - 2);
    float t = f - float(j);
    const float* a = &basis[size_t(j) * 3];
    const float* b = a + 3;
    float v = c.x * (a[0] + t * (b[0] - a[0])) + c.y * (a[1] + t * (b[1] - a[1])) +
              c.z * (a[2] + t * (b[2] - a[2]));
    out.v[i] = std::max(0.0f, v);
  }
  return out;
}

std::shared_ptr<const EnvMapData> make_envmap_data(
    int width, int height, std::shared_ptr<const std::vector<glm::vec3>> texels,
    const glm::mat3& to_weights, const std::array<Spectrum, 3>& basis) {
  auto d = std::make_shared<EnvMapData>();
  d->width = width;
  d->height = height;
  d->texels = std::move(texels);
  d->to_weights = to_weights;
  d->basis.resize(size_t(kBasisCount) * 3);
  for (int l = 0; l < kBasisCount; ++l)
    for (int k = 0; k < 3; ++k) d->basis[size_t(l) * 3 + k] = basis[k].eval(kLambdaMin + l);
  for (int k = 0; k < 3; ++k) d->basis_y[k] = spectrum_luminance(basis[k]);
  std::vector<float> func;
  glm::dvec3 mean = importance(*d, func);
  d->dist = Distribution2D(std::move(func), width, height);
  d->mean_y = float(glm::dot(mean, glm::dvec3(d->basis_y)));
  d->mean_spectrum = combine(basis, mean);
  return d;
}

std::array<Spectrum, 3> rgb_basis_spectra() {
  Spectrum d65 = Spectrum::named_illuminant("D65");
  float y = spectrum_luminance(d65);
  std::array<std::vector<float>, 3> v;
  std::vector<float> lambda;
  for (int l = int(kLambdaMin); l <= int(kLambdaMax); ++l) {
    float lf = float(l), w = d65.eval(lf) / y;
    float blue = 1.0f - smoothstep_band(lf, 490.0f, 8.0f);
    float red = smoothstep_band(lf, 585.0f, 8.0f);
    lambda.push_back(lf);
    v[0].push_back(w * red);
    v[1].push_back(w * (1.0f - red - blue));
    v[2].push_back(w * blue);
  }
  return {Spectrum::piecewise(lambda, v[0]), Spectrum::piecewise(lambda, v[1]),
          Spectrum::piecewise(lambda, v[2])};
}

glm::mat3 rgb_to_basis_weights() {
  static const glm::mat3 m = [] {
    std::array<Spectrum, 3> b = rgb_basis_spectra();
    glm::mat3 basis_to_rgb;
    for (int k = 0; k < 3; ++k) basis_to_rgb[k] = xyz_to_linear_srgb() * spectrum_to_xyz(b[k]);
    return glm::inverse(basis_to_rgb);
  }();
  return m;
}

std::shared_ptr<const EnvMapData> envmap_from_rgb(std::shared_ptr<const EnvImage> img) {
  int w = img->width, h = img->height;
  // Aliasing: the texels point into the image, which the map keeps alive.
  std::shared_ptr<const std::vector<glm::vec3>> texels(img, &img->rgb);
  return make_envmap_data(w, h, std::move(texels), rgb_to_basis_weights(), rgb_basis_spectra());
}

// ---- The light (declared in light.h) ----

namespace {

glm::vec3 to_map(const EnvMapLight& e, const glm::vec3& w) {
  return {w.x * e.cos_rot - w.z * e.sin_rot, w.y, w.x * e.sin_rot + w.z * e.cos_rot};
}

glm::vec3 to_world(const EnvMapLight& e, const glm::vec3& m) {
  return {m.x * e.cos_rot + m.z * e.sin_rot, m.y, -m.x * e.sin_rot + m.z * e.cos_rot};
}

size_t texel_of(const EnvMapData& d, const glm::vec2& uv) {
  int x = std::min(int(uv.x * float(d.width)), d.width - 1);
  int y = std::min(int(uv.y * float(d.height)), d.height - 1);
  return size_t(y) * size_t(d.width) + size_t(x);
}

}  // namespace

LightSample envmap_light_sample(const EnvMapLight& e, const glm::vec2& u,
                                const SampledWavelengths& wl) {
  LightSample ls;
  float pdf_uv;
  glm::vec2 uv = e.data->dist.sample(u, pdf_uv);
  float sin_t = std::sin(uv.y * kPiE);
  if (pdf_uv <= 0.0f || sin_t <= 0.0f) return ls;
  ls.wi = to_world(e, envmap_direction(uv));
  ls.pdf = pdf_uv / (2.0f * kPiE * kPiE * sin_t);
  ls.L = e.data->eval_texel(texel_of(*e.data, uv), wl) * e.emission.factor;
  return ls;
}

float envmap_light_pdf(const EnvMapLight& e, const glm::vec3& wi) {
  glm::vec3 m = to_map(e, wi);
  glm::vec2 uv = envmap_uv(m);
  float sin_t = std::sqrt(m.x * m.x + m.z * m.z);
  if (sin_t <= 0.0f) return 0.0f;
  return e.data->dist.pdf(uv) / (2.0f * kPiE * kPiE * sin_t);
}

SampledSpectrum envmap_light_radiance(const EnvMapLight& e, const glm::vec3& wi,
                                      const SampledWavelengths& wl) {
  glm::vec2 uv = envmap_uv(to_map(e, wi));
  return e.data->eval_texel(texel_of(*e.data, uv), wl) * e.emission.factor;
}

}  // namespace limner
