#!/usr/bin/env python3
"""Generates pigments_data.cpp, Limner's pigment library, from the shared measured data.

Run once by hand (the build never needs Python):

    python3 materials/data/gen_pigments.py /work/shared/data > materials/data/pigments_data.cpp

A validation report (the fits and cross-checks quoted in materials/paint/README.md) goes to
stderr. Plain Python 3, no third-party modules.

Output units are relative: the Kubelka-Munk S of titanium white (PW6) is 1 at every wavelength,
as in the Golden data. materials/paint/pigments.cpp turns them into per-millimetre values.

Two sources (see the data's SOURCES.md):
  * pigments_ks_golden_acrylic.csv: K and S of 19 single-pigment Golden acrylic colourants,
    380-750 nm at 10 nm. Used as they are; the five mixture columns are skipped.
  * pigments_reflectance_kimera.csv: masstone and white-tint reflectances of Kimera miniature
    acrylics, 385-715 nm at 5 nm. Used only for pigments the Golden set lacks. K and S are
    solved separately from each masstone/tint pair (two-constant Kubelka-Munk), then put on the
    Golden scale with a factor fitted on the pigments both sets share.
Output grid: 360-830 nm at 10 nm; values beyond a source's usable range hold the end value.
"""
import csv
import math
import os
import re
import sys

LAMBDA0, STEP, COUNT = 360, 10, 48  # 360-830 nm
GRID = [LAMBDA0 + STEP * i for i in range(COUNT)]

# Saunderson constants published with the Golden data.
GOLDEN_K1, GOLDEN_K2 = 0.030, 0.650

# Golden column -> (Colour Index name, common name). C.I. names as Golden lists them for its
# Matte Fluid Acrylics; PB15:4, PR122, PY74 and PW6 are confirmed by PaintMix.jl's README.
GOLDEN = [
    ("titanium_white", "PW6", "titanium white"),
    ("bone_black", "PBk9", "bone black"),
    ("arylide_hansa_yellow", "PY74", "arylide (Hansa) yellow opaque"),
    ("diarylide_yellow", "PY83", "diarylide yellow"),
    ("bismuth_vanadate_yellow", "PY184", "bismuth vanadate yellow"),
    ("cadmium_orange", "PO20", "cadmium orange"),
    ("pyrrole_orange", "PO73", "pyrrole orange"),
    ("cadmium_red", "PR108", "cadmium red"),
    ("pyrrole_red", "PR254", "pyrrole red"),
    ("quinacridone_red", "PR209", "quinacridone red"),
    ("quinacridone_magenta", "PR122", "quinacridone magenta"),
    ("dioxazine_purple_tints", "PV23", "dioxazine purple"),
    ("ultramarine_blue", "PB29", "ultramarine blue"),
    ("cobalt_blue", "PB28", "cobalt blue"),
    ("cerulean_blue", "PB35", "cerulean blue"),
    ("phthalo_blue_red_shade", "PB15:1", "phthalo blue (red shade)"),
    ("phthalo_blue_green_shade_tints", "PB15:4", "phthalo blue (green shade)"),
    ("phthalo_green_blue_shade", "PG7", "phthalo green (blue shade)"),
    ("phthalo_green_yellow_shade", "PG36", "phthalo green (yellow shade)"),
]

# Kimera paint -> (C.I. name, common name) for pigments Golden lacks. The codes come from the
# Kimera shop listing as quoted by a third party (unverified, see SOURCES.md).
KIMERA = [
    ("cold_yellow", "PY151", "benzimidazolone yellow (cold yellow)"),
    ("yellow_oxide", "PY42", "yellow iron oxide"),
    ("orange", "PO34", "diarylide orange"),
    ("red", "PR170", "naphthol red"),
    ("red_oxide", "PR101", "red iron oxide"),
    ("blue_red_shade", "PB15:2", "phthalo blue (red shade, flocculation resistant)"),
    ("black", "PBk7", "carbon black"),
]
# Pigments both sets have: used to fit the instrument's surface term and the scale factor, and
# to check the method (Kimera name -> Golden column).
SHARED = {
    "magenta": "quinacridone_magenta",
    "violet": "dioxazine_purple_tints",
    "blue_green_shade": "phthalo_blue_green_shade_tints",
    "green": "phthalo_green_blue_shade",
}
# The Kimera author calls readings outside about 410-680 nm unreliable: solve there only.
KIMERA_RANGE = (410, 680)
# Regularisation of the S solve (see solve_s): weight exponent and first-difference penalty.
WEIGHT_POWER, SMOOTHING = 4, 0.1

