// Triangulation of OBJ polygons. Done here rather than by tinyobjloader because its
// triangulator reads positions through unchecked indices and loses faces' order relative to
// their usemtl tags.
#pragma once
#include <cstdint>
#include <glm/glm.hpp>
#include <vector>

namespace limner {

// Splits a polygon given by its corners in order (planar or nearly so, convex or concave)
// into corners.size() - 2 triangles, appending corner indices (0..n-1) to out, three per
// triangle, wound like the polygon. Self-intersecting or degenerate polygons get a fan.
void triangulate_polygon(const std::vector<glm::vec3>& corners, std::vector<uint32_t>& out);

}  // namespace limner
