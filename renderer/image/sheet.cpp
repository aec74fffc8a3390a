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

int text_width(const std::string& text, const std::string& font) {
  OIIO::ROI r = OIIO::ImageBufAlgo::text_size(text, kSheetFontPx, font);
  if (!r.defined()) throw std::runtime_error(font + ": cannot measure text with this font");
  return r.width();
}

int row_header_width(const std::vector<std::string>& headers, const std::string& font) {
  int widest = 0;
  for (const std::string& s : headers) widest = std::max(widest, text_width(s, font));
  return headers.empty() ? 0 : std::min(widest, kMaxRowHeaderPx) + kSheetPadding;
}

// Breaks lines wider than `width` after a hyphen or at a space ("fluorescent-" / "cool-white"),
// so long light names stay readable in a narrow column; a line with no break point is clipped.
std::string wrap_label(const std::string& text, int width, const std::string& font) {
  std::string out, rest = text;
  while (!rest.empty()) {
    size_t nl = rest.find('\n');
    std::string line = rest.substr(0, nl);
    rest = nl == std::string::npos ? "" : rest.substr(nl + 1);
    while (text_width(line, font) > width) {
      size_t cut = std::string::npos;
      for (size_t i = 1; i + 1 < line.size(); ++i)
        if ((line[i] == '-' || line[i] == ' ') && text_width(line.substr(0, i + 1), font) <= width)
          cut = i;
      if (cut == std::string::npos) break;
      out += line.substr(0, cut + (line[cut] == '-' ? 1 : 0)) + "\n";
      line = line.substr(cut + 1);
    }
    out += line + (rest.empty() ? "" : "\n");
  }
  return out;
}

std::vector<std::string> wrap_all(std::vector<std::string> labels, int width,
                                  const std::string& font) {
  for (std::string& s : labels) s = wrap_label(s, width, font);
  return labels;
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

// Draws text (lines split at '\n') into the w x h strip at (x0, y0) of `out`, clipped to the
// strip: each line is rendered into a strip-sized buffer, so nothing spills into a neighbour.
void draw_text(Image& out, int x0, int y0, int w, int h, const std::string& text,
               const std::string& font) {
  if (text.empty() || w <= 0 || h <= 0) return;
  std::vector<float> pixels(size_t(w) * h * 3, kSheetBackground);
  OIIO::ImageBuf buf(OIIO::ImageSpec(w, h, 3, OIIO::TypeDesc::FLOAT), pixels.data());
  const float colour[3] = {kSheetText, kSheetText, kSheetText};
  size_t start = 0;
  for (int line = 0; start <= text.size(); ++line) {
    size_t end = std::min(text.find('\n', start), text.size());
    std::string part = text.substr(start, end - start);
    int baseline = (line + 1) * kSheetLineHeight - 5;
    if (!part.empty() &&
        !OIIO::ImageBufAlgo::render_text(buf, 0, baseline, part, kSheetFontPx, font, colour))
      throw std::runtime_error("cannot draw text with font " + font + ": " + buf.geterror());
    start = end + 1;
  }
  for (int y = 0; y < h && y0 + y < out.height; ++y)
    for (int x = 0; x < w && x0 + x < out.width; ++x)
      for (int c = 0; c < 3; ++c)
        out.data[(size_t(y0 + y) * out.width + x0 + x) * 3 + c] =
            pixels[(size_t(y) * w + x) * 3 + c];
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
  const std::vector<std::string> captions = wrap_all(s.captions, pw, font);
  const std::vector<std::string> headers = wrap_all(s.column_headers, pw + pad, font);
  const int rows = (int(s.panels.size()) + s.columns - 1) / s.columns;
  const int row_w = row_header_width(s.row_headers, font);
  const int head_h = strip_height(headers), cap_h = strip_height(captions);
  Image out;
  out.width = row_w + s.columns * pw + (s.columns + 1) * pad;
  out.height = head_h + rows * (ph + cap_h) + (rows + 1) * pad;
  out.data.assign(size_t(out.width) * out.height * 3, kSheetBackground);
  auto cell_x = [&](int c) { return row_w + pad + c * (pw + pad); };
  auto cell_y = [&](int r) { return head_h + pad + r * (ph + cap_h + pad); };
  for (size_t i = 0; i < s.panels.size(); ++i)
    paste(out, s.panels[i], cell_x(int(i) % s.columns), cell_y(int(i) / s.columns));
  for (size_t i = 0; i < captions.size(); ++i)
    draw_text(out, cell_x(int(i) % s.columns), cell_y(int(i) / s.columns) + ph, pw, cap_h,
              captions[i], font);
  for (size_t c = 0; c < headers.size(); ++c)
    draw_text(out, cell_x(int(c)), 0, pw + pad, head_h, headers[c], font);
  for (size_t r = 0; r < s.row_headers.size(); ++r)
    draw_text(out, pad, cell_y(int(r)) + ph / 2 - kSheetLineHeight / 2, row_w - pad,
              kSheetLineHeight, s.row_headers[r], font);
  return out;
}

}  // namespace limner
