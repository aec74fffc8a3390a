#!/usr/bin/env python3
"""Writes scenes/studio.hdr: a procedural photo-studio environment (Radiance RGBE, lat-long).

Three softboxes (key front-left, fill right, rim behind), dim grey walls, a brighter ceiling
and a warm grey floor, for a camera on +z looking along -z at the origin (Limner's envmap
layout: row 0 straight up, image centre along -z, 3/4 of the width along +x). No downloads:
run `python3 tools/make_studio_hdr.py` to regenerate it. scenes/studio.exr is the same map as
half-float OpenEXR: `oiiotool scenes/studio.hdr -d half --compression zip -o scenes/studio.exr`.
"""
import math
import os
import sys

W, H = 1024, 512

# (azimuth deg from +z toward +x, elevation deg, half-width, half-height (tangents), radiance)
SOFTBOXES = [
    (-45.0, 35.0, 0.28, 0.28, (12.0, 11.7, 11.1)),  # key, 5500 K-ish
    (55.0, 10.0, 0.34, 0.34, (4.5, 4.4, 4.2)),      # fill
    (160.0, 55.0, 0.14, 0.34, (8.0, 7.8, 7.4)),     # rim / hair light
]


def direction(az, el):
    a, e = math.radians(az), math.radians(el)
    return (math.cos(e) * math.sin(a), math.sin(e), math.cos(e) * math.cos(a))


def frame(c):
    up = (0.0, 1.0, 0.0)
    ex = (up[1] * c[2] - up[2] * c[1], up[2] * c[0] - up[0] * c[2], up[0] * c[1] - up[1] * c[0])
    n = math.sqrt(sum(v * v for v in ex))
    ex = tuple(v / n for v in ex)
    ey = (c[1] * ex[2] - c[2] * ex[1], c[2] * ex[0] - c[0] * ex[2], c[0] * ex[1] - c[1] * ex[0])
    return ex, ey


BOXES = [(direction(a, e), frame(direction(a, e)), hw, hh, rgb) for a, e, hw, hh, rgb in SOFTBOXES]


def radiance(d):
    for c, (ex, ey), hw, hh, rgb in BOXES:
        z = sum(p * q for p, q in zip(d, c))
        if z <= 0.0:
            continue
        x = sum(p * q for p, q in zip(d, ex)) / z
        y = sum(p * q for p, q in zip(d, ey)) / z
        if abs(x) < hw and abs(y) < hh:
            return rgb
    if d[1] < 0.0:
        return (0.10, 0.09, 0.08)  # floor
    g = 0.03 + 0.05 * d[1]  # walls darker, ceiling brighter
    return (g, g, g * 1.03)


def rgbe(rgb):
    m = max(rgb)
    if m < 1e-32:
        return bytes((0, 0, 0, 0))
    e = math.frexp(m)[1]
    s = 256.0 / (2.0 ** e)
    return bytes((int(rgb[0] * s), int(rgb[1] * s), int(rgb[2] * s), e + 128))


def rle(channel):
    out, i, n = bytearray(), 0, len(channel)
    while i < n:
        run = 1
        while i + run < n and run < 127 and channel[i + run] == channel[i]:
            run += 1
        if run >= 4:
            out += bytes((128 + run, channel[i]))
            i += run
            continue
        j = i
        while j < n and j - i < 128:
            if j + 3 < n and channel[j] == channel[j + 1] == channel[j + 2] == channel[j + 3]:
                break
            j += 1
        out += bytes((j - i,)) + bytes(channel[i:j])
        i = j
    return out


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "scenes", "studio.hdr")
    data = bytearray(b"#?RADIANCE\n# Limner procedural studio (tools/make_studio_hdr.py)\n"
                     b"FORMAT=32-bit_rle_rgbe\n\n" + f"-Y {H} +X {W}\n".encode())
    for py in range(H):
        theta = math.pi * (py + 0.5) / H
        row = []
        for px in range(W):
            psi = 2.0 * math.pi * ((px + 0.5) / W - 0.5)
            d = (math.sin(theta) * math.sin(psi), math.cos(theta), -math.sin(theta) * math.cos(psi))
            row.append(rgbe(radiance(d)))
        data += bytes((2, 2, W >> 8, W & 255))
        for k in range(4):
            data += rle(bytes(p[k] for p in row))
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)


if __name__ == "__main__":
    main()
