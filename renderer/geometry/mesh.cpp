#include "renderer/geometry/mesh.h"

#include "renderer/errors.h"
#include "renderer/geometry/mesh_file.h"
#include "renderer/geometry/mesh_validate.h"
#include "renderer/geometry/obj_loader.h"
#include "renderer/geometry/stl_loader.h"

namespace limner {

Mesh load_mesh(const std::string& path) { return load_mesh(path, nullptr); }

Mesh load_mesh(const std::string& path, MeshLoadStats* stats) {
  // Dispatch before touching the file so an unsupported format is reported as such even when
  // the path is also wrong.
  std::string ext = lowercase_extension(path);
  Mesh mesh;
  if (ext == ".obj") {
    mesh = load_obj(path, read_mesh_file(path));
  } else if (ext == ".stl") {
    mesh = load_stl(path, read_mesh_file(path));
  } else {
    std::string shown = ext.empty() ? "(no extension)" : "'" + ext + "'";
    throw input_error(path, "", "unsupported mesh format " + shown + " (use .obj or .stl)");
  }
  size_t dropped = validate_mesh(mesh, path);
  if (stats) stats->degenerate_triangles_dropped = dropped;
  return mesh;
}

}  // namespace limner
