#include "materials/paint/paint_library.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <stdexcept>
#include <vector>

#include "materials/paint/paint.h"
#include "materials/paint/paint_mix.h"
#include "renderer/edit_distance.h"

namespace limner {

// The starter set. One row per paint: name, group, pigments (parts by volume, C.I. names),
// pvc, flakes {metal, coverage, roughness}, use. Opaque paints sit at pvc 0.3 (the default of
// an acrylic); primers are more heavily pigmented; washes, glazes and inks are low-pvc films
// of mostly transparent pigments, so a thin layer tints rather than covers; varnishes are
// clear binder (matte and satin carry a silica matting agent). README.md documents every row;
// materials/data/paints_preview.py prints their colours.
const PaintRecipe kPaintRecipes[] = {
    // Whites, greys and blacks.
    {"titanium white", "whites, greys and blacks", {{"PW6", 1}}, 0.3f, {},
     "pure opaque white: final highlights, lightening any mix"},
    {"warm white", "whites, greys and blacks", {{"PW6", 1}, {"PY42", 0.01f}}, 0.3f, {},
     "soft ivory white: cloth, parchment, highlights that should not glare"},
    {"light grey", "whites, greys and blacks", {{"PW6", 1}, {"PBk7", 0.006f}}, 0.3f, {},
     "pale neutral grey: stone and steel highlights"},
    {"mid grey", "whites, greys and blacks", {{"PW6", 1}, {"PBk7", 0.03f}}, 0.3f, {},
     "neutral mid grey: stone, basing rocks"},
    {"dark grey", "whites, greys and blacks", {{"PW6", 1}, {"PBk7", 0.15f}}, 0.3f, {},
     "charcoal grey: black highlights, dark stone"},
    {"warm grey", "whites, greys and blacks",
     {{"PW6", 1}, {"PBk9", 0.08f}, {"PR101", 0.015f}, {"PY42", 0.03f}}, 0.3f, {},
     "brownish grey: weathered wood, fur, cloaks"},
    {"cool grey", "whites, greys and blacks", {{"PW6", 1}, {"PBk7", 0.02f}, {"PB29", 0.06f}},
     0.3f, {}, "bluish grey: armour plates, cold stone"},
    {"black", "whites, greys and blacks", {{"PBk7", 1}}, 0.3f, {},
     "carbon black: deepest shadows, lining, black cloth"},
    {"soft black", "whites, greys and blacks", {{"PBk9", 1}, {"PB29", 0.1f}}, 0.3f, {},
     "bone black, slightly cool and less dense: blacks that take highlights gently"},
    // Primers: sprayed first; more pigment (and, in real primers, filler) for one-coat hiding.
    {"white primer", "primers", {{"PW6", 1}}, 0.45f, {},
     "white undercoat: bright, saturated colours over it"},
    {"grey primer", "primers", {{"PW6", 1}, {"PBk7", 0.03f}}, 0.45f, {},
     "neutral undercoat: shows detail, suits mid-tone schemes"},
    {"black primer", "primers", {{"PBk7", 1}}, 0.45f, {},
     "black undercoat: dark schemes, metallics, fills recesses"},
    // Skin.
    {"flesh base", "skin", {{"PW6", 1}, {"PY42", 0.4f}, {"PR101", 0.08f}, {"PY83", 0.03f}}, 0.3f,
     {},
     "light skin base coat"},
    {"flesh highlight", "skin", {{"PW6", 1}, {"PY42", 0.12f}, {"PR101", 0.02f}, {"PY83", 0.01f}},
     0.3f, {},
     "skin highlights: cheekbones, nose, knuckles"},
    {"flesh shade", "skin", {{"PW6", 1}, {"PR101", 0.5f}, {"PY42", 0.8f}, {"PY83", 0.1f}}, 0.3f,
     {},
     "mid-dark skin shade, or a tanned base"},
    {"dark flesh", "skin", {{"PR101", 1}, {"PY42", 1.3f}, {"PW6", 0.6f}, {"PBk7", 0.02f}},
     0.3f, {}, "deep brown skin base"},
    // Reds, oranges, pinks.
    {"blood red", "reds and oranges", {{"PR254", 1}, {"PR209", 0.3f}}, 0.3f, {},
     "strong red: cloaks, gore, gems"},
    {"scarlet", "reds and oranges", {{"PR108", 1}}, 0.3f, {},
     "bright opaque orange-red: uniforms, highlights of reds"},
    {"deep red", "reds and oranges", {{"PR209", 1}, {"PR254", 0.5f}, {"PBk9", 0.1f}}, 0.3f, {},
     "dark crimson: shading reds, wine, lacquer"},
    {"orange", "reds and oranges", {{"PO73", 1}, {"PY74", 0.3f}}, 0.3f, {},
     "warm orange: flames, fur, warning markings"},
    {"pink", "reds and oranges", {{"PW6", 1}, {"PR122", 0.1f}}, 0.3f, {},
     "pale pink: cloth, daemonic skin, lips in mixes"},
    {"magenta", "reds and oranges", {{"PR122", 1}}, 0.3f, {},
     "quinacridone magenta: purples in mixes, bright pink glazes"},
    // Yellows and light earths.
    {"sun yellow", "yellows and light earths", {{"PY74", 1}, {"PY83", 0.1f}}, 0.3f, {},
     "warm opaque yellow: heraldry, markings"},
    {"lemon yellow", "yellows and light earths", {{"PY184", 1}, {"PY151", 0.3f}}, 0.3f, {},
     "cool bright yellow: highlights of yellows, greens in mixes"},
    {"ochre", "yellows and light earths", {{"PY42", 1}, {"PY83", 0.1f}}, 0.3f, {},
     "yellow ochre: leather, hair, gold basecoat, earth"},
    {"sand", "yellows and light earths", {{"PW6", 1}, {"PY42", 0.25f}, {"PR101", 0.01f}}, 0.3f,
     {}, "desert sand: bases, cloth, fur"},
    {"bone", "yellows and light earths", {{"PW6", 1}, {"PY42", 0.12f}, {"PBk9", 0.03f}}, 0.3f,
     {}, "bone and parchment: skulls, horns, scrolls"},
    {"khaki", "yellows and light earths", {{"PW6", 1}, {"PY42", 0.6f}, {"PBk7", 0.03f}}, 0.3f,
     {}, "drab khaki: uniforms, canvas"},
    // Browns.
    {"leather brown", "browns", {{"PR101", 1}, {"PY42", 1.2f}, {"PBk7", 0.03f}}, 0.3f, {},
     "mid brown: belts, boots, pouches"},
    {"chocolate brown", "browns", {{"PR101", 1}, {"PY42", 0.2f}, {"PBk7", 0.1f}}, 0.3f, {},
     "dark red-brown: wood, fur, hair"},
    {"rust", "browns", {{"PR101", 1}, {"PO34", 0.3f}}, 0.3f, {},
     "orange-brown iron oxide: rust, terracotta"},
    {"earth brown", "browns", {{"PY42", 1}, {"PR101", 0.4f}, {"PBk7", 0.08f}, {"PW6", 0.05f}},
     0.3f, {},
     "raw-umber-like brown: soil, bases, dirty cloth"},
    // Greens.
    {"olive green", "greens", {{"PY42", 1}, {"PY83", 0.2f}, {"PG7", 0.06f}, {"PBk7", 0.04f}},
     0.3f, {},
     "drab olive: fatigues, vehicles, swamp"},
    {"forest green", "greens", {{"PG7", 1}, {"PY83", 0.6f}, {"PBk7", 0.05f}}, 0.3f, {},
     "deep green: cloaks, foliage"},
    {"emerald green", "greens", {{"PG7", 1}, {"PW6", 0.6f}, {"PY74", 0.3f}}, 0.3f, {},
     "bright jewel green: gems, armour"},
    {"bright green", "greens", {{"PY74", 1}, {"PG36", 0.3f}}, 0.3f, {},
     "yellowish green: foliage highlights, goblin skin"},
    {"turquoise", "greens", {{"PW6", 1}, {"PB15:4", 0.25f}, {"PG7", 0.25f}}, 0.3f, {},
     "blue-green: gems, oxidised copper, sea"},
    // Blues and purples.
    {"sky blue", "blues and purples", {{"PW6", 1}, {"PB35", 0.3f}, {"PB15:4", 0.02f}}, 0.3f, {},
     "pale blue: skies, highlights of blues"},
    {"royal blue", "blues and purples", {{"PB29", 1}, {"PW6", 0.15f}, {"PB15:1", 0.05f}}, 0.3f,
     {}, "strong mid blue: uniforms, heraldry"},
    {"navy blue", "blues and purples",
     {{"PB29", 1}, {"PB15:1", 0.1f}, {"PBk7", 0.02f}, {"PW6", 0.05f}}, 0.3f, {},
     "very dark blue: uniforms, shading blues"},
    {"purple", "blues and purples", {{"PV23", 1}, {"PW6", 0.5f}, {"PR122", 0.2f}}, 0.3f, {},
     "violet-purple: robes, daemonic skin"},
    // Washes: thin, low pvc, run into recesses (the paint material's pooling).
    {"sepia wash", "washes", {{"PR101", 1}, {"PY42", 0.5f}, {"PBk7", 0.3f}}, 0.03f, {},
     "brown shade for almost anything: cloth, skin, metals"},
    {"black wash", "washes", {{"PBk7", 1}, {"PB29", 0.1f}}, 0.02f, {},
     "neutral dark shade: metals, greys, lining recesses"},
    {"flesh wash", "washes", {{"PR101", 1}, {"PR209", 0.3f}, {"PY42", 0.2f}}, 0.03f, {},
     "warm red-brown shade for skin"},
    {"green wash", "washes", {{"PG7", 1}, {"PY42", 0.3f}, {"PBk7", 0.2f}}, 0.03f, {},
     "dark green shade: greens, moss, verdigris"},
    {"blue wash", "washes", {{"PB29", 1}, {"PB15:1", 0.2f}, {"PBk7", 0.15f}}, 0.03f, {},
     "dark blue shade: blues, cold metals"},
    {"red wash", "washes", {{"PR209", 1}, {"PBk9", 0.2f}}, 0.03f, {},
     "dark crimson shade: reds, gore"},
    // Glazes: one transparent pigment, even thin coats to shift a hue.
    {"blue glaze", "glazes", {{"PB15:4", 1}}, 0.03f, {}, "cool blue tint over any colour"},
    {"red glaze", "glazes", {{"PR209", 1}}, 0.03f, {}, "crimson tint: cheeks, gems, reds"},
    {"yellow glaze", "glazes", {{"PY83", 1}}, 0.03f, {}, "warm yellow tint: gold, lamplight"},
    {"green glaze", "glazes", {{"PG36", 1}}, 0.03f, {}, "green tint: gems, verdigris"},
    {"purple glaze", "glazes", {{"PV23", 1}}, 0.01f, {}, "violet tint: shadows of cloth"},
    // Inks: intense transparent colour, more pigment than a glaze.
    {"red ink", "inks", {{"PR254", 1}, {"PR209", 1}}, 0.08f, {}, "saturated transparent red"},
    {"blue ink", "inks", {{"PB15:1", 1}}, 0.08f, {}, "saturated transparent blue"},
    {"green ink", "inks", {{"PG7", 1}, {"PY83", 0.2f}}, 0.08f, {}, "saturated transparent green"},
    {"yellow ink", "inks", {{"PY83", 1}}, 0.08f, {}, "saturated transparent yellow"},
    {"black ink", "inks", {{"PBk7", 1}}, 0.04f, {},
     "dense black ink (half the pvc: carbon black tints far more strongly): lining"},
    // Metallics: metal flakes in a binder tinted by a low-pvc pigment mix.
    {"silver metallic", "metallics", {}, 0.0f, {"aluminium", 0.75f, 0.2f},
     "bright silver: blades, chainmail highlights"},
    {"steel metallic", "metallics", {{"PBk7", 1}}, 0.002f, {"aluminium", 0.7f, 0.3f},
     "slightly dulled silver: armour base"},
    {"gunmetal metallic", "metallics", {{"PBk7", 1}, {"PB29", 0.2f}}, 0.01f,
     {"aluminium", 0.6f, 0.35f}, "dark blued steel: guns, heavy armour"},
    {"gold metallic", "metallics", {{"PY42", 1}, {"PY83", 0.5f}}, 0.03f, {"brass", 0.7f, 0.25f},
     "yellow gold: trim, jewellery"},
    {"bronze metallic", "metallics", {{"PR101", 1}, {"PY42", 0.5f}, {"PBk7", 0.1f}}, 0.03f,
     {"brass", 0.65f, 0.3f}, "dark brown-gold: statues, old armour"},
    {"copper metallic", "metallics", {{"PR101", 1}}, 0.01f, {"copper", 0.7f, 0.25f},
     "copper: pipes, pots, trim"},
    // Varnishes: clear binder; matting silica scatters a little (the slight greying of blacks).
    {"matte varnish", "varnishes", {{"PW27", 1}}, 0.15f, {},
     "flat protective coat (use with the matte finish)"},
    {"satin varnish", "varnishes", {{"PW27", 1}}, 0.05f, {},
     "low-sheen protective coat (use with the satin finish)"},
    {"gloss varnish", "varnishes", {}, 0.0f, {}, "clear gloss coat: gems, wet effects, eyes"},
};

const int kPaintRecipeCount = int(sizeof kPaintRecipes / sizeof kPaintRecipes[0]);

namespace {

// "Blood  Red" finds "blood red".
std::string canonical(const std::string& name) {
  std::string out;
  for (char c : name) {
    const bool space = std::isspace(static_cast<unsigned char>(c)) != 0;
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : char(std::tolower(static_cast<unsigned char>(c)));
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}


// Names within a few edits, or sharing a word ("red" -> "blood red", "deep red", ...).
std::string similar_names(const std::string& wanted) {
  const std::string key = canonical(wanted);
  std::string out;
  for (int i = 0; i < kPaintRecipeCount; ++i) {
    const std::string name = kPaintRecipes[i].name;
    const bool close = edit_distance(key, name) <= std::max<size_t>(2, key.size() / 4);
    const bool shares =
        key.size() >= 3 && (" " + name + " ").find(" " + key + " ") != std::string::npos;
    if (close || shares) out += (out.empty() ? "" : ", ") + name;
  }
  return out;
}

}  // namespace

const PaintRecipe* find_paint_recipe(const std::string& name) {
  const std::string key = canonical(name);
  for (int i = 0; i < kPaintRecipeCount; ++i) {
    if (key == kPaintRecipes[i].name) return &kPaintRecipes[i];
  }
  return nullptr;
}

bool is_named_paint(const std::string& name) { return find_paint_recipe(name) != nullptr; }

std::vector<std::string> named_paints() {
  std::vector<std::string> out;
  for (int i = 0; i < kPaintRecipeCount; ++i) out.emplace_back(kPaintRecipes[i].name);
  return out;
}

PaintCoefficients named_paint(const std::string& name) {
  const PaintRecipe* recipe = find_paint_recipe(name);
  if (!recipe) {
    const std::string similar = similar_names(name);
    const std::string hint = similar.empty()
                                 ? "; see named_paints() or materials/paint/README.md"
                                 : "; similar: " + similar;
    throw std::invalid_argument("unknown paint '" + name + "'" + hint);
  }
  std::map<std::string, float> parts;
  for (const PigmentPart& p : recipe->parts) {
    if (p.pigment) parts[p.pigment] += p.parts;
  }
  PaintCoefficients out = parts.empty() || recipe->pvc == 0.0f
                              ? mix_pigment_fractions({}, 0.0)
                              : mix_pigment_fractions(normalised_parts(parts), recipe->pvc);
  if (recipe->flakes.metal)
    out.flakes = {recipe->flakes.metal, recipe->flakes.coverage, recipe->flakes.roughness};
  return out;
}

}  // namespace limner
