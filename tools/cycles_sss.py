# Blender Cycles' random-walk subsurface on Limner's SSS benchmark scene (issue 4's comparison).
#
#   blender -b --factory-startup -noaudio --python-exit-code 1 --python tools/cycles_sss.py -- \
#       --material subsurface|diffuse --threads 2 --json OUT.json [--size 32]
#
# Measures what tools/bench_sss.cpp measures for Limner: a 4096-spp reference (seed 1) and four
# 256-spp renders (seeds 2..5) of scenes/silicone_bust.json at 32x32; relative RMSE of luminance
# Y (Rec. 709 weights on linear Rec. 709 RGB) = sqrt(mean squared error) / mean(reference Y);
# error model e^2 = c (1/N + 1/N_ref) -> spp to 2% -> seconds to 2% from the per-render seconds.
# Timing: each bpy.ops.render.render() call is timed; the time of a 1-spp render of the same
# scene (scene sync, BVH build, kernel set-up, EXR write) is subtracted, so the figure is
# sampling time only, like Limner's render() seconds, which exclude scene building; it is pooled
# over the reference and the test renders (a 256-spp render at 32x32 takes a fraction of a second).
#
# How the scene is matched (camera, lights, mesh and its scale are read from the scene file):
# - Units: 1 Blender unit = 1 mm, and Limner's coordinates are kept as they are (y up): the OBJ
#   is imported with forward +Y, up +Z (no axis conversion) and scaled like the scene's
#   transform. The camera is built from from/to/up; fov_deg is the vertical field of view
#   (contract.md), so sensor_fit is VERTICAL.
# - Light colours: Limner normalises a light's spectrum to CIE Y = 1 and multiplies it by
#   `scale`, so a rect's front radiance has luminance `scale`. The spectrum (Planck, CIE daylight
#   from the S0/S1/S2 basis, D65) is integrated against the CIE 1931 2-degree functions read from
#   renderer/spectral/data/*.inc, 360-830 nm, and turned into linear Rec. 709 with Y = 1 (4200 K
#   blackbody: 1.365, 0.934, 0.582; 6500 K daylight: 1.000, 1.000, 1.000).
# - Rect lights: Blender AREA lights, RECTANGLE, size w x h, facing `to`, width along Limner's
#   u axis (+x projected onto the plane, renderer/scene_lights.cpp rect_axes). Calibrated with a
#   white Lambertian plane facing a Cycles 3.4 area light (its irradiance against the closed-form
#   rectangle form factor, 3 sizes/distances agreeing to 0.1%): the radiance that lights
#   surfaces is L = power / (4 area), so power = 4 * area * scale * max(rgb), colour rgb / max.
#   The camera sees the key light's front peeking past the head (pixel (10, 13) at 32x32, where
#   its edge's anti-aliasing noise outweighs everything else; hence the second set of figures
#   without the pixels the rect lights' projections touch). Seen directly, a Cycles 3.4 area
#   light measured ~8% brighter than the radiance it lights surfaces with; that pixel only.
# - Environment: world background colour (1, 1, 1) (D65 is Rec. 709's white), strength = scale.
# - Subsurface: Principled BSDF, method RANDOM_WALK, Subsurface 1, Subsurface Color = the
#   silicone preset's measured d:d colour (`limner measure scenes/silicone_bust.json --material
#   silicone --geometry d:d`: its spectrum under D65 -> linear Rec. 709), Subsurface Radius =
#   the transport mean free path 1 / (sigma_s' + sigma_a) per channel from
#   materials/medium/presets.cpp (silicone:
#   sigma_s' = 2.0, 2.3, 2.6 /mm, sigma_a = 0.02, 0.06, 0.12 /mm at 650, 550, 450 nm),
#   Subsurface IOR 1.413, Specular = ((n-1)/(n+1))^2 / 0.08, GGX, Roughness = sqrt(0.3) (Limner's
#   roughness is the GGX alpha; Blender's alpha is roughness^2).
#   Differences that stay: Cycles' walk works on three RGB channels (Limner: spectral, hero
#   wavelengths), derives its coefficients from colour and radius by its own albedo inversion,
#   exits the walk through a diffuse (Lambertian-like) lobe rather than refracting through the
#   rough dielectric boundary, and gives up a walk after 256 steps (BSSRDF_MAX_BOUNCES; Limner's
#   bound is 65536 events); its Principled specular layer sits on top of the walk.
# - Diffuse stand-in: Diffuse BSDF, colour (0.6, 0.5, 0.42) (Limner's {"rgb": ...} is linear
#   sRGB), roughness 0 (Lambert).
# - Render settings: CPU, fixed threads, adaptive sampling and denoising off, clamping off,
#   filter_glossy 0, caustics on, light threshold 0, 64 bounces of every kind (Limner's
#   max_depth), box pixel filter 1 pixel wide (Limner jitters uniformly inside each pixel), one
#   tile, opaque film, Standard view transform, float EXR out. Cycles' default sampling pattern
#   (progressive multi-jitter in 3.4).
import argparse
import json
import math
import os
import re
import sys
import tempfile
import time

