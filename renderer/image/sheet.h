// Labelled contact sheets: equally sized display-encoded panels in a grid, each with a caption
// strip under it, optional column headers above and row headers at the left. The labels are real
// text, drawn by OpenImageIO with a TrueType font (DejaVu Sans from Debian's fonts-dejavu-core).
//
// Layout (all in pixels; kSheet* below):
//   width  = row_header_width + columns * panel_width + (columns + 1) * kSheetPadding
//   height = header_height + rows * (panel_height + caption_height) + (rows + 1) * kSheetPadding
// where caption_height = caption_lines * kSheetLineHeight + kSheetPadding / 2 (0 without
// captions), header_height likewise for the column headers, and row_header_width is the widest
// row header's text plus kSheetPadding (0 without row headers). Captions wider than a panel
// (headers: a panel plus padding) are first broken after a hyphen or at a space, which adds
// lines; a line that still does not fit is clipped to its strip.
#pragma once
#include <string>
#include <vector>

#include "renderer/film.h"

namespace limner {

constexpr int kSheetPadding = 8;
constexpr int kSheetFontPx = 14;
constexpr int kSheetLineHeight = 18;
constexpr float kSheetBackground = 0.13f;  // display-encoded grey behind panels and text
constexpr float kSheetText = 0.93f;
constexpr const char* kDefaultSheetFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

struct SheetSpec {
  int columns = 1;
  std::vector<Image> panels;                // row-major; same size; display-encoded RGB in [0,1]
  std::vector<std::string> captions;        // one per panel ('\n' for more lines), or empty
  std::vector<std::string> column_headers;  // one per column, or empty
  std::vector<std::string> row_headers;     // one per row, or empty
};

// The font the sheets use: $LIMNER_FONT when set, else kDefaultSheetFont. Throws
// std::runtime_error naming the file and the Debian package when it is not readable.
std::string sheet_font();

// Composes the sheet. Throws std::invalid_argument for inconsistent input (no panels, panels of
// different sizes, label counts that do not match) and std::runtime_error when text cannot be
// drawn.
Image compose_sheet(const SheetSpec& spec, const std::string& font_path);

}  // namespace limner
