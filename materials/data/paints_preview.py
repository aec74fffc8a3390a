#!/usr/bin/env python3
"""Previews Limner's starter set: masstone CIELAB (D65, 2 degrees, Saunderson k1 0.03 /
k2 0.65), sRGB hex and contrast ratio (over black / over a 0.80 white) of every named paint,
computed from the generated pigment table and the recipe table as materials/paint does it (a
development aid; the build never needs Python). Prints Markdown tables, one per group; those
in materials/paint/README.md come from it.

    python3 materials/data/paints_preview.py [/work/shared/data] [--pigments] > /tmp/paints.md

--pigments lists the pigments' masstones and 1:4 tints with titanium white instead.
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_pigments as gp  # noqa: E402  (KM closed forms, colorimetry)

HERE = os.path.dirname(os.path.abspath(__file__))
S_WHITE_PER_MM, REFERENCE_PVC = 500.0, 0.3  # materials/paint/pigments.h
K1, K2 = 0.03, 0.65


def floats(text):
    return [float(v.rstrip("f")) for v in text.replace("\n", " ").split(",") if v.strip()]


def read_pigments():
    text = open(os.path.join(HERE, "pigments_data.cpp")).read()
    rows = {}
    pattern = r'\{"([^"]+)", "([^"]+)",\s*"(?:[^"\\]|\\.)*",\s*\{([^{}]*)\},\s*\{([^{}]*)\}\}'
    for ci, _, k, s in re.findall(pattern, text):
        rows[ci] = (floats(k), floats(s))
    return rows


def read_recipes():
    text = open(os.path.join(HERE, "..", "paint", "paint_library.cpp")).read()
    body = text[text.index("kPaintRecipes[] = {"):]
    row = (r'\{"([^"]+)", "([^"]+)",\s*\{((?:\{"[^"]+", [0-9.]+f?\},?\s*)*)\},\s*([0-9.]+)f?,'
           r'\s*\{([^{}]*)\},\s*"([^"]*)"\}')
    out = []
    for name, group, parts, pvc, flakes, use in re.findall(row, body):
        pairs = re.findall(r'\{"([^"]+)", ([0-9.]+f?)\}', parts)
        mix = [(p, float(v.rstrip("f"))) for p, v in pairs]
        out.append((name, group, mix, float(pvc), flakes.strip(), use))
    return out


def mix(pigments, parts, pvc):
    total = sum(v for _, v in parts)
    scale = S_WHITE_PER_MM * pvc / REFERENCE_PVC
    k = [0.0] * gp.COUNT
    s = [0.0] * gp.COUNT
    for ci, v in parts:
        pk, ps = pigments[ci]
        for i in range(gp.COUNT):
            k[i] += scale * v / total * pk[i]
            s[i] += scale * v / total * ps[i]
    return k, s


def srgb_hex(col, lam, refl):
    x, y, z = (v / col.white[1] for v in col._xyz(lambda l: gp.interp(lam, refl, l)))
    rgb = (3.2406 * x - 1.5372 * y - 0.4986 * z, -0.9689 * x + 1.8758 * y + 0.0415 * z,
           0.0557 * x - 0.2040 * y + 1.0570 * z)
    enc = lambda c: 12.92 * c if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055
    return "#" + "".join("%02x" % round(255 * min(max(enc(c), 0.0), 1.0)) for c in rgb)


def film(k, s, d_mm, rg):
    r, t = layer(k, s, d_mm)
    return gp.saunderson(r + t * t * rg / (1 - r * rg), K1, K2)


def layer(k, s, d):
    import math
    if s * d < 1e-12:
        return 0.0, math.exp(-k * d)
    a = 1 + k / s
    b = math.sqrt(max(a * a - 1, 0))
    if b < 1e-9:
        return s * d / (1 + s * d), 1 / (1 + s * d)
    e = math.exp(-2 * b * s * d)
    sh, ch = 0.5 * (1 - e), 0.5 * (1 + e)
    den = a * sh + b * ch
    return sh / den, b * math.exp(-b * s * d) / den


def contrast_ratio(col, k, s, d_mm):
    def y(rg):
        r = [film(a, b, d_mm, rg) for a, b in zip(k, s)]
        return col._xyz(lambda l: gp.interp(gp.GRID, r, l))[1]
    return y(0.0) / y(0.8)


def masstone(col, k, s):
    if max(k) == 0.0:
        return "clear", ""
    r = [gp.saunderson(gp.r_inf(a, b), K1, K2) for a, b in zip(k, s)]
    return "%.0f/%.0f/%.0f" % col.lab(gp.GRID, r), srgb_hex(col, gp.GRID, r)


def print_pigments(col, pigments):
    print("| C.I. | masstone L*a*b* | sRGB | tint 1:4 with PW6 | sRGB |")
    print("|---|---|---|---|---|")
    white_k, white_s = pigments["PW6"]
    for ci, (k, s) in pigments.items():
        tk = [0.2 * a + 0.8 * w for a, w in zip(k, white_k)]
        ts = [0.2 * a + 0.8 * w for a, w in zip(s, white_s)]
        print(f"| {ci} | %s | %s | %s | %s |" % (masstone(col, k, s) + masstone(col, tk, ts)))


def print_paints(col, pigments):
    """One Markdown table per group, in table order."""
    group = None
    for name, this_group, parts, pvc, flakes, use in read_recipes():
        if this_group != group:
            group = this_group
            print(f"\n#### {group}\n")
            print("| paint | mix (parts by volume) | pvc | flakes | masstone L*a*b* | sRGB | "
                  "CR 5 um | CR 30 um | use |")
            print("|---|---|---|---|---|---|---|---|---|")
        k, s = mix(pigments, parts, pvc) if parts else ([0.0] * gp.COUNT, [0.0] * gp.COUNT)
        lab, hexcol = masstone(col, k, s)
        cr = ["%.2f" % contrast_ratio(col, k, s, d) if max(k) > 0 else "-" for d in (0.005, 0.030)]
        text = ", ".join(f"{ci} {v:g}" for ci, v in parts) or "none"
        fl = re.sub(r"([0-9.])f", r"\1", flakes.replace('"', "")) if flakes else ""
        print(f"| {name} | {text} | {pvc:g} | {fl} | {lab} | {hexcol} | "
              f"{cr[0]} | {cr[1]} | {use} |")


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    col = gp.Colorimetry(args[0] if args else "/work/shared/data", "D65")
    pigments = read_pigments()
    if "--pigments" in sys.argv:
        print_pigments(col, pigments)
    else:
        print_paints(col, pigments)


if __name__ == "__main__":
    main()