import bpy
import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SILICONE = {"sigma_s_reduced": (2.0, 2.3, 2.6), "sigma_a": (0.02, 0.06, 0.12), "ior": 1.413}
# The reflectance spectrum `limner measure scenes/silicone_bust.json --material silicone
# --geometry d:d` prints, integrated under D65 with the CIE 1931 functions, XYZ -> Rec. 709.
SILICONE_DD_RGB = (0.631, 0.515, 0.437)
DIFFUSE_RGB = (0.6, 0.5, 0.42)
XYZ_TO_REC709 = np.array([[3.2404542, -1.5371385, -0.4985314],
                          [-0.9692660, 1.8760108, 0.0415560],
                          [0.0556434, -0.2040259, 1.0572252]])
Y_WEIGHTS = np.array([0.2126, 0.7152, 0.0722])


def parse_args():
    argv = sys.argv[sys.argv.index("--") + 1:] if "--" in sys.argv else []
    p = argparse.ArgumentParser(prog="cycles_sss.py")
    p.add_argument("--material", choices=["subsurface", "diffuse"], required=True)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--json", help="write the figures here")
    p.add_argument("--size", type=int, default=32)
    p.add_argument("--scene", default=os.path.join(ROOT, "scenes", "silicone_bust.json"))
    p.add_argument("--reference-spp", type=int, default=4096)
    p.add_argument("--test-spp", type=int, default=256)
    p.add_argument("--runs", type=int, default=4)
    p.add_argument("--preview", help="only render a PNG here (--preview-spp samples)")
    p.add_argument("--preview-spp", type=int, default=64)
    return p.parse_args(argv)


# ---- spectra -> linear Rec. 709 with luminance 1 -------------------------------------------

def read_inc_rows(name):
    """Rows of {a, b, c},  // nm from one of Limner's generated tables (the first array)."""
    rows = []
    with open(os.path.join(ROOT, "renderer", "spectral", "data", name)) as f:
        for line in f:
            m = re.match(r"\s*\{([^}]*)\},\s*//\s*([0-9.]+)", line)
            if m:
                rows.append([float(v.rstrip("f")) for v in m.group(1).split(",")])
            elif rows and line.startswith("};"):
                break
    return np.array(rows)


def daylight_spd(kelvin, lam):
    basis = read_inc_rows("cie_daylight_basis.inc")  # S0, S1, S2 at 300 + 5 i nm
    grid = 300.0 + 5.0 * np.arange(len(basis))
    t = kelvin
    if t <= 7000:
        x = -4.6070e9 / t**3 + 2.9678e6 / t**2 + 0.09911e3 / t + 0.244063
    else:
        x = -2.0064e9 / t**3 + 1.9018e6 / t**2 + 0.24748e3 / t + 0.237040
    y = -3.0 * x * x + 2.87 * x - 0.275
    m = 0.0241 + 0.2562 * x - 0.7341 * y
    m1 = (-1.3515 - 1.7703 * x + 5.9114 * y) / m
    m2 = (0.0300 - 31.4424 * x + 30.0717 * y) / m
    s = [np.interp(lam, grid, basis[:, i]) for i in range(3)]
    return s[0] + m1 * s[1] + m2 * s[2]


def light_rgb(spectrum):
    """Linear Rec. 709 of a light spectrum normalised to CIE Y = 1, as Limner does."""
    if spectrum is None or spectrum == "D65":
        return np.ones(3)
    cmf = read_inc_rows("cie_cmfs.inc")  # xbar, ybar, zbar at 360 + i nm
    lam = 360.0 + np.arange(len(cmf))
    if isinstance(spectrum, dict) and "blackbody_k" in spectrum:
        lm = lam * 1e-9
        spd = 1.0 / (lm**5 * (np.exp(1.438776877e-2 / (lm * spectrum["blackbody_k"])) - 1.0))
    elif isinstance(spectrum, dict) and "daylight_k" in spectrum:
        spd = daylight_spd(spectrum["daylight_k"], lam)
    else:
        raise ValueError("spectrum %r not supported by this script" % (spectrum,))
    xyz = cmf.T @ spd
    return XYZ_TO_REC709 @ (xyz / xyz[1])


