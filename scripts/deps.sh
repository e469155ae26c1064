#!/usr/bin/env bash
# Installs the system packages Redress needs on Debian/Ubuntu when any is
# missing: the C toolchain and X11/GL headers Fyne builds against, Xvfb,
# xdotool, xprop (x11-utils) and ImageMagick for the real-window tests,
# xclip for the clipboard tests, poppler, qpdf and mupdf-tools for the PDF
# checks, mingw-w64 and Wine for the Windows build and its smoke test, zip
# and desktop-file-utils for `make dist`. Uses sudo when not root. Says
# nothing when everything is there. Elsewhere it only explains.
set -euo pipefail
packages=(gcc pkg-config libgl1-mesa-dev xorg-dev libxkbcommon-dev xvfb xdotool x11-utils imagemagick xclip
  poppler-utils qpdf mupdf-tools mingw-w64 wine wine64 zip desktop-file-utils)
if ! command -v apt-get >/dev/null 2>&1; then
  echo "deps: apt-get not found; install a C compiler and the OpenGL/X11 development files yourself (see README, 'Building on Windows and macOS')." >&2
  exit 0
fi
missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
echo "deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
