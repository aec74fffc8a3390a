#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "renderer/scene_parse.h"

namespace limner {

namespace {

std::vector<std::string> split_csv_line(const std::string& line) {
  std::vector<std::string> cells;
  std::stringstream ss(line);
  std::string cell;
  while (std::getline(ss, cell, ',')) {
    while (!cell.empty() && (cell.back() == '\r' || cell.back() == ' ')) cell.pop_back();
    while (!cell.empty() && cell.front() == ' ') cell.erase(cell.begin());
    cells.push_back(cell);
  }
  return cells;
}

bool parse_float(const std::string& s, float& out) {
  if (s.empty()) return false;
  char* end = nullptr;
  out = std::strtof(s.c_str(), &end);
  return end && *end == '\0' && std::isfinite(out);
}

// First column nanometres, `column` the values; rows with an empty cell are skipped.
Spectrum spectrum_from_csv(const std::string& csv_path, const std::string& column,
                           const std::string& file, const std::string& path) {
  std::ifstream in(csv_path);
  if (!in) throw input_error(file, path + ".csv", "cannot read CSV '" + csv_path + "'");
  std::string line;
  if (!std::getline(in, line))  // empty, or a folder (which opens but cannot be read)
    throw input_error(file, path + ".csv", "cannot read CSV '" + csv_path + "' (empty or a folder)");
  auto header = split_csv_line(line);
  size_t col = 0;
  for (size_t i = 1; i < header.size(); ++i) if (header[i] == column) col = i;
  if (col == 0)
    throw input_error(file, path + ".column", "no column '" + column + "' in '" + csv_path + "'");
  std::vector<float> lambda, value;
  int row = 1;
  while (std::getline(in, line)) {
    ++row;
    if (line.empty() || line == "\r") continue;
    auto cells = split_csv_line(line);
    float l, v;
    if (cells.size() <= col || cells[col].empty()) continue;
    if (!parse_float(cells[0], l) || !parse_float(cells[col], v))
      throw input_error(csv_path, "line " + std::to_string(row), "not a number");
    lambda.push_back(l);
    value.push_back(v);
  }
  if (lambda.size() < 2)
    throw input_error(file, path + ".csv", "fewer than 2 samples in column '" + column + "'");
  try {
    return Spectrum::piecewise(lambda, value);
  } catch (const std::invalid_argument& e) {
    throw input_error(csv_path, column, e.what());
  }
}

Spectrum spectrum_from_samples(const Json& v, const std::string& file, const std::string& path) {
  if (!v.is_array() || v.size() < 2)
    throw input_error(file, path, "expected an array of at least 2 [nm, value] pairs");
  std::vector<float> lambda, value;
  for (size_t i = 0; i < v.size(); ++i) {
    std::string p = path + "[" + std::to_string(i) + "]";
    if (!v[i].is_array() || v[i].size() != 2) throw input_error(file, p, "expected [nm, value]");
    lambda.push_back(json_number(v[i][0], file, p + "[0]"));
    value.push_back(json_number(v[i][1], file, p + "[1]"));
  }
  try {
    return Spectrum::piecewise(lambda, value);
  } catch (const std::invalid_argument& e) {
    throw input_error(file, path, e.what());
  }
}

Spectrum spectrum_from_object(const Json& v, const std::string& file, const std::string& path,
                              const std::string& folder) {
  JsonReader r(v, file, path);
  Spectrum s;
  if (r.has("blackbody_k")) {
    float t = r.positive("blackbody_k");
    if (t < 100.0f || t > 1e6f) r.fail("blackbody_k", "temperature must be 100-1000000 K");
    s = Spectrum::blackbody(t);
  } else if (r.has("daylight_k")) {
    float t = r.number("daylight_k");
    try {
      s = Spectrum::daylight(t);
    } catch (const std::invalid_argument& e) {
      r.fail("daylight_k", e.what());
    }
  } else if (r.has("samples")) {
    s = spectrum_from_samples(r.get("samples"), file, r.child_path("samples"));
  } else if (r.has("csv")) {
    std::string csv = resolve_path(folder, r.string("csv"));
    s = spectrum_from_csv(csv, r.string("column"), file, path);
  } else if (r.has("rgb")) {
    glm::vec3 c = r.vec3("rgb");
    for (int i = 0; i < 3; ++i)
      if (c[i] < 0.0f || c[i] > 1.0f) r.fail("rgb", "rgb values must lie in [0, 1]");
    s = Spectrum::rgb_albedo(c.r, c.g, c.b);
  } else {
    r.fail_here("expected one of blackbody_k, daylight_k, samples, csv, rgb");
  }
  r.reject_unknown();
  return s;
}

}  // namespace

Spectrum parse_spectrum(const Json& v, const std::string& file, const std::string& path,
                        const std::string& folder, SpectrumRole role) {
  Spectrum s;
  if (v.is_number()) {
    s = Spectrum::constant(json_number(v, file, path));
  } else if (v.is_string()) {
    std::string name = v.get<std::string>();
    try {
      s = Spectrum::named_illuminant(name);
    } catch (const std::invalid_argument& e) {
      throw input_error(file, path, "unknown illuminant '" + name + "'");
    }
  } else if (v.is_object()) {
    s = spectrum_from_object(v, file, path, folder);
  } else {
    throw input_error(file, path, "expected a spectrum (number, illuminant name or object)");
  }
  if (role == SpectrumRole::Reflectance && (s.min_value() < 0.0f || s.max_value() > 1.0f))
    throw input_error(file, path, "a reflectance must lie in [0, 1]");
  if (role == SpectrumRole::NonNegative && s.min_value() < 0.0f)
    throw input_error(file, path, "must not be negative");
  if (role == SpectrumRole::Emission && (s.min_value() < 0.0f || !(s.max_value() > 0.0f)))
    throw input_error(file, path, "an emission spectrum must be non-negative and not all zero");
  return s;
}

}  // namespace limner
