// The TextureBackend of materials/texture/texture.h on OpenImageIO's TextureSystem: files are
// read lazily in tiles, untiled files (PNG, JPEG) get their mip pyramid made in memory on first
// use ("automip"), lookups are filtered over the footprint (trilinear between mip levels).
#pragma once
#include <memory>

#include "materials/texture/texture.h"

namespace limner {

std::shared_ptr<TextureBackend> make_oiio_texture_backend();

}  // namespace limner
