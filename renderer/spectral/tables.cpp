// The numbers live in generated files (see data/gen_tables.py) so the build needs no Python
// and the provenance comments travel with the data.
#include "renderer/spectral/data/cie_cmfs.inc"
#include "renderer/spectral/data/cie_daylight_basis.inc"
#include "renderer/spectral/data/cie_illuminants.inc"
