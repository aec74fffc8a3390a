// Image files through OpenImageIO, written atomically: a temporary file beside the target, then
// a rename, so a failed or interrupted write leaves an existing file untouched.
#pragma once
#include <map>
#include <string>

#include "renderer/film.h"

namespace limner {

enum class ImageFormat { Exr, Png, Jpeg };

// From the extension (.exr, .png, .jpg, .jpeg; case-insensitive). Throws InputError naming the
// path for anything else.
ImageFormat image_format_for(const std::string& path);

// Throws InputError when the folder of `path` does not exist or is not writable.
void check_output_path(const std::string& path);

// Writes `img` (linear float for EXR, display-encoded [0,1] for PNG/JPEG with 8 or 16 bits).
// Metadata is stored as string attributes (EXR headers, PNG text chunks).
void write_image_atomic(const std::string& path, const Image& img, int bit_depth,
                        const std::map<std::string, std::string>& metadata);

// Reads an image as float (for tests and tools).
Image read_image(const std::string& path);

}  // namespace limner