# Matting silica (PW27): not measured. Non-absorbing in the visible; its weak scattering in an
# acrylic binder (n 1.46 in n 1.49) is an assumption anchored to the slight greying ("frosting")
# a matte varnish gives over black: S = 0.003 of titanium white.
PW27_S = 0.003


# ---- Kubelka-Munk and Saunderson (same closed forms as materials/paint/km.cpp) --------------
def r_inf(k, s):
    if s <= 0:
        return 0.0
    q = max(k, 0.0) / s
    return 1.0 / (1.0 + q + math.sqrt(q * q + 2.0 * q))


def k_over_s(r):
    r = min(max(r, 1e-9), 1.0)
    return (1.0 - r) ** 2 / (2.0 * r)


def saunderson(r, k1, k2):
    return k1 + (1.0 - k1) * (1.0 - k2) * r / (1.0 - k2 * r)


def saunderson_inverse(rm, k1, k2):
    return (rm - k1) / (1.0 - k1 - k2 + k2 * rm)


# ---- data ------------------------------------------------------------------------------------
def read_csv(path):
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    lam = [float(r["wavelength_nm"]) for r in rows]
    cols = {c: [float(r[c]) for r in rows] for c in rows[0] if c != "wavelength_nm"}
    return lam, cols


def interp(xs, ys, x):
    """Linear interpolation, holding the end values outside [xs[0], xs[-1]]."""
    if x <= xs[0]:
        return ys[0]
    if x >= xs[-1]:
        return ys[-1]
    i = max(j for j in range(len(xs) - 1) if xs[j] <= x)
    t = (x - xs[i]) / (xs[i + 1] - xs[i])
    return ys[i] * (1 - t) + ys[i + 1] * t


class Colorimetry:
    """CIELAB of reflectance spectra (2-degree observer) for the report."""

    def __init__(self, folder, illuminant="D65"):
        _, cmf = read_csv(os.path.join(folder, "cie1931_2deg.csv"))
        self.cmf = list(zip(cmf["xbar"], cmf["ybar"], cmf["zbar"]))  # 360-830 at 1 nm
        il, ill = read_csv(os.path.join(folder, "illuminants_300_830.csv"))
        self.e = [interp(il, ill[illuminant], 360 + i) for i in range(471)]
        self.white = self._xyz(lambda _: 1.0)

    def _xyz(self, refl):
        acc = [0.0, 0.0, 0.0]
        for i, (e, c) in enumerate(zip(self.e, self.cmf)):
            r = refl(360 + i)
            for j in range(3):
                acc[j] += r * e * c[j]
        return acc

    def lab(self, lam, values):
        xyz = self._xyz(lambda l: interp(lam, values, l))
        f = [self._f(v / w) for v, w in zip(xyz, self.white)]
        return (116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2]))

    @staticmethod
    def _f(t):
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116


def delta_e(a, b):
    return math.sqrt(sum((x - y) ** 2 for x, y in zip(a, b)))


