#include "renderer/geometry/embree_scene.h"

#if defined(__x86_64__) || defined(_M_X64) || defined(__i386__) || defined(_M_IX86)
#include <pmmintrin.h>
#include <xmmintrin.h>
#define LIMNER_HAVE_SSE_CSR 1
#endif

namespace limner {

void enable_ftz_daz() {
#ifdef LIMNER_HAVE_SSE_CSR
  // Denormals slow Embree's SIMD traversal by orders of magnitude and never matter for
  // rendering; Embree's docs ask for both modes on every tracing thread.
  _MM_SET_FLUSH_ZERO_MODE(_MM_FLUSH_ZERO_ON);
  _MM_SET_DENORMALS_ZERO_MODE(_MM_DENORMALS_ZERO_ON);
#endif
  // Other architectures: Embree's ARM port (via sse2neon) does not depend on these modes.
}

}  // namespace limner