# ---- scene ------------------------------------------------------------------------------------

def look_at_matrix(eye, target, up):
    """Rotation whose -Z looks from eye to target, +Y toward up (Blender cameras and lights)."""
    f = np.asarray(target, float) - np.asarray(eye, float)
    f /= np.linalg.norm(f)
    x = np.cross(f, up)
    x /= np.linalg.norm(x)
    y = np.cross(x, f)
    return np.column_stack([x, y, -f])


def set_transform(obj, location, rot3):
    from mathutils import Matrix
    m = Matrix.Identity(4)
    for i in range(3):
        for j in range(3):
            m[i][j] = float(rot3[i, j])
        m[i][3] = float(location[i])
    obj.matrix_world = m


def add_camera(scene, cam):
    data = bpy.data.cameras.new("camera")
    data.sensor_fit = "VERTICAL"
    data.angle_y = math.radians(cam["fov_deg"])
    data.clip_start, data.clip_end = 0.1, 1e5
    obj = bpy.data.objects.new("camera", data)
    scene.collection.objects.link(obj)
    rot = look_at_matrix(cam["from"], cam["to"], cam.get("up", [0, 1, 0]))
    set_transform(obj, cam["from"], rot)
    scene.camera = obj


def add_rect_light(scene, i, light):
    center = np.asarray(light["center"], float)
    n = np.asarray(light["to"], float) - center
    n /= np.linalg.norm(n)
    ref = np.array([0.0, 0.0, 1.0]) if abs(n[0]) > 0.999 else np.array([1.0, 0.0, 0.0])
    u = ref - ref.dot(n) * n  # Limner's width axis (rect_axes)
    u /= np.linalg.norm(u)
    z = -n  # an area light emits along its local -Z
    rot = np.column_stack([u, np.cross(z, u), z])
    w, h = light["size"]
    rgb = light_rgb(light.get("spectrum", "D65"))
    peak = float(rgb.max())
    data = bpy.data.lights.new("rect%d" % i, "AREA")
    data.shape = "RECTANGLE"
    data.size, data.size_y = float(w), float(h)
    data.color = tuple(float(c) for c in rgb / peak)
    data.energy = 4.0 * w * h * light.get("scale", 1.0) * peak  # L = power / (4 area)
    obj = bpy.data.objects.new("rect%d" % i, data)
    scene.collection.objects.link(obj)
    obj.visible_camera = True
    set_transform(obj, center, rot)


def set_world(scene, lights):
    strength = 0.0
    rgb = np.ones(3)
    for light in lights:
        if light["type"] == "environment":
            rgb = light_rgb(light.get("spectrum", "D65"))
            strength += light.get("scale", 1.0)
        elif light["type"] != "rect":
            raise ValueError("light type %s not supported by this script" % light["type"])
    world = bpy.data.worlds.new("world")
    scene.world = world
    world.use_nodes = True
    bg = world.node_tree.nodes["Background"]
    bg.inputs["Color"].default_value = (*[float(c) for c in rgb], 1.0)
    bg.inputs["Strength"].default_value = strength


def new_material(kind, roughness_alpha, sss_rgb):
    mat = bpy.data.materials.new(kind)
    mat.use_nodes = True
    nt = mat.node_tree
    for node in list(nt.nodes):
        if node.type != "OUTPUT_MATERIAL":
            nt.nodes.remove(node)
    out = [n for n in nt.nodes if n.type == "OUTPUT_MATERIAL"][0]
    if kind == "diffuse":
        node = nt.nodes.new("ShaderNodeBsdfDiffuse")
        node.inputs["Color"].default_value = (*DIFFUSE_RGB, 1.0)
        node.inputs["Roughness"].default_value = 0.0
    else:
        node = nt.nodes.new("ShaderNodeBsdfPrincipled")
        node.distribution = "GGX"
        node.subsurface_method = "RANDOM_WALK"
        n = SILICONE["ior"]
        mfp = [1.0 / (s + a) for s, a in zip(SILICONE["sigma_s_reduced"], SILICONE["sigma_a"])]
        node.inputs["Base Color"].default_value = (*sss_rgb, 1.0)
        node.inputs["Subsurface"].default_value = 1.0
        node.inputs["Subsurface Color"].default_value = (*sss_rgb, 1.0)
        node.inputs["Subsurface Radius"].default_value = mfp
        node.inputs["Subsurface IOR"].default_value = n
        node.inputs["Specular"].default_value = ((n - 1) / (n + 1)) ** 2 / 0.08
        node.inputs["Roughness"].default_value = math.sqrt(roughness_alpha)
    nt.links.new(node.outputs[0], out.inputs["Surface"])
    return mat


