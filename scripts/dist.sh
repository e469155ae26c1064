#!/usr/bin/env bash
# Release files in dist/ (make dist builds redress.exe first):
#   redress-VERSION-linux-amd64.tar.gz   the program, a .desktop file, the
#                                        icon, README and font licence
#   redress-VERSION-windows-amd64.zip    redress.exe, README, font licence
#   SHA256SUMS                           sha256sum -c checks both
# The archives hold files in name order with fixed owners and times, so the
# same sources give the same bytes. Each is listed back and checked.
set -euo pipefail
cd "$(dirname "$0")/.."
exe=${1:-redress.exe}
[ -f "$exe" ] || { echo "dist: $exe is missing: run make windows first" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -ldflags "-s -w" -o "$work/redress" .
version=$("$work/redress" version | awk '{print $2}')
[ -n "$version" ] || { echo "dist: no version from redress version" >&2; exit 1; }
stamp=$(git log -1 --format=%ct 2>/dev/null || date +%s)
rm -rf dist
mkdir -p dist

# Linux: unpack anywhere; the README says where the two extra files go.
lin="redress-$version"
mkdir -p "$work/$lin/share/applications" "$work/$lin/share/icons/hicolor/512x512/apps"
cp "$work/redress" "$work/$lin/redress"
cp scripts/dist/io.github.redress.app.desktop "$work/$lin/share/applications/"
cp icons/icon.png "$work/$lin/share/icons/hicolor/512x512/apps/io.github.redress.app.png"
cp README.md "$work/$lin/README.md"
cp fonts/OFL.txt "$work/$lin/OFL.txt"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$stamp" -C "$work" -cf - "$lin" |
  gzip -n -9 >"dist/redress-$version-linux-amd64.tar.gz"

# Windows: one folder with the exe.
win="redress-$version-windows"
mkdir -p "$work/$win"
cp "$exe" "$work/$win/redress.exe"
sed 's/$/\r/' README.md >"$work/$win/README.txt" # Notepad-friendly line ends
sed 's/$/\r/' fonts/OFL.txt >"$work/$win/OFL.txt"
find "$work/$win" -exec touch -d "@$stamp" {} +
(cd "$work" && TZ=UTC zip -q -X -r -9 "$OLDPWD/dist/redress-$version-windows-amd64.zip" "$win")

(cd dist && sha256sum redress-*.tar.gz redress-*.zip >SHA256SUMS)

# Read everything back.
(cd dist && sha256sum --quiet -c SHA256SUMS)
listing=$(tar -tzf "dist/redress-$version-linux-amd64.tar.gz")
for f in redress share/applications/io.github.redress.app.desktop \
  share/icons/hicolor/512x512/apps/io.github.redress.app.png README.md OFL.txt; do
  grep -qx "$lin/$f" <<<"$listing" || { echo "dist: the tarball lacks $f" >&2; exit 1; }
done
for f in redress.exe README.txt OFL.txt; do
  unzip -l "dist/redress-$version-windows-amd64.zip" | grep -q "$win/$f" || { echo "dist: the zip lacks $f" >&2; exit 1; }
done
desktop-file-validate scripts/dist/io.github.redress.app.desktop
ls -l dist
