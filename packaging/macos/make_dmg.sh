#!/usr/bin/env bash
# Build the macOS disk image: the .app beside a link to /Applications, compressed (UDZO).
#
#   packaging/macos/make_dmg.sh "dist/ESPM Desktop.app" dist/espm-desktop-X.Y.Z-macos-arm64.dmg
#
# Run by `python3 dev.py package` on macOS after PyInstaller. Sign the .app before (codesign, see
# .github/workflows/build.yml) and notarize the .dmg after; this script does neither.
set -euo pipefail

app="${1:?usage: make_dmg.sh APP_BUNDLE OUT.dmg}"
out="${2:?usage: make_dmg.sh APP_BUNDLE OUT.dmg}"
volume="ESPM Desktop"

if [ ! -d "$app/Contents/MacOS" ]; then
  echo "error: $app is not an application bundle (build it first: python3 dev.py package)" >&2
  exit 1
fi
command -v hdiutil >/dev/null 2>&1 || { echo "error: hdiutil not found: a .dmg can only be made on macOS" >&2; exit 1; }

staging="$(mktemp -d "${TMPDIR:-/tmp}/espm-dmg.XXXXXX")"
trap 'rm -rf "$staging"' EXIT
# ditto keeps the bundle's symlinks, extended attributes and code signatures.
ditto "$app" "$staging/$(basename "$app")"
ln -s /Applications "$staging/Applications"

mkdir -p "$(dirname "$out")"
tmp_dmg="$out.tmp.dmg"
rm -f "$tmp_dmg"
hdiutil create -volname "$volume" -srcfolder "$staging" -fs HFS+ -format UDZO -imagekey zlib-level=9 -ov "$tmp_dmg"
hdiutil verify "$tmp_dmg"
mv -f "$tmp_dmg" "$out"
echo "wrote $out"