def add_mesh(scene, obj_desc, material):
    path = os.path.join(os.path.dirname(args.scene), obj_desc["mesh"])
    before = set(bpy.data.objects)
    bpy.ops.wm.obj_import(filepath=path, forward_axis="Y", up_axis="Z")
    scale = obj_desc.get("transform", {}).get("scale", 1.0)
    for obj in set(bpy.data.objects) - before:
        if obj.type != "MESH":
            continue
        obj.scale = (scale, scale, scale)
        obj.data.materials.clear()
        obj.data.materials.append(material)


def build_scene(desc, kind):
    scene = bpy.context.scene
    for obj in list(bpy.data.objects):
        bpy.data.objects.remove(obj)
    add_camera(scene, desc["camera"])
    for i, light in enumerate(desc["lights"]):
        if light["type"] == "rect":
            add_rect_light(scene, i, light)
    set_world(scene, desc["lights"])
    mats = desc["materials"]
    for obj_desc in desc["objects"]:
        md = mats[obj_desc["material"]]
        if md.get("type") != "subsurface" or md.get("preset") != "silicone":
            raise ValueError("the script knows the silicone subsurface preset only")
        add_mesh(scene, obj_desc, new_material(kind, md.get("roughness", 0.1), SILICONE_DD_RGB))
    return scene


def configure(scene, size, threads):
    r, c = scene.render, scene.cycles
    r.engine = "CYCLES"
    c.device = "CPU"
    r.threads_mode, r.threads = "FIXED", threads
    r.resolution_x = r.resolution_y = size
    r.resolution_percentage = 100
    r.film_transparent = False
    r.use_persistent_data = False
    c.use_adaptive_sampling = False
    c.use_denoising = False
    c.sample_clamp_direct = c.sample_clamp_indirect = 0.0
    c.blur_glossy = 0.0
    c.caustics_reflective = c.caustics_refractive = True
    c.light_sampling_threshold = 0.0
    c.max_bounces = c.diffuse_bounces = c.glossy_bounces = 64
    c.transmission_bounces = c.transparent_max_bounces = 64
    c.volume_bounces = 0
    c.pixel_filter_type, c.filter_width = "BOX", 1.0
    c.use_auto_tile, c.tile_size = False, 2048
    c.use_animated_seed = False
    scene.view_settings.view_transform = "Standard"
    scene.view_settings.look = "None"
    scene.view_settings.exposure, scene.view_settings.gamma = 0.0, 1.0


def render_y(scene, spp, seed, path):
    """Renders; returns (luminance image, wall seconds of the render call)."""
    scene.cycles.samples = spp
    scene.cycles.seed = seed
    scene.render.image_settings.file_format = "OPEN_EXR"
    scene.render.image_settings.color_depth = "32"
    scene.render.image_settings.exr_codec = "NONE"
    scene.render.filepath = path
    t0 = time.perf_counter()
    bpy.ops.render.render(write_still=True)
    seconds = time.perf_counter() - t0
    img = bpy.data.images.load(path)
    px = np.array(img.pixels[:], dtype=np.float64).reshape(img.size[1], img.size[0], 4)
    bpy.data.images.remove(img)
    os.remove(path)
    return (px[::-1, :, :3] @ Y_WEIGHTS), seconds  # rows top first, as Limner's film


