#include "renderer/geometry/polygon_triangulate.h"

#include <cmath>

namespace limner {
namespace {

// Newell's method: robust for non-planar and concave polygons, unlike one corner's cross.
glm::vec3 newell_normal(const std::vector<glm::vec3>& c) {
  glm::vec3 n(0.0f);
  for (size_t i = 0, j = c.size() - 1; i < c.size(); j = i++) {
    n.x += (c[j].y - c[i].y) * (c[j].z + c[i].z);
    n.y += (c[j].z - c[i].z) * (c[j].x + c[i].x);
    n.z += (c[j].x - c[i].x) * (c[j].y + c[i].y);
  }
  return n;
}

void push_tri(std::vector<uint32_t>& out, size_t a, size_t b, size_t c) {
  out.push_back(static_cast<uint32_t>(a));
  out.push_back(static_cast<uint32_t>(b));
  out.push_back(static_cast<uint32_t>(c));
}

void fan(size_t n, std::vector<uint32_t>& out) {
  for (size_t i = 1; i + 1 < n; ++i) push_tri(out, 0, i, i + 1);
}

void triangulate_quad(const std::vector<glm::vec3>& c, const glm::vec3& n,
                      std::vector<uint32_t>& out) {
  for (size_t r = 0; r < 4; ++r) {
    const glm::vec3& prev = c[(r + 3) % 4];
    glm::vec3 turn = glm::cross(c[r] - prev, c[(r + 1) % 4] - c[r]);
    if (glm::dot(turn, n) <= 0.0f) {  // reflex: only the diagonal from r stays inside
      push_tri(out, r, (r + 1) % 4, (r + 2) % 4);
      push_tri(out, r, (r + 2) % 4, (r + 3) % 4);
      return;
    }
  }
  // Convex: the shorter diagonal, as tinyobjloader and most exporters do.
  if (glm::dot(c[2] - c[0], c[2] - c[0]) < glm::dot(c[3] - c[1], c[3] - c[1])) {
    push_tri(out, 0, 1, 2);
    push_tri(out, 0, 2, 3);
  } else {
    push_tri(out, 0, 1, 3);
    push_tri(out, 1, 2, 3);
  }
}

// Twice the signed area of (a, b, c), positive when counter-clockwise.
float orient(const glm::vec2& a, const glm::vec2& b, const glm::vec2& c) {
  return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
}

bool inside_or_on(const glm::vec2& p, const glm::vec2& a, const glm::vec2& b, const glm::vec2& c) {
  return orient(a, b, p) >= 0.0f && orient(b, c, p) >= 0.0f && orient(c, a, p) >= 0.0f;
}

// Projects onto the coordinate plane most facing n, flipped so the polygon runs
// counter-clockwise.
std::vector<glm::vec2> project_ccw(const std::vector<glm::vec3>& c, const glm::vec3& n) {
  glm::vec3 a = glm::abs(n);
  int axis = (a.x >= a.y && a.x >= a.z) ? 0 : (a.y >= a.z ? 1 : 2);
  int u = (axis + 1) % 3, v = (axis + 2) % 3;
  float flip = n[axis] >= 0.0f ? 1.0f : -1.0f;
  std::vector<glm::vec2> p(c.size());
  for (size_t i = 0; i < c.size(); ++i) p[i] = glm::vec2(c[i][u], flip * c[i][v]);
  return p;
}

bool is_ear(const std::vector<glm::vec2>& p, const std::vector<size_t>& ring, size_t i) {
  size_t m = ring.size();
  size_t a = ring[(i + m - 1) % m], b = ring[i], c = ring[(i + 1) % m];
  if (orient(p[a], p[b], p[c]) <= 0.0f) return false;
  for (size_t k : ring) {
    if (k != a && k != b && k != c && inside_or_on(p[k], p[a], p[b], p[c])) return false;
  }
  return true;
}

void ear_clip(const std::vector<glm::vec3>& c, const glm::vec3& n, std::vector<uint32_t>& out) {
  std::vector<glm::vec2> p = project_ccw(c, n);
  std::vector<size_t> ring(c.size());
  for (size_t i = 0; i < ring.size(); ++i) ring[i] = i;
  while (ring.size() > 3) {
    size_t m = ring.size(), ear = m;
    for (size_t i = 0; i < m && ear == m; ++i) {
      if (is_ear(p, ring, i)) ear = i;
    }
    if (ear == m) break;  // self-intersecting: fan what is left
    push_tri(out, ring[(ear + m - 1) % m], ring[ear], ring[(ear + 1) % m]);
    ring.erase(ring.begin() + static_cast<std::ptrdiff_t>(ear));
  }
  for (size_t i = 1; i + 1 < ring.size(); ++i) push_tri(out, ring[0], ring[i], ring[i + 1]);
}

}  // namespace

void triangulate_polygon(const std::vector<glm::vec3>& corners, std::vector<uint32_t>& out) {
  size_t n = corners.size();
  if (n < 3) return;
  if (n == 3) {
    push_tri(out, 0, 1, 2);
    return;
  }
  glm::vec3 normal = newell_normal(corners);
  if (!(glm::dot(normal, normal) > 0.0f) || !std::isfinite(glm::dot(normal, normal))) {
    fan(n, out);  // zero-area polygon: the triangles are dropped as degenerate later
  } else if (n == 4) {
    triangulate_quad(corners, normal, out);
  } else {
    ear_clip(corners, normal, out);
  }
}

}  // namespace limner
