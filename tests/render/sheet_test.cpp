// Sheet composition: the grid has the documented size, every panel lands in its cell, every
// label strip holds drawn text (and an empty cell holds none); the filmic curve keeps hue.
#include "renderer/image/sheet.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace limner {
namespace {

Image solid(int w, int h, float r, float g, float b) {
  Image img;
  img.width = w;
  img.height = h;
  img.data.resize(size_t(w) * h * 3);
  for (size_t i = 0; i < img.data.size(); i += 3) {
    img.data[i] = r;
    img.data[i + 1] = g;
    img.data[i + 2] = b;
  }
  return img;
}

// Pixels in [x0, x1) x [y0, y1) that are clearly brighter than the background (drawn text).
int bright_pixels(const Image& img, int x0, int y0, int x1, int y1) {
  int n = 0;
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x)
      if (img.data[(size_t(y) * img.width + x) * 3] > 0.5f) ++n;
  return n;
}

TEST(Sheet, GridOfLabelledPanels) {
  const int pw = 40, ph = 30, cols = 3, rows = 2, pad = kSheetPadding;
  SheetSpec s;
  s.columns = cols;
  for (int i = 0; i < 5; ++i) {  // five panels in a 3 x 2 grid: the last cell stays empty
    s.panels.push_back(solid(pw, ph, 0.0f, 0.2f * float(i + 1) / 5.0f, 0.05f));
    s.captions.push_back("p" + std::to_string(i) + "\nRa 9");  // fits: no line is wrapped
  }
  s.column_headers = {"D65", "A", "F11"};
  Image out = compose_sheet(s, sheet_font());
  const int cap_h = 2 * kSheetLineHeight + pad / 2, head_h = kSheetLineHeight + pad / 2;
  EXPECT_EQ(out.width, cols * pw + (cols + 1) * pad);
  EXPECT_EQ(out.height, head_h + rows * (ph + cap_h) + (rows + 1) * pad);
  for (int i = 0; i < 6; ++i) {
    int x = pad + (i % cols) * (pw + pad), y = head_h + pad + (i / cols) * (ph + cap_h + pad);
    const float* centre = &out.data[(size_t(y + ph / 2) * out.width + x + pw / 2) * 3];
    int text = bright_pixels(out, x, y + ph, x + pw, y + ph + cap_h);
    if (i < 5) {
      EXPECT_NEAR(centre[1], 0.2f * float(i + 1) / 5.0f, 1e-6f) << "panel " << i;
      EXPECT_GT(text, 20) << "caption of panel " << i << " has no text";
    } else {
      EXPECT_NEAR(centre[1], kSheetBackground, 1e-6f);
      EXPECT_EQ(text, 0);
    }
  }
  for (int c = 0; c < cols; ++c) {
    int x = pad + c * (pw + pad);
    EXPECT_GT(bright_pixels(out, x, 0, x + pw, head_h), 10) << "header " << c;
  }
}

TEST(Sheet, RowHeadersWidenTheSheet) {
  SheetSpec s;
  s.columns = 2;
  for (int i = 0; i < 4; ++i) s.panels.push_back(solid(10, 10, 0.0f, 0.0f, 0.0f));
  s.row_headers = {"titanium white", "blood red"};
  Image out = compose_sheet(s, sheet_font());
  EXPECT_GT(out.width, 2 * 10 + 3 * kSheetPadding + 60);  // "titanium white" is wider than 60 px
  EXPECT_EQ(out.height, 2 * 10 + 3 * kSheetPadding);
  int row_w = out.width - (2 * 10 + 3 * kSheetPadding);
  for (int r = 0; r < 2; ++r) {
    int y = kSheetPadding + r * (10 + kSheetPadding);
    EXPECT_GT(bright_pixels(out, 0, y - 4, row_w, y + 14), 10) << "row header " << r;
  }
}

TEST(Sheet, WrapsLongLightNamesAfterHyphens) {
  SheetSpec s;
  s.panels = {solid(100, 20, 0, 0, 0)};  // "fluorescent-" fits, the whole name does not
  s.column_headers = {"fluorescent-cool-white"};
  Image out = compose_sheet(s, sheet_font());
  int lines = (out.height - 20 - 2 * kSheetPadding - kSheetPadding / 2) / kSheetLineHeight;
  EXPECT_GE(lines, 2);
  EXPECT_EQ(out.height, lines * kSheetLineHeight + kSheetPadding / 2 + 20 + 2 * kSheetPadding);
}

TEST(Sheet, RejectsInconsistentInput) {
  SheetSpec s;
  EXPECT_THROW(compose_sheet(s, sheet_font()), std::invalid_argument);
  s.panels = {solid(4, 4, 0, 0, 0), solid(5, 4, 0, 0, 0)};
  EXPECT_THROW(compose_sheet(s, sheet_font()), std::invalid_argument);
  s.panels = {solid(4, 4, 0, 0, 0), solid(4, 4, 0, 0, 0)};
  s.captions = {"one"};
  EXPECT_THROW(compose_sheet(s, sheet_font()), std::invalid_argument);
}

// A bright light on skin must not turn it neon: the filmic curve scales all three channels by
// the same factor, so the channel ratios (hue and saturation in linear RGB) survive, while a
// per-channel clip shifts the hue towards yellow.
TEST(Filmic, KeepsHueOfBrightSkin) {
  const glm::vec3 skin(0.62f, 0.38f, 0.27f);
  for (float exposure : {0.25f, 1.0f, 4.0f, 16.0f, 64.0f}) {
    glm::vec3 in = skin * exposure, out = filmic(in);
    EXPECT_LE(std::max({out.r, out.g, out.b}), 1.0f);
    EXPECT_NEAR(out.g / out.r, skin.g / skin.r, 1e-5f) << exposure;
    EXPECT_NEAR(out.b / out.r, skin.b / skin.r, 1e-5f) << exposure;
  }
  glm::vec3 clipped = glm::min(skin * 16.0f, glm::vec3(1.0f));
  EXPECT_GT(std::fabs(clipped.g / clipped.r - skin.g / skin.r), 0.3f);  // the test can fail
  // Brighter light stays brighter (monotonic), approaching but never passing white.
  EXPECT_LT(filmic(skin * 4.0f).r, filmic(skin * 16.0f).r);
}

}  // namespace
}  // namespace limner
