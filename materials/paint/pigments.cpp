#include "materials/paint/pigments.h"

#include <cctype>

#include "materials/paint/paint.h"

namespace limner {
namespace {

// Colour Index names are written "PB15:4", "PB 15:4" or "pb15:4"; compare a canonical form.
std::string canonical(const std::string& name) {
  std::string out;
  for (char c : name) {
    if (!std::isspace(static_cast<unsigned char>(c)))
      out += char(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

}  // namespace

const PigmentData* find_pigment(const std::string& ci_name) {
  const std::string key = canonical(ci_name);
  for (int i = 0; i < kPigmentTableCount; ++i) {
    if (canonical(kPigmentTable[i].ci_name) == key) return &kPigmentTable[i];
  }
  return nullptr;
}

std::vector<float> pigment_lambdas() {
  std::vector<float> out(kPigmentSamples);
  for (int i = 0; i < kPigmentSamples; ++i) out[size_t(i)] = pigment_lambda(i);
  return out;
}

std::string joined_pigment_names() {
  std::string out;
  for (const std::string& n : pigment_names()) out += (out.empty() ? "" : ", ") + n;
  return out;
}

bool is_known_pigment(const std::string& ci_name) { return find_pigment(ci_name) != nullptr; }

std::vector<std::string> pigment_names() {
  std::vector<std::string> out;
  for (int i = 0; i < kPigmentTableCount; ++i) out.emplace_back(kPigmentTable[i].ci_name);
  return out;
}

}  // namespace limner