# ---- Kimera: K and S from masstone + tint --------------------------------------------------
class Kimera:
    def __init__(self, folder):
        self.lam, self.cols = read_csv(os.path.join(folder, "pigments_reflectance_kimera.csv"))
        self.tints = {}
        for c in self.cols:
            m = re.match(r"R_tint_(.+)_([0-9.]+)g_white_([0-9.]+)g$", c)
            if m:
                self.tints[m.group(1)] = (c, float(m.group(2)), float(m.group(3)))
        self.k1 = GOLDEN_K1

    def q(self, column, lam):
        """K/S of the body from a measured reflectance (Saunderson removed)."""
        rm = interp(self.lam, self.cols[column], lam)
        return k_over_s(saunderson_inverse(rm, self.k1, GOLDEN_K2))

    def solve_s(self, paint, lams):
        """S of `paint` relative to the Kimera white, from its masstone and white tint.

        Two-constant KM: q_t (c_p S_p + c_w) = c_p q_p S_p + c_w q_w with S_white = 1, i.e.
        c_p (q_p - q_t) S_p = c_w (q_t - q_w). Where the pigment barely absorbs, q_p ~ q_t and
        S_p is ill-determined (and the non-opaque yellow masstones bias it), so each row is
        weighted by (1 - q_t/q_p)^WEIGHT_POWER and a first-difference penalty carries S across
        those wavelengths from its neighbours (a tridiagonal least-squares system).
        """
        column, m_p, m_w = self.tints[paint]
        c_p = m_p / (m_p + m_w)
        c_w = 1.0 - c_p
        n = len(lams)
        diag, off, rhs = [SMOOTHING * 2.0] * n, [-SMOOTHING] * (n - 1), [0.0] * n
        diag[0] = diag[-1] = SMOOTHING
        for i, lam in enumerate(lams):
            qp, qw = self.q("R_masstone_" + paint, lam), self.q("R_masstone_white", lam)
            qt = self.q(column, lam)
            w = max(1.0 - qt / qp, 0.0) ** WEIGHT_POWER
            a, b = c_p * (qp - qt) / (c_w * qt), (qt - qw) / qt  # row scaled by c_w q_t
            diag[i] += w * a * a
            rhs[i] += w * a * b
        return solve_tridiagonal(off, diag, off, rhs)

    def derive(self, paint, lams):
        s = self.solve_s(paint, lams)
        k = [self.q("R_masstone_" + paint, lam) * si for lam, si in zip(lams, s)]
        return k, s


def solve_tridiagonal(lower, diag, upper, rhs):
    n = len(diag)
    c, d = [0.0] * n, [0.0] * n
    c[0], d[0] = upper[0] / diag[0], rhs[0] / diag[0]
    for i in range(1, n):
        m = diag[i] - lower[i - 1] * c[i - 1]
        c[i] = upper[i] / m if i < n - 1 else 0.0
        d[i] = (rhs[i] - lower[i - 1] * d[i - 1]) / m
    x = [0.0] * n
    x[-1] = d[-1]
    for i in range(n - 2, -1, -1):
        x[i] = d[i] - c[i] * x[i + 1]
    return x


def fit_k1(kim, golden_q, lams):
    """Surface term of the Kimera instrument: the k1 that best matches Golden's K/S (log, least
    squares) on the shared dark pigments, whose dark bands make the fit sensitive to it."""
    best = None
    for i in range(0, 31):
        kim.k1 = i * 0.001
        err = 0.0
        for kname, gname in SHARED.items():
            for lam in lams:
                kimera = max(kim.q("R_masstone_" + kname, lam), 1e-6)
                err += math.log(kimera / max(golden_q(gname, lam), 1e-6)) ** 2
        if best is None or err < best[0]:
            best = (err, kim.k1)
    kim.k1 = best[1]
    return best[1]


def fit_scale(kim, golden_s, lams):
    """Golden S / Kimera S, the geometric mean over the shared pigments and wavelengths."""
    logs = []
    for kname, gname in SHARED.items():
        s = kim.solve_s(kname, lams)
        logs += [math.log(golden_s(gname, lam) / si) for lam, si in zip(lams, s) if si > 0]
    mean = sum(logs) / len(logs)
    spread = math.sqrt(sum((v - mean) ** 2 for v in logs) / len(logs))
    return math.exp(mean), spread


# ---- output ----------------------------------------------------------------------------------
def literal(v):
    return f"{v:.6g}f" if any(c in f"{v:.6g}" for c in ".e") else f"{v:.6g}.0f"


def array(values):
    lines = []
    for i in range(0, len(values), 8):
        lines.append("      " + ", ".join(literal(v) for v in values[i:i + 8]) + ",")
    return "{\n" + "\n".join(lines) + "\n     }"


def on_grid(lam, values, lo, hi):
    """Resamples to the output grid, holding the values at lo and hi beyond [lo, hi]."""
    return [interp(lam, values, min(max(g, lo), hi)) for g in GRID]


