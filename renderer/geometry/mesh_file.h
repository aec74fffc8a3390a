// Whole-file reads for the mesh loaders: both parsers want random access to the bytes, and one
// read is far faster than stream extraction for the ~100 MB files the renderer sees.
#pragma once
#include <string>

namespace limner {

// Throws InputError naming path and the OS reason ("cannot open mesh: No such file or
// directory").
std::string read_mesh_file(const std::string& path);

// ".OBJ" -> ".obj"; "" when the file name has no extension.
std::string lowercase_extension(const std::string& path);

}  // namespace limner
