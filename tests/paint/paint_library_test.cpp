// Limner's starter set of named paints: completeness, physical sanity, the colours a painter
// expects from the names, and errors for unknown names.
#include <gtest/gtest.h>

#include <cctype>
#include <cmath>
#include <set>
#include <stdexcept>
#include <string>

#include "materials/material.h"
#include "materials/paint/paint.h"
#include "materials/paint/paint_library.h"
#include "materials/paint/paint_mix.h"
#include "materials/paint/pigments.h"

namespace limner {
namespace {

std::string lower(std::string s) {
  for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

glm::vec3 masstone_lab(const std::string& paint) {
  return reflectance_lab(masstone_reflectance(named_paint(paint)));
}

double masstone_y(const std::string& paint) {
  return luminance_d65(masstone_reflectance(named_paint(paint)));
}

TEST(StarterSet, HasAtLeastFortyUniqueLowerCasePaints) {
  const std::vector<std::string> names = named_paints();
  EXPECT_GE(names.size(), 40u);
  std::set<std::string> unique(names.begin(), names.end());
  EXPECT_EQ(unique.size(), names.size());
  for (const std::string& n : names) {
    EXPECT_EQ(n, lower(n));
    EXPECT_TRUE(is_named_paint(n)) << n;
  }
}

TEST(StarterSet, CoversWhatAMiniaturePainterExpects) {
  for (const char* n :
       {"titanium white", "warm grey", "black", "white primer", "grey primer", "black primer",
        "flesh base", "flesh highlight", "flesh shade", "blood red", "deep red", "orange",
        "sun yellow", "ochre", "leather brown", "chocolate brown", "bone", "khaki",
        "olive green", "forest green", "emerald green", "sky blue", "royal blue", "navy blue",
        "purple", "sepia wash", "black wash", "flesh wash", "green wash", "blue glaze",
        "red glaze", "yellow glaze", "red ink", "blue ink", "green ink", "silver metallic",
        "gold metallic", "bronze metallic", "gunmetal metallic", "matte varnish",
        "satin varnish", "gloss varnish"})
    EXPECT_TRUE(is_named_paint(n)) << n;
}

TEST(StarterSet, EveryPaintIsFiniteAndNonNegativeOverTheRenderRange) {
  for (const std::string& n : named_paints()) {
    const PaintCoefficients p = named_paint(n);
    for (float nm = 360.0f; nm <= 830.0f; nm += 1.0f) {
      const float k = p.k_per_mm.eval(nm), s = p.s_per_mm.eval(nm);
      ASSERT_TRUE(std::isfinite(k) && k >= 0.0f) << n << " K at " << nm;
      ASSERT_TRUE(std::isfinite(s) && s >= 0.0f) << n << " S at " << nm;
    }
  }
}

TEST(StarterSet, RecipesUseKnownPigmentsAndSensiblePvc) {
  for (int i = 0; i < kPaintRecipeCount; ++i) {
    const PaintRecipe& r = kPaintRecipes[i];
    EXPECT_GE(r.pvc, 0.0f) << r.name;
    EXPECT_LE(r.pvc, 0.6f) << r.name;
    EXPECT_GT(std::string(r.use).size(), 5u) << r.name;
    for (const PigmentPart& part : r.parts) {
      if (!part.pigment) continue;
      EXPECT_TRUE(is_known_pigment(part.pigment)) << r.name << ": " << part.pigment;
    }
  }
}

TEST(StarterSet, NamesMatchColours) {
  const glm::vec3 blood = masstone_lab("blood red");
  EXPECT_GT(blood.y, 20.0f);
  EXPECT_GT(blood.y, std::abs(blood.z));  // red, not orange
  EXPECT_GT(masstone_lab("sun yellow").z, 60.0f);
  EXPECT_LT(masstone_lab("emerald green").y, -20.0f);
  EXPECT_LT(masstone_lab("royal blue").z, -30.0f);
  const glm::vec3 flesh = masstone_lab("flesh base");
  EXPECT_GT(flesh.y, 5.0f);  // warm and light
  EXPECT_GT(flesh.z, 10.0f);
  EXPECT_GT(flesh.x, 60.0f);
  // Skin tones step down in lightness from highlight to shade.
  EXPECT_GT(masstone_y("flesh highlight"), masstone_y("flesh base"));
  EXPECT_GT(masstone_y("flesh base"), masstone_y("flesh shade"));
  EXPECT_GT(masstone_y("flesh shade"), masstone_y("dark flesh"));
  // Greys are neutral and ordered.
  EXPECT_GT(masstone_y("light grey"), masstone_y("mid grey"));
  EXPECT_GT(masstone_y("mid grey"), masstone_y("dark grey"));
  EXPECT_LT(std::abs(masstone_lab("mid grey").y), 3.0f);
}

TEST(StarterSet, PrimersOrderedWhiteGreyBlack) {
  const double white = masstone_y("white primer"), grey = masstone_y("grey primer");
  const double black = masstone_y("black primer");
  EXPECT_GT(white, 0.85);
  EXPECT_GT(white, grey + 0.2);
  EXPECT_GT(grey, black + 0.2);
  EXPECT_LT(black, 0.06);
  // Primers hide in a thin sprayed coat (20 um).
  for (const char* p : {"white primer", "grey primer", "black primer"})
    EXPECT_GT(contrast_ratio(named_paint(p), 20.0), 0.95) << p;
}

TEST(StarterSet, WashesGlazesAndInksAreTransparentInThinLayers) {
  int checked = 0;
  for (int i = 0; i < kPaintRecipeCount; ++i) {
    const std::string group = kPaintRecipes[i].group;
    if (group != "washes" && group != "glazes" && group != "inks") continue;
    const std::string name = kPaintRecipes[i].name;
    EXPECT_LT(contrast_ratio(named_paint(name), 5.0), 0.6) << name;
    ++checked;
  }
  EXPECT_GE(checked, 12);
  EXPECT_GT(contrast_ratio(named_paint("flesh base"), 30.0), 0.9);  // an opaque paint hides
}

TEST(StarterSet, MetallicsCarryFlakesOfKnownMetals) {
  int metallics = 0;
  for (const std::string& n : named_paints()) {
    const PaintCoefficients p = named_paint(n);
    const bool metallic = n.find("metallic") != std::string::npos;
    EXPECT_EQ(p.flakes.coverage > 0.0f, metallic) << n;
    if (!metallic) continue;
    ++metallics;
    EXPECT_TRUE(is_known_metal(p.flakes.metal)) << n << ": " << p.flakes.metal;
    EXPECT_GE(p.flakes.coverage, 0.5f) << n;
    EXPECT_LE(p.flakes.coverage, 0.8f) << n;
    EXPECT_GT(p.flakes.roughness, 0.0f) << n;
  }
  EXPECT_GE(metallics, 4);
  EXPECT_EQ(named_paint("gold metallic").flakes.metal, "brass");
}

TEST(StarterSet, VarnishesAreNearlyClear) {
  const PaintCoefficients gloss = named_paint("gloss varnish");
  const PaintCoefficients matte = named_paint("matte varnish");
  for (float nm = 360.0f; nm <= 830.0f; nm += 10.0f) {
    EXPECT_EQ(gloss.k_per_mm.eval(nm), 0.0f);
    EXPECT_EQ(gloss.s_per_mm.eval(nm), 0.0f);
    EXPECT_EQ(matte.k_per_mm.eval(nm), 0.0f);
    EXPECT_LT(matte.s_per_mm.eval(nm), 2.0f);  // a faint haze from the matting agent
  }
  EXPECT_GT(matte.s_per_mm.eval(550.0f), named_paint("satin varnish").s_per_mm.eval(550.0f));
}

TEST(StarterSet, NameLookupIsForgivingAndErrorsSuggest) {
  EXPECT_TRUE(is_named_paint("Blood  Red"));
  EXPECT_FALSE(is_named_paint("blod red"));
  try {
    named_paint("blod red");
    ADD_FAILURE() << "no exception";
  } catch (const std::invalid_argument& e) {
    const std::string msg = e.what();
    EXPECT_NE(msg.find("'blod red'"), std::string::npos) << msg;
    EXPECT_NE(msg.find("blood red"), std::string::npos) << msg;  // the suggestion
  }
  try {
    named_paint("plasma");
    ADD_FAILURE() << "no exception";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("'plasma'"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace limner
