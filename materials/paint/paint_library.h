// Limner's starter set: named paints a miniature painter expects, each a pigment recipe from
// the pigment library. The table is in paint_library.cpp (one row per paint; add a row to add
// a paint); materials/paint/README.md lists every paint and what it is for.
#pragma once
#include <string>

namespace limner {

constexpr int kMaxRecipeParts = 4;

struct PigmentPart {
  const char* pigment = nullptr;  // Colour Index name; null ends the list
  float parts = 0.0f;             // parts by volume
};

struct FlakeRecipe {
  const char* metal = nullptr;  // a metal of materials/material.h; null: no flakes
  float coverage = 0.0f;
  float roughness = 0.3f;
};

struct PaintRecipe {
  const char* name;   // generic, lower case: "flesh base"
  const char* group;  // "whites, greys and blacks", "skin", ...
  PigmentPart parts[kMaxRecipeParts];
  float pvc;          // pigment volume concentration; 0: clear binder (varnish, metallic medium)
  FlakeRecipe flakes;
  const char* use;    // what it is for
};

extern const PaintRecipe kPaintRecipes[];
extern const int kPaintRecipeCount;

// The recipe of a named paint (case and repeated spaces ignored); null when unknown.
const PaintRecipe* find_paint_recipe(const std::string& name);

}  // namespace limner
