#!/usr/bin/env bash
# Limner's one-step set-up on Debian 12: installs the Debian packages it needs (only those
# missing), configures and builds in Release, then either renders the demo or runs the tests.
#   tools/setup.sh demo   -> scenes/demo.png
#   tools/setup.sh test   -> the whole test suite (ctest), in Release and under sanitizers
# Safe to run again: every step is skipped or quick when already done.
set -euo pipefail

mode="${1:-demo}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${LIMNER_BUILD_DIR:-$root/build}"

packages=(build-essential cmake ninja-build pkg-config libembree-dev libopenimageio-dev
          libtinyobjloader-dev libglm-dev libtbb-dev libgtest-dev libgmock-dev
          nlohmann-json3-dev libcli11-dev libfmt-dev fonts-dejavu-core)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
  echo "limner setup: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi

if [[ ! -f "$build/build.ninja" ]]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$build" -j "$(nproc)"

case "$mode" in
  demo)
    "$build/limner" render "$root/scenes/demo.json"
    echo "limner setup: rendered $root/scenes/demo.png"
    ;;
  test)
    ctest --test-dir "$build" -j "$(nproc)" --output-on-failure
    # The same suite again under AddressSanitizer and UndefinedBehaviorSanitizer.
    asan="${build}-asan"
    if [[ ! -f "$asan/build.ninja" ]]; then
      cmake -S "$root" -B "$asan" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DLIMNER_SANITIZE=ON >/dev/null
    fi
    cmake --build "$asan" -j "$(nproc)"
    ctest --test-dir "$asan" -j "$(nproc)" --output-on-failure
    ;;
  *)
    echo "usage: tools/setup.sh demo|test" >&2
    exit 2
    ;;
esac
