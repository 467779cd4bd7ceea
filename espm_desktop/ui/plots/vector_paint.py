"""Paint a chart on any painter (SVG, PNG, printer) exactly as the screen draws it, with every transform applied.

Why not hand the scene straight to QSvgGenerator or a printer: pyqtgraph draws data in data coordinates under
a view transform such as `matrix(71.79, 0, 0, -2.95, -1744430, 379)` (x is a month index near 24 300).
QSvgGenerator writes that matrix with six significant digits, which moves bars and points by several pixels,
and marks pyqtgraph's cosmetic pens `vector-effect="non-scaling-stroke"`, which librsvg and other renderers
ignore: a 0.5 px bar outline becomes 36 px wide and a dashed fit line a filled band. Axes are QPictures,
replayed at 72/96 of their size on a 72 dpi generator. And a cosmetic pen stays one device pixel wide on a
1200 dpi printer, a hairline on paper.

So the scene is painted on `FlatteningDevice`, whose paint engine receives each shape with the transform in
force, maps it in double precision and redraws it on the real painter in device coordinates, with cosmetic pen
widths scaled like everything else. Text stays text (an SVG keeps its words, a PDF its fonts).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QBrush,
    QFont,
    QImage,
    QPaintDevice,
    QPaintEngine,
    QPaintEngineState,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPixmap,
    QPolygonF,
    QTextItem,
    QTransform,
)

_FEATURE = QPaintEngine.PaintEngineFeature
# Everything QPainter can hand over as is; the rest (perspective, blend modes, object-bounding gradients) it
# converts before calling the engine.
_FEATURES = (
    _FEATURE.AllFeatures
    & ~_FEATURE.PerspectiveTransform
    & ~_FEATURE.ObjectBoundingModeGradients
    & ~_FEATURE.BlendModes
    & ~_FEATURE.RasterOpModes
    & ~_FEATURE.PorterDuff
)
_DIRTY = QPaintEngine.DirtyFlag
# The hatches drawn as lines (the dense dot patterns are left to the target).
_HATCH_LINES = frozenset(
    (
        Qt.BrushStyle.HorPattern,
        Qt.BrushStyle.VerPattern,
        Qt.BrushStyle.CrossPattern,
        Qt.BrushStyle.BDiagPattern,
        Qt.BrushStyle.FDiagPattern,
        Qt.BrushStyle.DiagCrossPattern,
    )
)
HATCH_SPACING_PX = 8.0
_SAME_SCALE = 1e-6


def default_dpi() -> int:
    """The resolution widgets and images are laid out at (QPictures and point sizes assume it)."""
    return QImage(1, 1, QImage.Format.Format_ARGB32).logicalDpiX()


def _scale_of(t: QTransform) -> float | None:
    """The scale factor of a transform that keeps shapes (scale, rotation, mirror); None if it distorts."""
    a, b, c, d = t.m11(), t.m12(), t.m21(), t.m22()
    # The two singular values of [[a, b], [c, d]] are q + r and |q - r|; equal when r is 0.
    q = math.hypot((a + d) / 2, (c - b) / 2)
    r = math.hypot((a - d) / 2, (c + b) / 2)
    if min(q, r) <= _SAME_SCALE * max(q + r, 1.0):
        return q + r
    return None


class _ForwardingEngine(QPaintEngine):
    """Receives what QPainter draws on a FlatteningDevice and draws it on `target` in device coordinates."""

    def __init__(self, target: QPainter, base: QTransform, dpi: int) -> None:
        super().__init__(_FEATURES)
        self._target = target
        self._base = base
        self._dpi = dpi
        self._target_dpi = target.device().logicalDpiY()
        self._transform = QTransform()
        self._pen = QPen()
        self._brush = QBrush()
        self._brush_origin = QPointF()
        self._opacity = 1.0
        self._hints = QPainter.RenderHint.Antialiasing
        self._clip: QPainterPath | None = None
        self._clip_enabled = False

    # -- QPaintEngine ---------------------------------------------------------------------------------------
    def begin(self, pdev: QPaintDevice) -> bool:
        return True

    def end(self) -> bool:
        return True

    def type(self) -> QPaintEngine.Type:
        return QPaintEngine.Type.User

    def updateState(self, state: QPaintEngineState) -> None:  # noqa: N802 (Qt override)
        flags = state.state()
        # The transform first: QPainter.restore replays clips with the transform each was set under.
        if flags & _DIRTY.DirtyTransform:
            self._transform = state.transform()
        if flags & _DIRTY.DirtyPen:
            self._pen = QPen(state.pen())
        if flags & _DIRTY.DirtyBrush:
            self._brush = QBrush(state.brush())
        if flags & _DIRTY.DirtyBrushOrigin:
            self._brush_origin = state.brushOrigin()
        if flags & _DIRTY.DirtyOpacity:
            self._opacity = state.opacity()
        if flags & _DIRTY.DirtyHints:
            self._hints = state.renderHints()
        if flags & _DIRTY.DirtyClipRegion:
            region_path = QPainterPath()
            region_path.addRegion(state.clipRegion())
            self._set_clip(region_path, state.clipOperation())
        if flags & _DIRTY.DirtyClipPath:
            self._set_clip(state.clipPath(), state.clipOperation())
        if flags & _DIRTY.DirtyClipEnabled:
            self._clip_enabled = state.isClipEnabled()

    def drawPath(self, path: QPainterPath) -> None:  # noqa: N802 (Qt override)
        self._draw(path, filled=True)

    def drawPolygon(self, points: Iterable[Any], mode: QPaintEngine.PolygonDrawMode) -> None:  # noqa: N802
        path = QPainterPath()
        path.addPolygon(QPolygonF([QPointF(point) for point in points]))
        polyline = mode == QPaintEngine.PolygonDrawMode.PolylineMode
        if not polyline:
            path.closeSubpath()
        if mode == QPaintEngine.PolygonDrawMode.OddEvenMode:
            path.setFillRule(Qt.FillRule.OddEvenFill)
        else:
            path.setFillRule(Qt.FillRule.WindingFill)
        self._draw(path, filled=not polyline)

    def drawPixmap(self, r: QRectF | QRect, pm: QPixmap | QImage, sr: QRectF | QRect) -> None:  # noqa: N802
        full = self._transform * self._base
        self._prepare(full.mapRect(QRectF(r)))
        self._target.setWorldTransform(full)
        if isinstance(pm, QImage):
            self._target.drawImage(QRectF(r), pm, QRectF(sr))
        else:
            self._target.drawPixmap(QRectF(r), pm, QRectF(sr))

    def drawImage(  # noqa: N802 (Qt override)
        self,
        r: QRectF | QRect,
        pm: QImage,
        sr: QRectF | QRect,
        flags: Qt.ImageConversionFlag = Qt.ImageConversionFlag.AutoColor,
    ) -> None:
        full = self._transform * self._base
        self._prepare(full.mapRect(QRectF(r)))
        self._target.setWorldTransform(full)
        self._target.drawImage(QRectF(r), pm, QRectF(sr), flags)

    def drawTextItem(  # noqa: N802 (Qt override)
        self,
        p: QPointF | QPoint | QPainterPath.Element,
        textItem: QTextItem,  # noqa: N803 (Qt's name)
    ) -> None:
        point = QPointF(p.x, p.y) if isinstance(p, QPainterPath.Element) else QPointF(p)
        full = self._transform * self._base
        ascent, descent = textItem.ascent(), textItem.descent()
        self._prepare(full.mapRect(QRectF(point.x(), point.y() - ascent, textItem.width(), ascent + descent)))
        target = self._target
        target.setWorldTransform(full)
        target.setFont(self._font_for_target(textItem.font()))
        target.setPen(self._pen)
        target.drawText(point, textItem.text())

    # -- helpers ----------------------------------------------------------------------------------------------
    def _set_clip(self, path: QPainterPath, operation: Qt.ClipOperation) -> None:
        mapped = (self._transform * self._base).map(path)
        if operation == Qt.ClipOperation.NoClip:
            self._clip = None
        elif operation == Qt.ClipOperation.IntersectClip and self._clip is not None:
            self._clip = self._clip.intersected(mapped)
        else:
            self._clip = mapped

    def _prepare(self, bounds: QRectF | None) -> None:
        """Clip, opacity and hints on the target; no clip when the shape lies inside it (a lighter SVG)."""
        target = self._target
        target.setOpacity(self._opacity)
        target.setRenderHints(self._hints)
        clip = self._clip if self._clip_enabled else None
        if clip is not None and bounds is not None and clip.contains(bounds):
            clip = None
        if clip is None:
            target.setClipping(False)
        else:
            target.setWorldTransform(QTransform())
            target.setClipPath(clip)

    def _font_for_target(self, font: QFont) -> QFont:
        """The same glyph size on a target of another resolution (the transform already carries the scale)."""
        out = QFont(font)
        pixels = font.pixelSize() if font.pixelSize() > 0 else font.pointSizeF() * self._dpi / 72.0
        out.setPointSizeF(max(pixels * 72.0 / self._target_dpi, 0.1))
        return out

    def _draw(self, path: QPainterPath, filled: bool) -> None:
        full = self._transform * self._base
        mapped = full.map(path)
        pen = self._pen
        stroke_pen: QPen | None = None
        outline: QPainterPath | None = None
        if pen.style() != Qt.PenStyle.NoPen:
            cosmetic = pen.isCosmetic() or pen.widthF() == 0
            scale = _scale_of(self._base if cosmetic else full)
            if scale is not None:
                stroke_pen = QPen(pen)
                stroke_pen.setCosmetic(False)
                stroke_pen.setWidthF(max(pen.widthF(), 1.0 if cosmetic else 0.0) * scale)
            else:
                # A distorting transform draws a thick line thicker one way: its outline, filled, does that.
                outline = full.map(QPainterPathStroker(pen).createStroke(path))
        brush = QBrush(self._brush) if filled else QBrush(Qt.BrushStyle.NoBrush)
        if brush.gradient() is not None or brush.style() == Qt.BrushStyle.TexturePattern:
            brush.setTransform(brush.transform() * QTransform.fromTranslate(*_xy(self._brush_origin)) * full)
        hatch = brush if brush.style() in _HATCH_LINES else None
        if hatch is not None:
            brush = QBrush(Qt.BrushStyle.NoBrush)
        grow = stroke_pen.widthF() if stroke_pen is not None else 0.0
        bounds = (outline or mapped).boundingRect().adjusted(-grow, -grow, grow, grow)
        self._prepare(bounds)
        target = self._target
        target.setWorldTransform(QTransform())
        if hatch is not None:
            self._hatch(mapped, hatch)
        target.setBrush(brush)
        target.setPen(stroke_pen if stroke_pen is not None else QPen(Qt.PenStyle.NoPen))
        if brush.style() != Qt.BrushStyle.NoBrush or stroke_pen is not None:
            target.drawPath(mapped)
        if outline is not None:
            target.setPen(QPen(Qt.PenStyle.NoPen))
            target.setBrush(pen.brush())
            target.drawPath(outline)

    def _hatch(self, area: QPainterPath, brush: QBrush) -> None:
        """Fill `area` (device coordinates) with a hatch's lines, 8 screen pixels apart as Qt draws them.

        Qt draws hatch brushes in device pixels: on a 1200 dpi printer they shrink to a grey tint, and a brush
        transform does not reach the PDF writer. Lines scaled like everything else keep the screen's look.
        """
        scale = _scale_of(self._base) or 1.0
        step = HATCH_SPACING_PX * scale
        box = area.boundingRect()
        style = brush.style()
        lines = QPainterPath()
        span = box.width() + box.height()
        count = math.ceil(span / step) + 1
        for k in range(count):
            offset = k * step
            if style in (Qt.BrushStyle.HorPattern, Qt.BrushStyle.CrossPattern):
                lines.moveTo(box.left(), box.top() + offset)
                lines.lineTo(box.right(), box.top() + offset)
            if style in (Qt.BrushStyle.VerPattern, Qt.BrushStyle.CrossPattern):
                lines.moveTo(box.left() + offset, box.top())
                lines.lineTo(box.left() + offset, box.bottom())
            if style in (Qt.BrushStyle.BDiagPattern, Qt.BrushStyle.DiagCrossPattern):
                lines.moveTo(box.left() + offset, box.top())
                lines.lineTo(box.left() + offset - span, box.top() + span)
            if style in (Qt.BrushStyle.FDiagPattern, Qt.BrushStyle.DiagCrossPattern):
                lines.moveTo(box.right() - offset, box.top())
                lines.lineTo(box.right() - offset + span, box.top() + span)
        target = self._target
        target.save()
        target.setClipPath(
            area, Qt.ClipOperation.IntersectClip if target.hasClipping() else Qt.ClipOperation.ReplaceClip
        )
        target.setBrush(QBrush(Qt.BrushStyle.NoBrush))
        target.setPen(QPen(brush.color(), scale, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
        target.drawPath(lines)
        target.restore()


def _xy(point: QPointF) -> tuple[float, float]:
    return point.x(), point.y()


class FlatteningDevice(QPaintDevice):
    """A paint device `size` screen pixels large whose drawing lands on `target`, mapped by `base`."""

    def __init__(self, target: QPainter, base: QTransform, size: QSizeF) -> None:
        super().__init__()
        self._size = size
        self._dpi = default_dpi()
        self._engine = _ForwardingEngine(target, base, self._dpi)

    def paintEngine(self) -> QPaintEngine:  # noqa: N802 (Qt override)
        return self._engine

    def metric(self, metric: QPaintDevice.PaintDeviceMetric) -> int:
        m = QPaintDevice.PaintDeviceMetric
        if metric == m.PdmWidth:
            return math.ceil(self._size.width())
        if metric == m.PdmHeight:
            return math.ceil(self._size.height())
        if metric == m.PdmWidthMM:
            return round(self._size.width() * 25.4 / self._dpi)
        if metric == m.PdmHeightMM:
            return round(self._size.height() * 25.4 / self._dpi)
        if metric in (m.PdmDpiX, m.PdmDpiY, m.PdmPhysicalDpiX, m.PdmPhysicalDpiY):
            # The screen's logical resolution: QPictures (pyqtgraph's axes) replay at their recorded size.
            return self._dpi
        if metric == m.PdmDepth:
            return 32
        if metric == m.PdmNumColors:
            return 0x7FFFFFFF
        if metric == m.PdmDevicePixelRatio:
            return 1
        if metric == m.PdmDevicePixelRatioScaled:
            return int(QPaintDevice.devicePixelRatioFScale())
        return 0


@contextmanager
def export_mode(plot_widget: pg.GraphicsView) -> Iterator[None]:
    """Items drawn for a file: scatter symbols as shapes (not a pixmap atlas), no hover buttons."""
    items = [item for item in plot_widget.scene().items() if hasattr(item, "setExportMode")]
    for item in items:
        item.setExportMode(True, {"antialias": True, "resolutionScale": 1.0})
    try:
        yield
    finally:
        for item in items:
            item.setExportMode(False)


@contextmanager
def flattened_painter(target: QPainter, base: QTransform, size: QSizeF) -> Iterator[QPainter]:
    """A painter in screen pixels (0, 0, size) whose every shape is drawn on `target`, mapped by `base`."""
    target.save()
    device = FlatteningDevice(target, base, size)
    painter = QPainter(device)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    try:
        yield painter
    finally:
        painter.end()
        target.restore()
