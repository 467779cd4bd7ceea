#!/usr/bin/env python3
"""Draw the application icon (a score gauge with a leaf on a rounded green square) in every size we ship.

    python scripts/make_icons.py        (needs Pillow: pip install pillow)

Writes resources/icons/espm-desktop-{16..512}.png, espm-desktop.ico (16–256, for Windows and the window icon)
and espm-desktop.icns (macOS). The files are committed; run this only to change the drawing.
"""

from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "icons"
NAME = "espm-desktop"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
CANVAS = 1024  # drawn once large, then scaled down

BACKGROUND_TOP = (24, 120, 72)
BACKGROUND_BOTTOM = (10, 74, 60)
# The gauge's bands, low score to high: red, orange, yellow, light green, green.
BANDS = ((214, 69, 65), (239, 138, 48), (246, 199, 60), (160, 210, 90), (76, 190, 110))
WHITE = (255, 255, 255)


def _polar(cx: float, cy: float, r: float, degrees: float) -> tuple[float, float]:
    a = math.radians(degrees)
    return cx + r * math.cos(a), cy - r * math.sin(a)


def draw(size: int = CANVAS) -> Image.Image:
    s = size / 1024
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))

    # Rounded square with a vertical gradient, a small margin so it does not touch the edges.
    margin, radius = 40 * s, 200 * s
    gradient = Image.new("RGBA", (size, size))
    gd = ImageDraw.Draw(gradient)
    for y in range(size):
        t = y / max(size - 1, 1)
        colour = tuple(round(a + (b - a) * t) for a, b in zip(BACKGROUND_TOP, BACKGROUND_BOTTOM, strict=True))
        gd.line([(0, y), (size, y)], fill=(*colour, 255))
    mask = Image.new("L", (size, size), 0)
    ImageDraw.Draw(mask).rounded_rectangle(
        [margin, margin, size - margin, size - margin], radius=radius, fill=255
    )
    img.paste(gradient, (0, 0), mask)
    d = ImageDraw.Draw(img)

    # The gauge: a half ring of five coloured bands, from 180° (left) to 0° (right).
    cx, cy, r_out, width = 512 * s, 600 * s, 360 * s, 110 * s
    box = [cx - r_out, cy - r_out, cx + r_out, cy + r_out]
    gap = 3.0
    for i, colour in enumerate(BANDS):
        start = 180 + i * 36 + gap / 2  # Pillow's angles run clockwise from 3 o'clock
        d.arc(box, start=start, end=start + 36 - gap, fill=colour, width=round(width))

    # The needle, pointing at a high score, and its hub.
    angle = 38.0
    tip = _polar(cx, cy, r_out - width - 20 * s, angle)
    base_l = _polar(cx, cy, 42 * s, angle + 90)
    base_r = _polar(cx, cy, 42 * s, angle - 90)
    d.polygon([tip, base_l, base_r], fill=WHITE)
    d.ellipse([cx - 70 * s, cy - 70 * s, cx + 70 * s, cy + 70 * s], fill=WHITE)
    d.ellipse([cx - 30 * s, cy - 30 * s, cx + 30 * s, cy + 30 * s], fill=BACKGROUND_BOTTOM)

    # A leaf under the gauge: the lens where two vertically offset ellipses overlap, with a vein.
    lx, ly, lw, lh, shift = 512 * s, 800 * s, 360 * s, 170 * s, 100 * s
    upper, lower = Image.new("L", (size, size), 0), Image.new("L", (size, size), 0)
    ImageDraw.Draw(upper).ellipse([lx - lw / 2, ly - lh - shift, lx + lw / 2, ly + lh - shift], fill=255)
    ImageDraw.Draw(lower).ellipse([lx - lw / 2, ly - lh + shift, lx + lw / 2, ly + lh + shift], fill=255)
    img.paste((*BANDS[4], 255), (0, 0), ImageChops.multiply(upper, lower))
    d.line(
        [(lx - lw / 2 + 30 * s, ly), (lx + lw / 2 - 30 * s, ly)], fill=BACKGROUND_BOTTOM, width=round(12 * s)
    )
    return img


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    big = draw(CANVAS)
    for size in PNG_SIZES:
        # Draw small sizes from a 4x rendering so thin lines stay crisp instead of vanishing.
        src = draw(size * 4) if size <= 64 else big
        src.resize((size, size), Image.Resampling.LANCZOS).save(OUT / f"{NAME}-{size}.png", optimize=True)
    ico_images = [Image.open(OUT / f"{NAME}-{n}.png") for n in ICO_SIZES]
    ico_images[-1].save(OUT / f"{NAME}.ico", sizes=[(n, n) for n in ICO_SIZES], append_images=ico_images[:-1])
    big.save(OUT / f"{NAME}.icns")
    for path in sorted(OUT.glob(f"{NAME}*")):
        print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
