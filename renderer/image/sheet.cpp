#include "renderer/image/sheet.h"

#include <OpenImageIO/imagebuf.h>
#include <OpenImageIO/imagebufalgo.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <stdexcept>

namespace limner {

namespace {

constexpr int kMaxRowHeaderPx = 260;

int line_count(const std::vector<std::string>& labels) {
  int lines = 0;
  for (const std::string& s : labels)
    lines = std::max(lines, 1 + int(std::count(s.begin(), s.end(), '\n')));
  return lines;
}

int strip_height(const std::vector<std::string>& labels) {
  int lines = line_count(labels);
  return lines ? lines * kSheetLineHeight + kSheetPadding / 2 : 0;
}

int row_header_width(const std::vector<std::string>& headers, const std::string& font) {
  int widest = 0;
  for (const std::string& s : headers) {
    OIIO::ROI r = OIIO::ImageBufAlgo::text_size(s, kSheetFontPx, font);
    if (!r.defined()) throw std::runtime_error(font + ": cannot measure text with this font");
    widest = std::max(widest, r.width());
  }
  return headers.empty() ? 0 : std::min(widest, kMaxRowHeaderPx) + kSheetPadding;
}

void check_spec(const SheetSpec& s) {
  if (s.panels.empty() || s.columns < 1) throw std::invalid_argument("sheet: no panels");
  const int rows = (int(s.panels.size()) + s.columns - 1) / s.columns;
  for (const Image& p : s.panels)
    if (p.width != s.panels[0].width || p.height != s.panels[0].height || p.channels != 3)
      throw std::invalid_argument("sheet: panels differ in size or are not RGB");
  if (!s.captions.empty() && s.captions.size() != s.panels.size())
    throw std::invalid_argument("sheet: one caption per panel");
  if (!s.column_headers.empty() && int(s.column_headers.size()) != s.columns)
    throw std::invalid_argument("sheet: one header per column");
  if (!s.row_headers.empty() && int(s.row_headers.size()) != rows)
    throw std::invalid_argument("sheet: one header per row");
}

// Draws (possibly multi-line) text with its first baseline one line below `top`, clipped to roi.
void draw_text(OIIO::ImageBuf& buf, int x, int top, const std::string& text,
               const std::string& font, OIIO::ROI clip) {
  if (text.empty()) return;
  const float colour[3] = {kSheetText, kSheetText, kSheetText};
  int baseline = top + kSheetLineHeight - 5;
  if (!OIIO::ImageBufAlgo::render_text(buf, x, baseline, text, kSheetFontPx, font, colour,
                                       OIIO::ImageBufAlgo::TextAlignX::Left,
                                       OIIO::ImageBufAlgo::TextAlignY::Baseline, 0, clip))
    throw std::runtime_error("cannot draw text with font " + font + ": " + buf.geterror());
}

void paste(Image& dst, const Image& src, int x0, int y0) {
  for (int y = 0; y < src.height; ++y)
    std::copy_n(&src.data[size_t(y) * src.width * 3], size_t(src.width) * 3,
                &dst.data[(size_t(y0 + y) * dst.width + x0) * 3]);
}

}  // namespace

std::string sheet_font() {
  const char* env = std::getenv("LIMNER_FONT");
  std::string font = env && *env ? env : kDefaultSheetFont;
  if (access(font.c_str(), R_OK) != 0)
    throw std::runtime_error(font +
                             ": font for sheet labels not found (install Debian's "
                             "fonts-dejavu-core, or set LIMNER_FONT to a .ttf file)");
  return font;
}

Image compose_sheet(const SheetSpec& s, const std::string& font) {
  check_spec(s);
  const int pw = s.panels[0].width, ph = s.panels[0].height, pad = kSheetPadding;
  const int rows = (int(s.panels.size()) + s.columns - 1) / s.columns;
  const int row_w = row_header_width(s.row_headers, font);
  const int head_h = strip_height(s.column_headers), cap_h = strip_height(s.captions);
  Image out;
  out.width = row_w + s.columns * pw + (s.columns + 1) * pad;
  out.height = head_h + rows * (ph + cap_h) + (rows + 1) * pad;
  out.data.assign(size_t(out.width) * out.height * 3, kSheetBackground);
  auto cell_x = [&](int c) { return row_w + pad + c * (pw + pad); };
  auto cell_y = [&](int r) { return head_h + pad + r * (ph + cap_h + pad); };
  for (size_t i = 0; i < s.panels.size(); ++i)
    paste(out, s.panels[i], cell_x(int(i) % s.columns), cell_y(int(i) / s.columns));
  OIIO::ImageBuf buf(OIIO::ImageSpec(out.width, out.height, 3, OIIO::TypeDesc::FLOAT),
                     out.data.data());
  for (size_t i = 0; i < s.captions.size(); ++i) {
    int x = cell_x(int(i) % s.columns), y = cell_y(int(i) / s.columns) + ph;
    draw_text(buf, x, y, s.captions[i], font, OIIO::ROI(x, x + pw, y, y + cap_h));
  }
  for (size_t c = 0; c < s.column_headers.size(); ++c) {
    int x = cell_x(int(c));
    draw_text(buf, x, 0, s.column_headers[c], font, OIIO::ROI(x, x + pw, 0, head_h + pad));
  }
  for (size_t r = 0; r < s.row_headers.size(); ++r) {
    int y = cell_y(int(r)) + ph / 2 - kSheetLineHeight / 2;
    draw_text(buf, pad, y, s.row_headers[r], font,
              OIIO::ROI(0, row_w, cell_y(int(r)), cell_y(int(r)) + ph));
  }
  return out;
}

}  // namespace limner
