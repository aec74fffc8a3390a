// The BSDF test machinery of tests/materials (RNG, quadrature, chi-square), compiled into
// paint_tests too: that binary only globs tests/paint, and the paint tests reuse it as is.
#include "tests/materials/bsdf_test_util.cpp"  // NOLINT(bugprone-suspicious-include)
