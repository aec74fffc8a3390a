// The paint material: validation, named finishes, per-hit thickness (pooling, edges) and the
// PaintBsdf that material_bsdf resolves.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "tests/paint/paint_bsdf_test_util.h"

namespace limner {
namespace {

using test::km_layer_of;

Material white() { return make_diffuse(Spectrum::constant(0.9f)); }

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "";
}

ShadingContext context(float cavity, float convexity) {
  ShadingContext c;
  c.cavity = cavity;
  c.convexity = convexity;
  return c;
}

TEST(PaintStack, ThicknessWithoutMasksIsNominal) {
  PaintLayer l = km_layer_of(1, 1, 30);
  EXPECT_FLOAT_EQ(layer_thickness_um(l, context(0.0f, 0.5f)), 30.0f);
  EXPECT_FLOAT_EQ(layer_thickness_um(l, context(1.0f, 1.0f)), 30.0f);
}

TEST(PaintStack, PoolingThickensRecessesAndThinsOpenSurfaces) {
  PaintLayer l = km_layer_of(1, 1, 10);
  l.pooling = 0.8f;
  // t (1 - p + 2.5 p cavity)
  EXPECT_NEAR(layer_thickness_um(l, context(0.0f, 0.5f)), 10.0f * 0.2f, 1e-5);
  EXPECT_NEAR(layer_thickness_um(l, context(1.0f, 0.5f)), 10.0f * (0.2f + 2.0f), 1e-5);
  EXPECT_NEAR(layer_thickness_um(l, context(0.4f, 0.5f)), 10.0f * (0.2f + 0.8f), 1e-5);
  l.pooling = 1.0f;  // a pure wash leaves nothing on open surfaces
  EXPECT_FLOAT_EQ(layer_thickness_um(l, context(0.0f, 0.5f)), 0.0f);
}

TEST(PaintStack, EdgeLayersFollowConvexity) {
  PaintLayer l = km_layer_of(1, 1, 8);
  l.edge = 1.0f;
  EXPECT_FLOAT_EQ(layer_thickness_um(l, context(0.0f, 0.5f)), 0.0f);      // flat: none
  EXPECT_FLOAT_EQ(layer_thickness_um(l, context(0.0f, 0.55f)), 0.0f);     // smoothstep start
  EXPECT_NEAR(layer_thickness_um(l, context(0.0f, 0.675f)), 4.0f, 1e-5);  // midpoint: 1/2
  EXPECT_FLOAT_EQ(layer_thickness_um(l, context(0.0f, 0.9f)), 8.0f);      // sharp edge: all
  l.edge = 0.25f;                                                         // (1 - e) + e smoothstep
  EXPECT_NEAR(layer_thickness_um(l, context(0.0f, 0.5f)), 6.0f, 1e-5);
  // smoothstep(0.55, 0.8, 0.6) = 3 (0.2)^2 - 2 (0.2)^3 = 0.104
  EXPECT_NEAR(layer_thickness_um(l, context(0.0f, 0.6f)), 8.0f * (0.75f + 0.25f * 0.104f), 1e-4);
}

TEST(PaintStack, PoolingAndEdgeCombine) {
  PaintLayer l = km_layer_of(1, 1, 10);
  l.pooling = 0.5f;
  l.edge = 0.5f;
  EXPECT_NEAR(layer_thickness_um(l, context(1.0f, 0.5f)), 10.0f * 1.75f * 0.5f, 1e-5);
}

TEST(PaintStack, NamedFinishes) {
  EXPECT_TRUE(paint_finish_preset("none").none);
  PaintFinish matte = paint_finish_preset("matte"), satin = paint_finish_preset("satin"),
              gloss = paint_finish_preset("gloss");
  EXPECT_FALSE(matte.none);
  EXPECT_FLOAT_EQ(matte.roughness, 0.6f);
  EXPECT_FLOAT_EQ(satin.roughness, 0.25f);
  EXPECT_FLOAT_EQ(gloss.roughness, 0.03f);
  EXPECT_FLOAT_EQ(satin.ior, 1.5f);
  EXPECT_TRUE(is_paint_finish_preset("gloss"));
  EXPECT_FALSE(is_paint_finish_preset("shiny"));
  std::string e = error_of([] { paint_finish_preset("shiny"); });
  EXPECT_NE(e.find("shiny"), std::string::npos) << e;
  EXPECT_NE(e.find("matte"), std::string::npos) << e;
}

TEST(PaintStack, RejectsBadStacks) {
  PaintFinish satin = paint_finish_preset("satin");
  std::vector<PaintLayer> nine(9, km_layer_of(1, 1, 5));
  EXPECT_NE(error_of([&] { make_paint(nine, white(), satin); }).find("at most 8"),
            std::string::npos);
  PaintLayer bad = km_layer_of(1, 1, -2);
  std::string e = error_of([&] { make_paint({km_layer_of(1, 1, 5), bad}, white(), satin); });
  EXPECT_NE(e.find("layer 1"), std::string::npos) << e;
  EXPECT_NE(e.find("thickness"), std::string::npos) << e;
  bad.thickness_um = std::numeric_limits<float>::quiet_NaN();
  EXPECT_FALSE(error_of([&] { make_paint({bad}, white(), satin); }).empty());
  bad = km_layer_of(1, 1, 5);
  bad.pooling = 1.5f;
  EXPECT_NE(error_of([&] { make_paint({bad}, white(), satin); }).find("pooling"),
            std::string::npos);
  bad = km_layer_of(-1, 1, 5);
  EXPECT_FALSE(error_of([&] { make_paint({bad}, white(), satin); }).empty());
  PaintFinish f = satin;
  f.ior = 0.8f;
  EXPECT_NE(error_of([&] { make_paint({}, white(), f); }).find("ior"), std::string::npos);
}

TEST(PaintStack, RejectsPaintAsSubstrate) {
  Material inner = make_paint({km_layer_of(1, 1, 5)}, white(), paint_finish_preset("none"));
  std::string e = error_of([&] { make_paint({}, inner, paint_finish_preset("satin")); });
  EXPECT_NE(e.find("substrate"), std::string::npos) << e;
}

TEST(PaintStack, FlakeErrorsNameTheLayer) {
  PaintLayer l = km_layer_of(1, 1, 5);
  l.paint.flakes = FlakeDesc{"unobtainium", 0.5f, 0.3f};
  std::string e = error_of([&] { make_paint({km_layer_of(1, 1, 5), l}, white(), {}); });
  EXPECT_NE(e.find("layer 1"), std::string::npos) << e;
  EXPECT_NE(e.find("unobtainium"), std::string::npos) << e;
  l.paint.flakes = FlakeDesc{"silver", 0.5f, 0.3f};
  std::vector<PaintLayer> four(4, l);
  EXPECT_NE(error_of([&] { make_paint(four, white(), {}); }).find("flakes"), std::string::npos);
  EXPECT_NO_THROW(make_paint({l, l, l}, white(), {}));
}

TEST(PaintStack, MaterialBsdfResolvesThePaint) {
  PaintLayer base = km_layer_of(20, 100, 40), wash = km_layer_of(200, 5, 10);
  wash.pooling = 1.0f;
  Material m = make_paint({base, wash}, make_conductor("gold", 0.2f), paint_finish_preset("satin"),
                          /*reference=*/true);
  const auto& pm = std::get<PaintMaterial>(m);
  EXPECT_EQ(pm.layers.size(), 2u);
  ASSERT_TRUE(pm.substrate);
  EXPECT_TRUE(std::holds_alternative<ConductorMaterial>(*pm.substrate));
  Bsdf b = material_bsdf(m, test::test_wavelengths(), context(1.0f, 0.5f));
  ASSERT_TRUE(std::holds_alternative<PaintBsdf>(b));
  const PaintBsdf& p = std::get<PaintBsdf>(b);
  EXPECT_TRUE(p.reference);
  EXPECT_TRUE(p.has_finish);
  EXPECT_FLOAT_EQ(p.finish.eta, 1.5f);
  EXPECT_FLOAT_EQ(p.finish.alpha, 0.25f);
  ASSERT_EQ(p.slab_count, 2);
  EXPECT_NEAR(p.slabs[0].kd[0], 20.0f * 0.040f, 1e-5);  // K per mm x thickness in mm
  EXPECT_NEAR(p.slabs[0].sd[0], 100.0f * 0.040f, 1e-5);
  EXPECT_NEAR(p.slabs[1].kd[0], 200.0f * 0.025f, 1e-4);  // pooled: 2.5x in a recess
  // The gold is seen from the binder: its index relative to n = 1.5.
  ASSERT_TRUE(std::holds_alternative<ConductorBsdf>(p.substrate));
  Bsdf gold = material_bsdf(*pm.substrate, test::test_wavelengths());
  EXPECT_NEAR(std::get<ConductorBsdf>(p.substrate).k[1], std::get<ConductorBsdf>(gold).k[1] / 1.5f,
              1e-5);
  EXPECT_EQ(p.directional_count, 1);
}

TEST(PaintStack, FinishNoneHasNoInterface) {
  Material m = make_paint({km_layer_of(1, 1, 5)}, white(), paint_finish_preset("none"));
  PaintBsdf p = test::paint_bsdf_of(m);
  EXPECT_FALSE(p.has_finish);
  PaintFinish index_matched = paint_finish_preset("satin");
  index_matched.ior = 1.0f;  // an interface of index 1 is no interface
  Material matched = make_paint({}, white(), index_matched);
  EXPECT_FALSE(test::paint_bsdf_of(matched).has_finish);
}

TEST(PaintStack, MaterialsWithTheSameFinishShareItsTables) {
  Material a = make_paint({km_layer_of(1, 1, 5)}, white(), paint_finish_preset("matte"));
  Material b = make_paint({km_layer_of(9, 2, 5)}, white(), paint_finish_preset("matte"));
  EXPECT_EQ(test::paint_bsdf_of(a).finish_table, test::paint_bsdf_of(b).finish_table);
  Material c = make_paint({km_layer_of(9, 2, 5)}, white(), paint_finish_preset("gloss"));
  EXPECT_NE(test::paint_bsdf_of(a).finish_table, test::paint_bsdf_of(c).finish_table);
}

}  // namespace
}  // namespace limner
