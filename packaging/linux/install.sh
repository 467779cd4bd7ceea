#!/bin/sh
# Install ESPM Desktop for the current user (no root): run from the extracted archive.
#
#   ./install.sh              copy this folder to ~/.local/lib/espm-desktop, link the commands into ~/.local/bin,
#                             add the menu entry and the icons
#   ./install.sh --uninstall  remove all of that again; your databases, backups and settings are kept
#
# PREFIX (default ~/.local) changes where everything goes.
set -eu

PREFIX="${PREFIX:-$HOME/.local}"
APP_DIR="$PREFIX/lib/espm-desktop"
BIN_DIR="$PREFIX/bin"
DATA_HOME="${XDG_DATA_HOME:-$HOME/.local/share}"
[ "$PREFIX" = "$HOME/.local" ] || DATA_HOME="$PREFIX/share"
APPS_DIR="$DATA_HOME/applications"
ICONS_DIR="$DATA_HOME/icons/hicolor"
SIZES="16 24 32 48 64 128 256 512"

refresh_caches() {
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$APPS_DIR" || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$ICONS_DIR" || true
}

if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$APP_DIR"
  rm -f "$BIN_DIR/espm-desktop" "$BIN_DIR/espm-desktop-cli" "$APPS_DIR/espm-desktop.desktop"
  for size in $SIZES; do rm -f "$ICONS_DIR/${size}x${size}/apps/espm-desktop.png"; done
  refresh_caches
  echo "ESPM Desktop removed. Your data is still in ${XDG_DATA_HOME:-$HOME/.local/share}/ESPM Desktop."
  exit 0
fi

HERE="$(cd "$(dirname "$0")" && pwd)"
if [ ! -x "$HERE/espm-desktop" ] || [ ! -d "$HERE/_internal" ]; then
  echo "Run install.sh from the extracted espm-desktop folder (next to the espm-desktop program)." >&2
  exit 1
fi

mkdir -p "$APP_DIR" "$BIN_DIR" "$APPS_DIR"
if [ "$HERE" != "$APP_DIR" ]; then
  # Replace an earlier version whole, so no file of it is left behind.
  rm -rf "$APP_DIR.new"
  mkdir -p "$APP_DIR.new"
  cp -a "$HERE/." "$APP_DIR.new/"
  rm -rf "$APP_DIR"
  mv "$APP_DIR.new" "$APP_DIR"
fi
ln -sf "$APP_DIR/espm-desktop" "$BIN_DIR/espm-desktop"
ln -sf "$APP_DIR/espm-desktop-cli" "$BIN_DIR/espm-desktop-cli"

ICON_SRC="$APP_DIR/_internal/espm_desktop/resources/icons"
for size in $SIZES; do
  mkdir -p "$ICONS_DIR/${size}x${size}/apps"
  cp "$ICON_SRC/espm-desktop-$size.png" "$ICONS_DIR/${size}x${size}/apps/espm-desktop.png"
done
# The menu entry names the installed program by its full path: ~/.local/bin may not be on the desktop's PATH.
sed -e "s|^Exec=espm-desktop|Exec=\"$APP_DIR/espm-desktop\"|" -e "s|^TryExec=espm-desktop|TryExec=$APP_DIR/espm-desktop|" \
  "$APP_DIR/espm-desktop.desktop" >"$APPS_DIR/espm-desktop.desktop"
refresh_caches

echo "ESPM Desktop installed in $APP_DIR."
echo "Start it from the applications menu, or run: $BIN_DIR/espm-desktop"
case ":$PATH:" in *":$BIN_DIR:"*) ;; *) echo "(Add $BIN_DIR to your PATH to type espm-desktop in a terminal.)" ;; esac
if [ -x "$APP_DIR/espm-desktop-cli" ] && ! "$APP_DIR/espm-desktop-cli" --help >/dev/null 2>&1; then
  echo "Warning: espm-desktop-cli did not start; see the README for the system libraries it needs." >&2
fi
