// Textured paint parameters: a flat texture must give exactly the paint of the constant value
// (finish roughness at one of its levels, layer thickness), and a varying one must vary it.
#include <gtest/gtest.h>

#include <cmath>

#include "materials/paint/paint_stack.h"
#include "renderer/image/texture_oiio.h"
#include "texture/texture_util.h"

namespace limner::test {
namespace {

struct PaintFixture {
  std::string dir = texture_temp_dir();
  std::shared_ptr<TextureBackend> tb = make_oiio_texture_backend();
  TextureRef flat(const std::string& name, float value, float scale) {
    write_texture(dir + "/" + name, 4, 4, 1, std::vector<float>(16, value), "float");
    TextureRef r;
    r.id = tb->open(dir + "/" + name).id;
    r.channel = 0;
    r.scale = scale;
    r.linear = true;
    return r;
  }
  ShadingContext ctx() const {
    ShadingContext c;
    c.uv = {0.3f, 0.7f};
    c.has_uv = true;
    c.textures = tb.get();
    return c;
  }
};

Material glaze(float thickness_um, float roughness) {
  std::vector<PaintLayer> layers{PaintLayer{named_paint("royal blue"), thickness_um, 0.0f, 0.0f}};
  return make_paint(layers, make_diffuse(Spectrum::constant(0.8f)),
                    PaintFinish{false, roughness, 1.5f});
}

SampledSpectrum eval_at(const Material& m, const ShadingContext& ctx) {
  SampledWavelengths wl;
  wl.lambda = {450.0f, 520.0f, 600.0f, 680.0f};
  Bsdf b = material_bsdf(m, wl, ctx);
  glm::vec3 wo = glm::normalize(glm::vec3(0.3f, 0.1f, 0.9f));
  glm::vec3 wi = glm::normalize(glm::vec3(-0.35f, 0.0f, 0.94f));  // near the mirror direction
  return bsdf_eval(b, wo, wi);
}

void expect_same(const SampledSpectrum& a, const SampledSpectrum& b) {
  for (int i = 0; i < kLambdas; ++i) EXPECT_NEAR(a[i], b[i], 1e-5f * (1.0f + b[i])) << i;
}

// scale 0.6 over 16 levels: 0.04 per level; texel 1/3 -> alpha 0.2, level 5 exactly. (One test:
// the 16 levels' tables are shared while the materials live, and take a while to build.)
TEST(TexturedPaint, FlatRoughnessTextureEqualsConstantRoughnessAndVaries) {
  PaintFixture f;
  Material textured = glaze(12.0f, 0.3f), smooth = glaze(12.0f, 0.3f), rough = glaze(12.0f, 0.3f);
  set_finish_roughness_texture(std::get<PaintMaterial>(textured), f.flat("r.exr", 1.0f / 3, 0.6f));
  expect_same(eval_at(textured, f.ctx()), eval_at(glaze(12.0f, 0.2f), f.ctx()));
  set_finish_roughness_texture(std::get<PaintMaterial>(smooth), f.flat("a.exr", 0.1f, 0.6f));
  set_finish_roughness_texture(std::get<PaintMaterial>(rough), f.flat("b.exr", 0.9f, 0.6f));
  EXPECT_GT(eval_at(smooth, f.ctx())[1], 1.5f * eval_at(rough, f.ctx())[1]);
}

TEST(TexturedPaint, FlatThicknessTextureEqualsConstantThickness) {
  PaintFixture f;
  Material textured = glaze(99.0f, 0.3f);
  std::get<PaintMaterial>(textured).layers[0].thickness_tex = f.flat("t.exr", 0.25f, 40.0f);
  expect_same(eval_at(textured, f.ctx()), eval_at(glaze(10.0f, 0.3f), f.ctx()));
}

}  // namespace
}  // namespace limner::test
