#!/usr/bin/env bash
# One-step set-up for dossier on Debian 12, run as root (or with sudo):
#   scripts/bootstrap.sh samples   install what is missing, build, run on samples/
#   scripts/bootstrap.sh test      install what is missing, build, run the test suite
# Idempotent: with everything installed and built it only checks and runs.
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-}"
case "$mode" in
  samples|test) ;;
  *) echo "usage: scripts/bootstrap.sh samples|test" >&2; exit 2 ;;
esac

# Debian packages: toolchain, the libraries dossier links, test and benchmark
# frameworks, OCR data, and poppler-utils (pdftotext is the PDF reference).
packages=(
  g++ cmake ninja-build pkg-config git python3
  libpoppler-private-dev libxml2-dev libicu-dev libre2-dev nlohmann-json3-dev
  libvalijson-dev libcli11-dev nettle-dev
  libtesseract-dev libleptonica-dev tesseract-ocr-eng tesseract-ocr-spa
  libgtest-dev libgmock-dev libbenchmark-dev poppler-utils
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "bootstrap: installing ${missing[*]}" >&2
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "bootstrap: need root (or sudo) to install: ${missing[*]}" >&2; exit 2; }
    sudo="sudo"
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Configure once; Ninja rebuilds only what changed. Warnings are errors.
if [ ! -f build/build.ninja ]; then
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DDOSSIER_WERROR=ON >/dev/null
fi
cmake --build build --parallel "$(nproc)"

if [ "$mode" = samples ]; then
  out=out/samples
  set +e
  build/dossier run samples -o "$out"
  rc=$?
  set -e
  # samples/ holds one deliberately broken file: exit code 1 (some documents
  # failed, the rest were processed) is the expected outcome there.
  if [ "$rc" -gt 1 ]; then exit "$rc"; fi
  echo "bootstrap: output in $out/ (documents.jsonl, incidents.jsonl, errors.jsonl)"
  exit 0
fi

ctest --test-dir build --output-on-failure --parallel "$(nproc)" --timeout 600