def light_mask(desc, size):
    """True for pixels that the bounding box of a rect light's projection touches (its edges
    seen directly: anti-aliasing noise of a radiance-300 card, not subsurface noise). Same
    projection as Limner's pinhole camera (renderer/camera.cpp), rows top first."""
    cam = desc["camera"]
    eye = np.asarray(cam["from"], float)
    fwd = np.asarray(cam["to"], float) - eye
    fwd /= np.linalg.norm(fwd)
    right = np.cross(fwd, cam.get("up", [0, 1, 0]))
    right /= np.linalg.norm(right)
    up = np.cross(right, fwd)
    t = math.tan(math.radians(cam["fov_deg"]) / 2)
    mask = np.zeros((size, size), bool)
    for light in desc["lights"]:
        if light["type"] != "rect":
            continue
        c = np.asarray(light["center"], float)
        n = np.asarray(light["to"], float) - c
        n /= np.linalg.norm(n)
        ref = np.array([0.0, 0.0, 1.0]) if abs(n[0]) > 0.999 else np.array([1.0, 0.0, 0.0])
        u = ref - ref.dot(n) * n
        u /= np.linalg.norm(u)
        v = np.cross(n, u)
        w, h = light["size"]
        xs, ys = [], []
        for a in (-0.5, 0.5):
            for b in (-0.5, 0.5):
                d = c + a * w * u + b * h * v - eye
                z = d.dot(fwd)
                if z <= 0:
                    break
                xs.append((d.dot(right) / z / t + 1) / 2 * size)
                ys.append((1 - d.dot(up) / z / t) / 2 * size)
        if len(xs) == 4:
            x0, x1 = max(int(math.floor(min(xs))), 0), min(int(math.ceil(max(xs))), size)
            y0, y1 = max(int(math.floor(min(ys))), 0), min(int(math.ceil(max(ys))), size)
            if x0 < x1 and y0 < y1:
                mask[y0:y1, x0:x1] = True
    return mask


def measure(scene):
    """The bench_sss.cpp protocol. Sampling time is pooled over the reference and the test
    renders (each minus the 1-spp render's time, for spp - 1 samples per pixel): at 32x32 a
    256-spp render takes a fraction of a second, and the pooled figure is steadier."""
    tmp = tempfile.mkdtemp(prefix="cycles_sss_")
    exr = os.path.join(tmp, "frame.exr")
    overhead = min(render_y(scene, 1, 99, exr)[1] for _ in range(3))
    ref, ref_s = render_y(scene, args.reference_spp, 1, exr)
    sampling_s, spp_total = max(ref_s - overhead, 0.0), args.reference_spp - 1
    keep = ~light_mask(scene_desc, args.size)
    m2, m2_masked = 0.0, 0.0
    for i in range(args.runs):
        img, s = render_y(scene, args.test_spp, 2 + i, exr)
        e = math.sqrt(np.mean((img - ref) ** 2)) / np.mean(ref)
        m2 += e * e / args.runs
        e = math.sqrt(np.mean((img - ref)[keep] ** 2)) / np.mean(ref[keep])
        m2_masked += e * e / args.runs
        sampling_s += max(s - overhead, 0.0)
        spp_total += args.test_spp - 1
    os.rmdir(tmp)
    per_render = sampling_s / spp_total * args.test_spp  # seconds for one test render
    n_inv = 1.0 / args.test_spp + 1.0 / args.reference_spp
    spp, spp_masked = m2 / n_inv / 0.02**2, m2_masked / n_inv / 0.02**2
    return {
        "blender_version": bpy.app.version_string,
        "material": args.material,
        "size": args.size,
        "threads": args.threads,
        "samples_per_second": args.size * args.size * args.test_spp / per_render,
        "relative_rmse_at_256_spp": math.sqrt(m2),
        "spp_to_2pct_rmse": spp,
        "seconds_to_2pct_rmse": spp * per_render / args.test_spp,
        "light_pixels_masked": int((~keep).sum()),
        "relative_rmse_at_256_spp_lights_masked": math.sqrt(m2_masked),
        "spp_to_2pct_rmse_lights_masked": spp_masked,
        "seconds_to_2pct_rmse_lights_masked": spp_masked * per_render / args.test_spp,
        "seconds_per_256_spp_render": per_render,
        "setup_seconds_subtracted": overhead,
        "reference_seconds": ref_s,
        "reference_mean_y": float(np.mean(ref)),
        "reference_max_y": float(np.max(ref)),
        "timing": "render() wall time minus a 1-spp render's (sync, BVH, kernel set-up), pooled",
    }


args = parse_args()
with open(args.scene) as f:
    scene_desc = json.load(f)
bpy_scene = build_scene(scene_desc, args.material)
configure(bpy_scene, args.size, args.threads)
if args.preview:
    bpy_scene.cycles.samples = args.preview_spp
    bpy_scene.render.image_settings.file_format = "PNG"
    bpy_scene.render.filepath = args.preview
    bpy.ops.render.render(write_still=True)
    sys.exit(0)
result = measure(bpy_scene)
print("cycles_sss: " + json.dumps(result))
if args.json:
    with open(args.json + ".tmp", "w") as f:
        json.dump(result, f, indent=2)
    os.replace(args.json + ".tmp", args.json)
