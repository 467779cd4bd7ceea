"""The painted severity icons: one per severity, sharp at the sizes a list asks for, told apart by colour and mark;
the Score page's data checks and the Bills page's findings show them."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from espm_desktop.ui.severity_icons import SEVERITIES, severity_icon


def image(severity: str, size: int) -> QImage:
    icon = severity_icon(severity)
    return icon.pixmap(size, size).toImage().convertToFormat(QImage.Format.Format_ARGB32)


def colour_at(img: QImage, fx: float, fy: float) -> QColor:
    return img.pixelColor(round(fx * (img.width() - 1)), round(fy * (img.height() - 1)))


@pytest.mark.parametrize("severity", SEVERITIES)
def test_each_icon_has_its_colour_a_mark_and_transparent_corners(qtbot: QtBot, severity: str) -> None:
    icon = severity_icon(severity)
    assert not icon.isNull() and severity_icon(severity).cacheKey() == icon.cacheKey()
    for size in (16, 32):
        img = image(severity, size)
        assert (img.width(), img.height()) == (size, size)
        assert colour_at(img, 0, 0).alpha() == 0  # a round or triangular icon: the corner is see-through
        fill = colour_at(img, 0.5, 0.88) if severity == "warning" else colour_at(img, 0.5, 0.1)
        assert fill.alpha() == 255
        hue = {"error": (0, 15), "warning": (30, 50), "info": (200, 220), "ok": (115, 135)}[severity]
        assert hue[0] <= fill.hsvHue() <= hue[1], (severity, fill.name())
    big = image(severity, 64)
    mark = {"error": (0.5, 0.5), "warning": (0.5, 0.5), "info": (0.5, 0.6), "ok": (0.44, 0.66)}[severity]
    centre = colour_at(big, *mark)
    assert centre.name() != QColor(fill).name() and centre.alpha() == 255  # the mark is drawn over the fill


def test_the_four_icons_differ(qtbot: QtBot) -> None:
    images = [image(s, 32) for s in SEVERITIES]
    assert len({img.constBits().tobytes() for img in images}) == 4


def test_an_unknown_severity_is_refused(qtbot: QtBot) -> None:
    with pytest.raises(ValueError):
        severity_icon("fatal")