def c_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data"
    glam, gcols = read_csv(os.path.join(folder, "pigments_ks_golden_acrylic.csv"))
    assert glam == [380.0 + 10 * i for i in range(38)], "expected 380-750 nm at 10 nm"
    golden_k = lambda n, l: interp(glam, gcols["K_" + n], l)
    golden_s = lambda n, l: interp(glam, gcols["S_" + n], l)

    rows = []
    for column, ci, name in GOLDEN:
        src = (f"Golden acrylic K/S, pigments_ks_golden_acrylic.csv K_{column}/S_{column}; "
               "380-750 nm, ends held")
        rows.append((ci, name, src, on_grid(glam, gcols["K_" + column], 380, 750),
                     on_grid(glam, gcols["S_" + column], 380, 750)))

    kim = Kimera(folder)
    lo, hi = KIMERA_RANGE
    lams = list(range(lo, hi + 1, 10))
    k1 = fit_k1(kim, lambda n, l: golden_k(n, l) / golden_s(n, l), list(range(420, 681, 10)))
    scale, spread = fit_scale(kim, golden_s, lams)
    report = [f"Kimera surface term k1 (fitted): {k1:.3f}; k2 = {GOLDEN_K2}",
              f"Kimera -> Golden S scale: {scale:.3f} (log spread {spread:.2f})"]
    for paint, ci, name in KIMERA:
        k, s = kim.derive(paint, lams)
        column, m_p, m_w = kim.tints[paint]
        src = (f"derived from Kimera pigments_reflectance_kimera.csv R_masstone_{paint} + "
               f"{column[2:]} (two-constant KM vs Kimera white, k1 {k1:.3f}, x{scale:.3f} to "
               f"Golden scale); {lo}-{hi} nm, ends held")
        rows.append((ci, name, src, on_grid(lams, [v * scale for v in k], lo, hi),
                     on_grid(lams, [v * scale for v in s], lo, hi)))
    rows.append(("PW27", "silica matting agent", "assumed: K = 0, S = 0.003 of PW6 (not measured)",
                 [0.0] * COUNT, [PW27_S] * COUNT))

    report += validation(folder, kim, gcols, glam, scale, lams)
    print("\n".join(report), file=sys.stderr)
    emit(rows)


def validation(folder, kim, gcols, glam, scale, lams):
    """Kimera-derived vs Golden K/S for the shared pigments: masstone and 1:4 tint with Golden
    titanium white, CIELAB D65 with the Golden Saunderson constants."""
    col = Colorimetry(folder, "D65")
    lo, hi = KIMERA_RANGE
    white_k = on_grid(glam, gcols["K_titanium_white"], 380, 750)
    white_s = on_grid(glam, gcols["S_titanium_white"], 380, 750)
    out = ["shared pigment: masstone Lab Golden | Kimera-derived (dE), tint 1:4 with PW6 (dE)"]

    def labs(k, s, f):
        mix = [saunderson(r_inf(f * a + (1 - f) * wk, f * b + (1 - f) * ws), GOLDEN_K1, GOLDEN_K2)
               for a, b, wk, ws in zip(k, s, white_k, white_s)]
        return col.lab(GRID, mix)

    for kname, gname in list(SHARED.items()) + [("warm_yellow", "diarylide_yellow")]:
        gk = on_grid(glam, gcols["K_" + gname], 380, 750)
        gs = on_grid(glam, gcols["S_" + gname], 380, 750)
        k, s = kim.derive(kname, lams)
        kk = on_grid(lams, [v * scale for v in k], lo, hi)
        ks = on_grid(lams, [v * scale for v in s], lo, hi)
        m_g, m_k = labs(gk, gs, 1.0), labs(kk, ks, 1.0)
        t_g, t_k = labs(gk, gs, 0.2), labs(kk, ks, 0.2)
        fmt = lambda v: "%.1f/%.1f/%.1f" % v
        out.append(f"  {gname}: {fmt(m_g)} | {fmt(m_k)} ({delta_e(m_g, m_k):.1f}); "
                   f"tint {fmt(t_g)} | {fmt(t_k)} ({delta_e(t_g, t_k):.1f})")
    return out


def emit(rows):
    out = ["// GENERATED by materials/data/gen_pigments.py from the shared pigment data; "
           "do not edit.",
           "// Sources and derivations: materials/paint/README.md and the `source` of each row.",
           '#include "materials/data/pigments_data.h"', "", "namespace limner {", "",
           f"static_assert(kPigmentSamples == {COUNT});", "",
           "const PigmentData kPigmentTable[] = {"]
    for ci, name, src, k, s in rows:
        assert all(v >= 0 and math.isfinite(v) for v in k + s), ci
        out.append(f"    {{{c_string(ci)}, {c_string(name)},\n     {c_string(src)},\n"
                   f"     {array(k)},\n     {array(s)}}},")
    out += ["};", "", f"const int kPigmentTableCount = {len(rows)};", "", "}  // namespace limner"]
    print("\n".join(out))


if __name__ == "__main__":
    main()
